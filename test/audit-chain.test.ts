import { codeOf, useTestApp } from './support/harness';
import { as } from './support/workflow';

/**
 * The audit log is tamper-evident (D§12, P4.4): rows are hash-chained per district by the database,
 * `verifyAuditChain` recomputes the chain and names the first broken link, and ids in the log are the
 * server's own.
 */

const DISTRICT = '510199000000';
const VERIFY = `query($d: String!) { verifyAuditChain(districtCode: $d) { districtCode ok entriesChecked firstBrokenLink { position entryId problem } } }`;

const t = useTestApp({ demo: true });

const chainOf = async (username = 'auditor') => (await as(t, username, VERIFY, { d: DISTRICT })).verifyAuditChain;

/** Edits the log as the database superuser, with the append-only trigger switched off for the edit:
 * the owner's connection, since the application's role may do neither (test/least-privilege.test.ts). */
async function tamper(sql: string, params: unknown[]) {
  await t.ownerDataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await manager.query(sql, params);
    await manager.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
}

describe('audit hash chain (D§12)', () => {
  it('the auditor and the district officer verify the seeded chain as whole (P4.4, D§12)', async () => {
    const byAuditor = await chainOf('auditor');
    expect(byAuditor).toMatchObject({ districtCode: DISTRICT, ok: true, firstBrokenLink: null });
    expect(byAuditor.entriesChecked).toBeGreaterThan(100);
    expect((await chainOf('district.officer')).ok).toBe(true);
  });

  it('every other tier is refused, and another district is out of scope', async () => {
    for (const username of ['admin', 'finance', 'poverty', 'dept.police', 'hexi.head', 'hexi.caseworker', 'va.101201']) {
      const result = await t.gql(VERIFY, { d: DISTRICT }, await t.login(username));
      expect([username, codeOf(result)]).toEqual([username, 'FORBIDDEN']);
    }
    expect(codeOf(await t.gql(VERIFY, { d: DISTRICT }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(VERIFY, { d: '510299000000' }, await t.login('auditor')))).toBe('FORBIDDEN');
  });

  it('concurrent writers extend one chain: positions are contiguous and the chain verifies', async () => {
    const token = await t.login('hexi.caseworker');
    const count = 'SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_log WHERE district_code = $1';
    const [before] = await t.dataSource.query(count, [DISTRICT]);
    // Each refused attempt is written to the log by its own request, all at once.
    const results = await Promise.all(Array.from({ length: 30 }, () => t.gql(VERIFY, { d: DISTRICT }, token)));
    expect(new Set(results.map(codeOf))).toEqual(new Set(['FORBIDDEN']));
    const [after] = await t.dataSource.query(count, [DISTRICT]);
    expect(after.n).toBe(before.n + 30);
    expect(after.max).toBe(after.n);
    expect((await chainOf()).ok).toBe(true);
  });

  it('ids in the log are the server’s: a client request id is not taken', async () => {
    const response = await t.http().post('/graphql').set('x-request-id', 'forged-id').send({ query: '{ me { username } }' });
    expect(response.headers['x-request-id']).not.toBe('forged-id');
    await t.gql(VERIFY, { d: DISTRICT }, await t.login('va.101201'), { 'x-request-id': 'forged-id' });
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE request_id = 'forged-id'");
    expect(n).toBe(0);
  });

  it('a row edited behind the trigger is named as the first broken link', async () => {
    const [row] = await t.dataSource.query('SELECT id, seq::int AS seq FROM audit_log WHERE district_code = $1 AND seq = 7', [DISTRICT]);
    await tamper('UPDATE audit_log SET reason = $1 WHERE district_code = $2 AND id = $3', ['nothing to see', DISTRICT, row.id]);
    const chain = await chainOf();
    expect(chain.ok).toBe(false);
    expect(chain.firstBrokenLink).toMatchObject({ position: 7, problem: 'CONTENT_CHANGED' });
    expect(chain.firstBrokenLink.entryId).toBe(Buffer.from(`AuditEntry:${DISTRICT}:${row.id}`).toString('base64url'));
  });

  it('a row removed behind the trigger breaks the link of the row after it', async () => {
    await tamper('DELETE FROM audit_log WHERE district_code = $1 AND seq = 3', [DISTRICT]);
    expect((await chainOf()).firstBrokenLink).toMatchObject({ position: 4, problem: 'LINK_BROKEN' });
  });
});
