import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'delegated-assistance';
const AUDIENCE = 'delegated-assistance-api';

/** An account as a token names it: its id, and the version of its credentials the token was issued under. */
export interface TokenAccount {
  accountId: string;
  credentialsVersion: number;
}

export interface TokenSigner {
  sign(accountId: string, credentialsVersion: number): Promise<{ token: string; expiresAt: Date }>;
  /**
   * A "view as" token (issue #16): its subject is the account viewed, whose view of the API the
   * bearer gets; its `act` claim (RFC 8693's actor) the account that looks. Short-lived: `ttlSeconds`
   * is the district's setting, never longer than the bearer's own sign-in would still last.
   */
  signViewAs(viewed: TokenAccount, viewer: TokenAccount, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }>;
  /** The account of a valid token (and, for a "view as" token, the account looking) with the instant
   * it expires (ms since the epoch), or the message key of why it is not valid. */
  verify(
    token: string,
  ): Promise<(TokenAccount & { expiresAtMs: number; viewer?: TokenAccount }) | { invalid: 'auth.token.invalid' | 'auth.token.expired' }>;
}

/** HS256 tokens signed with the server's secret; expiry is checked on every request. */
export function createTokenSigner(secret: string, ttlSeconds: number): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(accountId, credentialsVersion) {
      return issue({ cv: credentialsVersion }, accountId, ttlSeconds);
    },
    async signViewAs(viewed, viewer, viewTtlSeconds) {
      return issue(
        { cv: viewed.credentialsVersion, act: { sub: viewer.accountId, cv: viewer.credentialsVersion } },
        viewed.accountId,
        Math.min(viewTtlSeconds, ttlSeconds),
      );
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        if (!payload.sub || typeof payload.cv !== 'number' || typeof payload.exp !== 'number') return { invalid: 'auth.token.invalid' };
        const verified = { accountId: payload.sub, credentialsVersion: payload.cv, expiresAtMs: payload.exp * 1000 };
        if (payload.act === undefined) return verified;
        const act = payload.act as { sub?: unknown; cv?: unknown } | null | undefined;
        if (typeof act?.sub !== 'string' || typeof act.cv !== 'number') return { invalid: 'auth.token.invalid' };
        return { ...verified, viewer: { accountId: act.sub, credentialsVersion: act.cv } };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { invalid: 'auth.token.expired' };
        return { invalid: 'auth.token.invalid' };
      }
    },
  };

  async function issue(claims: Record<string, unknown>, subject: string, lifetimeSeconds: number) {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(key);
    return { token, expiresAt: new Date((now + lifetimeSeconds) * 1000) };
  }
}
