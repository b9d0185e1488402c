import type { DataAccess } from '../db/data-access';
import { tooManyRequests } from '../errors';

export interface LoginThrottleLimits {
  /** Failed attempts on one account, from any address, before it is locked. */
  maxFailuresPerAccount: number;
  /** Failed attempts from one address, on any username, before it is locked. */
  maxFailuresPerAddress: number;
  /** How long an attempt counts, and so how long a lock lasts after the last one. */
  lockSeconds: number;
}

/** Expired rows deleted by each attempt, oldest first: enough to outpace any flood of new keys, bounded
 * per request. Rows expired but not yet deleted are ignored by the counts. */
const CLEANUP_BATCH = 100;

interface Totals {
  account_failures: number;
  account_wait: number;
  address_failures: number;
  address_wait: number;
}

/**
 * Slows password guessing, on every replica alike: the state is the `sign_in_failures` table, one
 * row per username and address. An account is locked after `maxFailuresPerAccount` unforgiven
 * attempts from any addresses (guessing one password from many addresses), an address after
 * `maxFailuresPerAddress` on any usernames (trying one password on many accounts). An attempt is
 * counted before its password is checked, so that a burst of parallel guesses cannot all slip
 * through, and forgiven (for its username and address) when it succeeds. Rows expire `lockSeconds`
 * after their last attempt; nothing stops counting under a flood, expired rows are deleted a batch
 * at a time by the attempts themselves.
 */
export class LoginThrottle {
  constructor(
    private readonly data: DataAccess,
    private readonly limits: LoginThrottleLimits,
  ) {}

  /** Counts an attempt of `username` from `address`, or refuses it (TOO_MANY_REQUESTS) while either is locked. */
  async attempt(username: string, address: string): Promise<void> {
    const db = this.data.system('sign in and resolve credentials');
    await db.query(
      `DELETE FROM sign_in_failures WHERE (username, address) IN
         (SELECT username, address FROM sign_in_failures WHERE expires_at <= now() ORDER BY expires_at LIMIT ${CLEANUP_BATCH})`,
    );
    // A locked account or address is refused without counting, so that hammering it does not prolong the lock.
    this.refuseIfLocked(await this.totals(username, address), 0);
    await db.query(
      `INSERT INTO sign_in_failures AS f (username, address, failures, expires_at)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3))
       ON CONFLICT (username, address) DO UPDATE
         SET failures = CASE WHEN f.expires_at <= now() THEN 1 ELSE f.failures + 1 END, expires_at = EXCLUDED.expires_at`,
      [username, address, this.limits.lockSeconds],
    );
    // One statement, so two attempts of one pair cannot both read the old count. Read again after
    // the count is committed: of attempts racing past the first check, those counted beyond the
    // limit see every earlier one and are refused.
    this.refuseIfLocked(await this.totals(username, address), 1);
  }

  /** Forgives the attempts of `username` from `address` after one succeeded. */
  async succeeded(username: string, address: string): Promise<void> {
    await this.data
      .system('sign in and resolve credentials')
      .query('DELETE FROM sign_in_failures WHERE username = $1 AND address = $2', [username, address]);
  }

  private async totals(username: string, address: string): Promise<Totals> {
    const [totals]: Totals[] = await this.data.system('sign in and resolve credentials').query(
      `SELECT coalesce(sum(failures) FILTER (WHERE username = $1), 0)::int AS account_failures,
              coalesce(ceil(extract(epoch FROM max(expires_at) FILTER (WHERE username = $1) - now())), 0)::int AS account_wait,
              coalesce(sum(failures) FILTER (WHERE address = $2), 0)::int AS address_failures,
              coalesce(ceil(extract(epoch FROM max(expires_at) FILTER (WHERE address = $2) - now())), 0)::int AS address_wait
         FROM sign_in_failures
        WHERE (username = $1 OR address = $2) AND expires_at > now()`,
      [username, address],
    );
    return totals;
  }

  /** Refuses when the failures already counted (`own` of them this attempt's) exceed a limit. */
  private refuseIfLocked(totals: Totals, own: number): void {
    if (totals.account_failures - own >= this.limits.maxFailuresPerAccount) {
      throw tooManyRequests(totals.account_wait, 'auth.locked.account', { seconds: totals.account_wait });
    }
    if (totals.address_failures - own >= this.limits.maxFailuresPerAddress) {
      throw tooManyRequests(totals.address_wait, 'auth.locked.address', { seconds: totals.address_wait });
    }
  }
}
