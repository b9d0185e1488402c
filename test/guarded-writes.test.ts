import { Client } from 'pg';
import { codeOf, useTestApp } from './support/harness';
import { householdWithCase } from './support/households';
import { rawId } from './support/workflow';

const t = useTestApp();

/** Waits until a statement of this database waits for a row lock another transaction holds. */
async function someoneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [{ n }] = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no statement waited for the lock');
}

describe('a guarded change', () => {
  it('is checked again on the locked row: a household moved out of the village meanwhile is refused, logged, and left as moved', async () => {
    const { household } = await householdWithCase(t, 'va.101201', '510199101201', 'DIBAO', '挪户');
    const id = rawId(household.id);
    const mover = new Client({ connectionString: t.databaseUrl });
    await mover.connect();
    try {
      await mover.query('BEGIN');
      await mover.query("UPDATE households SET village_code = '510199101202' WHERE id = $1", [id]);
      const correction = t.gql(
        'mutation($id: ID!) { updateHousehold(input: { householdId: $id, phone: "13900000000" }) { household { phone } } }',
        { id: household.id },
        await t.login('va.101201'),
      );
      await someoneWaitsForALock();
      await mover.query('COMMIT');
      expect(codeOf(await correction)).toBe('FORBIDDEN');
    } finally {
      await mover.end();
    }
    const [row] = await t.dataSource.query('SELECT village_code, phone FROM households WHERE id = $1', [id]);
    expect(row).toEqual({ village_code: '510199101202', phone: '13812345678' });
    const audit = await t.dataSource.query(
      "SELECT kind, village_code FROM audit_log WHERE subject_id = $1 AND action IN ('update', 'updateHousehold') ORDER BY at",
      [id],
    );
    expect(audit).toEqual([{ kind: 'DENIED', village_code: '510199101202' }]);
  });
});
