import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'delegated-assistance';
const AUDIENCE = 'delegated-assistance-api';

export interface TokenSigner {
  sign(accountId: string, credentialsVersion: number): Promise<{ token: string; expiresAt: Date }>;
  /** The account id of a valid token, or the message key of why it is not valid. */
  verify(
    token: string,
  ): Promise<{ accountId: string; credentialsVersion: number } | { invalid: 'auth.token.invalid' | 'auth.token.expired' }>;
}

/** HS256 tokens signed with the server's secret; expiry is checked on every request. */
export function createTokenSigner(secret: string, ttlSeconds: number): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(accountId, credentialsVersion) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ cv: credentialsVersion })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(accountId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(key);
      return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        if (!payload.sub || typeof payload.cv !== 'number') return { invalid: 'auth.token.invalid' };
        return { accountId: payload.sub, credentialsVersion: payload.cv };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { invalid: 'auth.token.expired' };
        return { invalid: 'auth.token.invalid' };
      }
    },
  };
}
