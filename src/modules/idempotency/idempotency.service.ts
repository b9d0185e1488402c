import crypto from 'node:crypto';
import type { Caller } from '../../auth/caller';
import type { DataAccess } from '../../db/data-access';
import { badInput, conflict, notFound } from '../../errors';

/** What a key may look like: a client's UUID or any short token of letters, digits and `-_.:`. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** JSON with object keys in a fixed order, so that the same input hashes the same however a client orders it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** How a mutation run once under a key is run, and how its answer is found again on a retry. */
export interface IdempotentRun<R> {
  run(): Promise<R>;
  /** The global id the answer is found again by. */
  idOf(result: R): string;
  /** The answer again, read through the caller's scope as any read of it is. */
  replay(id: string): Promise<R | null>;
}

/**
 * Idempotency keys of integration mutations (issue 10 item 8): a department or bank system that
 * lost a response retries with the same key and gets the first answer, nothing written twice. A
 * key is the calling account's own, lives for `ttlSeconds`, and is claimed before the work runs, so
 * that two simultaneous requests with one key cannot both write: the second is told the first is
 * still running. A key reused for a different input is refused, since the client has a bug.
 */
export class IdempotencyService {
  constructor(
    private readonly data: DataAccess,
    private readonly ttlSeconds: number,
  ) {}

  async once<R>(caller: Caller, operation: string, key: string | null | undefined, input: object, how: IdempotentRun<R>): Promise<R> {
    if (key === null || key === undefined) return how.run();
    if (!KEY_PATTERN.test(key)) throw badInput('idempotencyKey', 'idempotency.key.invalid');
    const actor = caller.actor!;
    const owner = [actor.districtCode, actor.accountId, key];
    const inputHash = crypto
      .createHash('sha256')
      .update(`${operation}\n${canonical(input)}`)
      .digest('hex');
    const db = this.data.system('remember the answers of idempotent requests');
    // The caller's expired keys are forgotten, as if never used, before one is claimed: the table
    // holds no more than each account's keys of the last `ttlSeconds`.
    await db.query(`DELETE FROM idempotency_keys WHERE district_code = $1 AND account_id = $2 AND expires_at <= now()`, owner.slice(0, 2));
    const claimed: unknown[] = await db.query(
      `INSERT INTO idempotency_keys (district_code, account_id, key, operation, input_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
       ON CONFLICT DO NOTHING RETURNING 1`,
      [...owner, operation, inputHash, this.ttlSeconds],
    );
    if (!claimed.length) {
      const [first] = await db.query<{ operation: string; input_hash: string; result_id: string | null }[]>(
        `SELECT operation, input_hash, result_id FROM idempotency_keys WHERE district_code = $1 AND account_id = $2 AND key = $3`,
        owner,
      );
      if (!first || first.result_id === null) throw conflict('idempotency.key.inFlight');
      if (first.operation !== operation || first.input_hash !== inputHash) throw badInput('idempotencyKey', 'idempotency.key.reused');
      const again = await how.replay(first.result_id);
      // The first answer is out of the caller's sight by now (a scope changed): answered as absent.
      if (!again) throw notFound('idempotency.answer.gone');
      return again;
    }
    let result: R;
    try {
      result = await how.run();
    } catch (error) {
      // A refused or failed request wrote nothing: the key is free for a corrected retry.
      await db.query(`DELETE FROM idempotency_keys WHERE district_code = $1 AND account_id = $2 AND key = $3`, owner);
      throw error;
    }
    await db.query(`UPDATE idempotency_keys SET result_id = $4 WHERE district_code = $1 AND account_id = $2 AND key = $3`, [
      ...owner,
      how.idOf(result),
    ]);
    return result;
  }
}
