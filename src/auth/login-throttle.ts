/**
 * Slows password guessing: after `maxFailures` attempts that were not successful, for one username
 * from one address, further attempts are refused until `lockSeconds` have passed. An attempt is
 * counted before the password is checked, so a burst of parallel guesses cannot all slip through,
 * and forgiven when it succeeds. Keyed by username and address. Kept in memory, at most
 * `MAX_ENTRIES` keys: one process, forgotten on restart.
 */
const MAX_ENTRIES = 100_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly lockSeconds: number,
  ) {}

  /** Seconds to wait before another attempt, or 0. */
  retryAfter(username: string, address: string, now = Date.now()): number {
    const entry = this.failures.get(this.key(username, address));
    if (!entry || entry.until <= now) return 0;
    return entry.count >= this.maxFailures ? Math.ceil((entry.until - now) / 1000) : 0;
  }

  /** Counts an attempt (before its password is checked); `succeeded` takes it back. */
  attempt(username: string, address: string, now = Date.now()): void {
    const key = this.key(username, address);
    const entry = this.failures.get(key);
    const count = entry && entry.until > now ? entry.count + 1 : 1;
    if (!entry && this.failures.size >= MAX_ENTRIES) this.forgetExpired(now);
    // Still full of live entries: under such a flood, refuse new keys rather than grow without bound.
    if (!entry && this.failures.size >= MAX_ENTRIES) return;
    this.failures.set(key, { count, until: now + this.lockSeconds * 1000 });
  }

  succeeded(username: string, address: string): void {
    this.failures.delete(this.key(username, address));
  }

  private key(username: string, address: string): string {
    return `${username.toLowerCase()}\u0000${address}`;
  }

  private forgetExpired(now: number): void {
    for (const [key, entry] of this.failures) if (entry.until <= now) this.failures.delete(key);
  }
}
