/**
 * Slows password guessing: after `maxFailures` wrong passwords for one username from one address,
 * further attempts are refused until `lockSeconds` have passed. Keyed by both, so nobody can lock a
 * colleague out from elsewhere. Kept in memory: one process, forgotten on restart.
 */
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

  failed(username: string, address: string, now = Date.now()): void {
    const key = this.key(username, address);
    const entry = this.failures.get(key);
    const count = entry && entry.until > now ? entry.count + 1 : 1;
    this.failures.set(key, { count, until: now + this.lockSeconds * 1000 });
    if (this.failures.size > 100_000) this.forgetExpired(now);
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
