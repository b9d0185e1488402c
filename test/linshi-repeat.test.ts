import { codeOf, messageKeyOf, unmetKeysOf, useTestApp } from './support/harness';
import { apply, as, investigate, setHexiCommittee, step, stepOk, verify } from './support/workflow';

/** Issue 11 item 4, D§6: the same cause within 12 months is matched by its category, not its wording;
 * a repeat needs new grounds recorded by the township and confirmed by a second account. */
const t = useTestApp();
beforeAll(async () => {
  await setHexiCommittee(t);
});

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  case { id causeCategory newGrounds newGroundsConfirmedAt repeatOf { id } } } }`;
const DECIDE = 'mutation($i: DecideEmergencyPaymentInput!) { decideEmergencyPayment(input: $i) { case { id amount } } }';
const RECORD = 'mutation($i: RecordNewGroundsInput!) { recordNewGrounds(input: $i) { case { newGrounds newGroundsConfirmedAt } } }';
const CONFIRM = `mutation($i: ConfirmNewGroundsInput!) { confirmNewGrounds(input: $i) {
  case { newGroundsConfirmedAt newGroundsRecordedBy { username } newGroundsConfirmedBy { username } } } }`;

/** A household paid an emergency LINSHI for a fire, as the head decided and a caseworker paid it. */
async function paidForFire(head: string) {
  const { case: first, household } = await apply(t, 'LINSHI', { head, emergency: true, cause: '火灾 (house fire)', causeCategory: 'FIRE' });
  await as(t, 'hexi.head', DECIDE, { i: { caseId: first.id, amount: '800.00' } });
  await stepOk(t, 'hexi.caseworker', 'emergencyPay', first.id, { amount: '800.00' });
  return { first, householdId: household.id as string };
}

const again = async (householdId: string, fields: Record<string, unknown>) =>
  t.gql(SUBMIT, { input: { householdId, programme: 'LINSHI', channel: 'WINDOW', emergency: true, ...fields } }, await t.login('va.101201'));

describe('a LINSHI repeat within 12 months (D§6)', () => {
  it('is caught when the cause is reworded: the category decides, not the text', async () => {
    const { first, householdId } = await paidForFire('重复甲');
    const reworded = await again(householdId, { cause: '厨房起火烧毁房屋 (kitchen blaze destroyed the house)', causeCategory: 'FIRE' });
    expect([codeOf(reworded), messageKeyOf(reworded)]).toEqual(['CONFLICT', 'case.application.repeatedCause']);
    expect(reworded.errors![0].extensions!.earlierCaseId).toBe(first.id);

    // Another category is another cause, whatever the words.
    const other = await again(householdId, {
      cause: '火灾后突发重病 (fell seriously ill after the fire)',
      causeCategory: 'SERIOUS_ILLNESS',
    });
    expect(other.errors).toBeUndefined();
    expect(other.data!.submitApplication.case).toMatchObject({ causeCategory: 'SERIOUS_ILLNESS', repeatOf: null });
  });

  it('claimed on new grounds, waits for the township to record them and a second account to confirm them', async () => {
    const { first, householdId } = await paidForFire('重复乙');
    const claimed = await again(householdId, { cause: '再次失火 (a second fire)', causeCategory: 'FIRE', newGrounds: true });
    expect(claimed.errors).toBeUndefined();
    const repeat = claimed.data!.submitApplication.case;
    // The village ticking newGrounds establishes nothing: no grounds, nothing confirmed.
    expect(repeat).toMatchObject({ repeatOf: { id: first.id }, newGrounds: null, newGroundsConfirmedAt: null });
    const notYet = await t.gql(DECIDE, { i: { caseId: repeat.id, amount: '600.00' } }, await t.login('hexi.head'));
    expect(unmetKeysOf(notYet)).toEqual(['case.transition.unmet.newGroundsUnconfirmed']);

    // The township records them: the village, the committee, the head and the district may not.
    const grounds = {
      caseId: repeat.id,
      grounds: '邻居房屋失火殃及本户，与上次火灾无关 (a neighbour’s fire spread to the house; unrelated to the first)',
    };
    for (const username of ['va.101201', 'hexi.member1', 'hexi.head', 'district.officer', 'auditor']) {
      const refused = await t.gql(RECORD, { i: grounds }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    const recorded = (await as(t, 'hexi.caseworker', RECORD, { i: grounds })).recordNewGrounds.case;
    expect(recorded).toMatchObject({ newGrounds: grounds.grounds, newGroundsConfirmedAt: null });
    const stillNot = await t.gql(DECIDE, { i: { caseId: repeat.id, amount: '600.00' } }, await t.login('hexi.head'));
    expect(unmetKeysOf(stillNot)).toEqual(['case.transition.unmet.newGroundsUnconfirmed']);

    // Confirmed by a second account: not the one who recorded them, nor another tier.
    const own = await t.gql(CONFIRM, { i: { caseId: repeat.id } }, await t.login('hexi.caseworker'));
    expect([codeOf(own), messageKeyOf(own)]).toEqual(['FORBIDDEN', 'case.newGrounds.confirmerIsRecorder']);
    for (const username of ['va.101201', 'hexi.head', 'district.officer']) {
      const refused = await t.gql(CONFIRM, { i: { caseId: repeat.id } }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    const confirmed = (await as(t, 'hexi.caseworker2', CONFIRM, { i: { caseId: repeat.id } })).confirmNewGrounds.case;
    expect(confirmed).toMatchObject({
      newGroundsConfirmedAt: expect.any(String),
      newGroundsRecordedBy: { username: 'hexi.caseworker' },
      newGroundsConfirmedBy: { username: 'hexi.caseworker2' },
    });

    const decided = await t.gql(DECIDE, { i: { caseId: repeat.id, amount: '600.00' } }, await t.login('hexi.head'));
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideEmergencyPayment.case.amount).toBe('600.00');
  });

  it('needs no new grounds when it is no repeat', async () => {
    const { case: single } = await apply(t, 'LINSHI', { head: '重复丙', emergency: true, causeCategory: 'FIRE' });
    const refused = await t.gql(RECORD, { i: { caseId: single.id, grounds: '无 (none)' } }, await t.login('hexi.caseworker'));
    expect(unmetKeysOf(refused)).toEqual(['case.newGrounds.notRepeat']);
  });
});

describe('a LINSHI result (P3.1, D§6)', () => {
  it('is filed with the district once paid, by the township only, and can then be spot-checked', async () => {
    const { first } = await paidForFire('备案甲');
    await verify(t, first.id);
    await investigate(t, first.id);
    // Still EMERGENCY_PAID: the paperwork comes first, so there is nothing to file yet.
    expect(codeOf(await step(t, 'hexi.caseworker', 'fileCase', first.id))).toBe('INVALID_TRANSITION');
    expect((await stepOk(t, 'hexi.caseworker', 'completeEmergencyPaperwork', first.id)).status).toBe('PAID');
    for (const username of ['va.101201', 'hexi.head', 'hexi.member1', 'district.officer']) {
      const refused = await step(t, username, 'fileCase', first.id);
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    expect((await stepOk(t, 'hexi.caseworker', 'fileCase', first.id)).status).toBe('FILED');
    const checked = await stepOk(t, 'district.officer', 'spotCheck', first.id, {
      outcome: 'CONFIRMED',
      findings: '入户核实无误 (as recorded)',
    });
    expect(checked.status).toBe('SPOT_CHECKED');
  });
});
