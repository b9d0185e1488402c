import crypto from 'node:crypto';

/** The name recorded with each draw, so that a later reader knows which procedure to replay. */
export const SPOT_CHECK_ALGORITHM = 'HMAC-SHA256-RANK-1';

/** A filed case in a draw's pool; `mandatory` when it is kin-registered or complained about (D§3, D§12). */
export interface PoolCase {
  caseId: string;
  mandatory: boolean;
}

/**
 * A case's place in the draw (`HMAC-SHA256-RANK-1`): the HMAC-SHA256 of the case's UUID (lower-case
 * text) keyed with the draw's 32 seed bytes, as 64 hex digits. Without the seed nobody can compute
 * it, so nobody can tell beforehand where a case will fall.
 */
export function drawScore(seedHex: string, caseId: string): string {
  return crypto.createHmac('sha256', Buffer.from(seedHex, 'hex')).update(caseId.toLowerCase()).digest('hex');
}

/**
 * The sample of a draw (P4.3, D§3), a pure function of the recorded seed, rate and pool, so anyone
 * holding the record can replay it: every mandatory case; of the others, ordered by `drawScore`
 * ascending (then by case id), the first ceil(n × rate / 100).
 */
export function selectSample(seedHex: string, ratePercent: number, pool: readonly PoolCase[]): Set<string> {
  const others = pool
    .filter((c) => !c.mandatory)
    .map((c) => ({ caseId: c.caseId, score: drawScore(seedHex, c.caseId) }))
    .sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : a.caseId < b.caseId ? -1 : 1));
  const take = Math.ceil((others.length * ratePercent) / 100);
  return new Set([...pool.filter((c) => c.mandatory).map((c) => c.caseId), ...others.slice(0, take).map((c) => c.caseId)]);
}
