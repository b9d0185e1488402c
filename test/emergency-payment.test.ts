import { codeOf, messageKeyOf, useTestApp, unmetKeysOf } from './support/harness';
import { fundMonth, monthFromNow } from './support/funds';
import { accountIdOf, apply, as, investigate, rawId, setHexiCommittee, step, stepOk, verify } from './support/workflow';

const HEXI = '510199101000';

/** Issue 10 item 7, D§6: an emergency LINSHI payment takes the head's decision and a caseworker's
 * record, never one account, and the township limit as it stands when the money goes out. */
const t = useTestApp();
beforeAll(async () => {
  await setHexiCommittee(t);
});

const DECIDE = 'mutation($i: DecideEmergencyPaymentInput!) { decideEmergencyPayment(input: $i) { case { id status amount } } }';
const decide = async (username: string, caseId: string, amount: number) =>
  t.gql(DECIDE, { i: { caseId, amount } }, await t.login(username));
const setLimit = (value: number | null) =>
  as(
    t,
    'district.officer',
    'mutation($v: Decimal) { updateSetting(input: { key: "linshiTownshipLimitYuan", value: $v }) { settings { districtCode } } }',
    {
      v: value,
    },
  );
const payments = async (caseId: string) =>
  (
    await t.dataSource.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'emergencyPay'`, [rawId(caseId)])
  )[0].n as number;

describe('an emergency LINSHI payment', () => {
  it('cannot be recorded by a caseworker alone: without the head’s decision it is refused and nothing is paid', async () => {
    const { case: applied } = await apply(t, 'LINSHI', { head: '独办', emergency: true, cause: '车祸 (accident)' });
    const alone = await step(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 50000 });
    expect(unmetKeysOf(alone)).toEqual(['case.transition.unmet.emergencyNotDecided']);
    // Nor may the caseworker decide it.
    expect(codeOf(await decide('hexi.caseworker', applied.id, 50000))).toBe('FORBIDDEN');
    expect(await payments(applied.id)).toBe(0);
  });

  it('is decided by the head and recorded by a caseworker; the head who decided cannot also pay', async () => {
    const { case: applied } = await apply(t, 'LINSHI', { head: '两人', emergency: true, cause: '火灾 (house fire)' });
    const decided = await decide('hexi.head', applied.id, 1500);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideEmergencyPayment.case).toMatchObject({ status: 'SUBMITTED', amount: '1500.00' });
    expect(codeOf(await step(t, 'hexi.head', 'emergencyPay', applied.id, { amount: 1500 }))).toBe('FORBIDDEN');
    expect(messageKeyOf(await step(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 9000 }))).toBe(
      'case.emergency.amountDiffers',
    );
    expect(codeOf(await decide('hexi.head', applied.id, 9000))).toBe('CONFLICT');
    const paid = await stepOk(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 1500 });
    expect(paid).toMatchObject({ status: 'EMERGENCY_PAID', amount: '1500.00' });
    const [row] = await t.dataSource.query(
      `SELECT d.username AS decided, e.actor_username AS paid FROM cases c JOIN accounts d ON d.id = c.decided_by_id
         JOIN case_events e ON e.case_id = c.id AND e.action = 'emergencyPay' WHERE c.id = $1`,
      [rawId(applied.id)],
    );
    expect(row).toEqual({ decided: 'hexi.head', paid: 'hexi.caseworker' });
  });

  it('is held to the township limit at the time of payment: a limit set after the decision holds until the district confirms', async () => {
    const { case: applied } = await apply(t, 'LINSHI', { head: '限额', emergency: true, cause: '水灾 (flood)' });
    await as(t, 'hexi.head', DECIDE, { i: { caseId: applied.id, amount: 3000 } });
    await setLimit(2000);
    try {
      const above = await step(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 3000 });
      expect(unmetKeysOf(above)).toEqual(['case.transition.unmet.linshiLimit']);
      expect(await payments(applied.id)).toBe(0);
      await as(t, 'district.officer', 'mutation($c: ID!) { confirmAmount(input: { caseId: $c }) { case { id } } }', { c: applied.id });
      expect((await stepOk(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 3000 })).status).toBe('EMERGENCY_PAID');
    } finally {
      await setLimit(null);
    }
  });

  it('paid on the spot, with its paperwork complete, is counted in the month’s books and never sent to the bank again (D§6, D§10)', async () => {
    const { case: applied } = await apply(t, 'LINSHI', { head: '不重付', emergency: true, cause: '水灾 (flood)' });
    expect((await decide('hexi.head', applied.id, 800)).errors).toBeUndefined();
    await stepOk(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 800 });
    await investigate(t, applied.id);
    await verify(t, applied.id);
    expect((await stepOk(t, 'hexi.caseworker', 'completeEmergencyPaperwork', applied.id)).status).toBe('PAID');
    const month = monthFromNow(0);
    const { buildRoster } = await as(t, 'hexi.caseworker', 'mutation($i: BuildRosterInput!) { buildRoster(input: $i) { roster { id } } }', {
      i: { townshipCode: HEXI, month },
    });
    const lines = await t.dataSource.query('SELECT kind, amount::text FROM roster_lines WHERE case_id = $1', [rawId(applied.id)]);
    expect(lines).toEqual([{ kind: 'EMERGENCY_PAID', amount: '800.00' }]);
    await as(t, 'hexi.head', 'mutation($i: SubmitRosterInput!) { submitRoster(input: $i) { roster { id } } }', {
      i: { rosterId: buildRoster.roster.id },
    });
    await fundMonth(t, month);
    // The bank batch (when there is anything else to pay) holds no emergency-paid case: it has no payment to send.
    await t.gql(
      'mutation($i: ExportPaymentBatchInput!) { exportPaymentBatch(input: $i) { paymentBatch { id } } }',
      { i: { townshipCode: HEXI, month, bankIntegrationId: await accountIdOf(t, 'dept.bank'), kind: 'REGULAR' } },
      await t.login('finance'),
    );
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM payments WHERE payee_key = $1', [rawId(applied.id)]);
    expect(n).toBe(0);
    const { reconciliation } = await as(
      t,
      'district.officer',
      'query($m: String!, $t: String!) { reconciliation(month: $m, townshipCode: $t) { rosterTotal requestedTotal allocatedTotal emergencyPaidTotal } }',
      { m: month, t: HEXI },
    );
    // Every emergency payment of Hexi's month, this file's others included, counted once, to the fen.
    const [{ sum }] = await t.dataSource.query(
      `SELECT coalesce(sum(amount), 0)::text AS sum FROM cases WHERE township_code = $1 AND emergency_paid_at IS NOT NULL
         AND to_char(emergency_paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $2`,
      [HEXI, month],
    );
    expect(Number(reconciliation.emergencyPaidTotal)).toBe(Number(sum));
    expect(Number(sum)).toBeGreaterThanOrEqual(800);
    expect(reconciliation.requestedTotal).toBe(reconciliation.rosterTotal);
    expect(reconciliation.allocatedTotal).toBe(reconciliation.rosterTotal);
  });
});
