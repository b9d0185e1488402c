import { useTestApp } from './support/harness';
import { approvedDibao, caseOf, setHexiCommittee } from './support/workflow';

/**
 * Issue #10 item 8: a step holds one database connection from its first read to its commit. Served by
 * a pool of one connection, a step that asked for a second while holding the case's row lock would
 * wait for a connection only it could free, and answer SERVICE_UNAVAILABLE after the connection
 * timeout; under a burst of requests queued on that lock the same wait starved pools of any size.
 */
const t = useTestApp({ env: { DB_POOL_SIZE: '1', DB_CONNECT_TIMEOUT_MS: '3000' } });
beforeAll(async () => {
  await setHexiCommittee(t);
});

it('takes a DIBAO case from application to approval on a pool of one connection', async () => {
  const { master: pool } = t.dataSource.driver as unknown as { master: { options: { max: number } } };
  expect(pool.options.max).toBe(1);
  const { case: applied } = await approvedDibao(t, '单连');
  expect(await caseOf(t, 'hexi.head', applied.id)).toMatchObject({ status: 'APPROVED' });
});
