import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { apply, as, investigating, setHexiCommittee, stepOk } from './support/workflow';

/** `Case.pendingSteps` offers the recording steps of issue 11 (D§6, D§8) exactly when they can be
 * taken: to the tier that may take them, in the states and programmes they are taken in, while there
 * is something to take them on, and for confirming new grounds never to the account that recorded them. */
const t = useTestApp();
beforeAll(async () => {
  await setHexiCommittee(t);
});

interface Offered {
  step: string;
  roles: string[];
  accounts: { username: string }[];
  unmet: string[];
}

const PENDING = 'query($id: ID!) { case(id: $id) { pendingSteps { step roles accounts { username } unmet } } }';

/** The step among the case's pending ones as `username` sees them, if it is offered. */
async function offered(username: string, caseId: string, stepName: string): Promise<Offered | undefined> {
  const steps: Offered[] = (await as(t, username, PENDING, { id: caseId })).case.pendingSteps;
  return steps.find((s) => s.step === stepName);
}

const usernames = (step: Offered | undefined) => step!.accounts.map((a) => a.username).sort();

/** One account of every other tier, and a caseworker of another township (the right role, the wrong scope). */
const OTHERS = [
  'va.101201',
  'hexi.member1',
  'hexi.head',
  'shiqiao.caseworker',
  'district.officer',
  'finance',
  'auditor',
  'poverty',
  'admin',
  'dept.tax',
];

const HEXI_CASEWORKERS = ['hexi.caseworker', 'hexi.caseworker2', 'hexi.caseworker3'];

describe('adoptIncomeAccounting in pendingSteps (D§8)', () => {
  const RECORD = `mutation($i: RecordIncomeAccountingInput!) { recordIncomeAccounting(input: $i) { incomeAccounting { id draft } } }`;
  const ADOPT = `mutation($i: AdoptIncomeAccountingInput!) { adoptIncomeAccounting(input: $i) {
    incomeAccounting { id draft adoptedBy { username } } } }`;
  const record = async (username: string, caseId: string, monthlyYuan: number) =>
    (
      await as(t, username, RECORD, {
        i: { caseId, items: [{ source: 'wages (务工)', monthlyYuan, counted: true }], deductionsYuan: 0 },
      })
    ).recordIncomeAccounting.incomeAccounting as { id: string; draft: boolean };

  it("is offered to the township's caseworkers only while a village draft waits, and the one offered adopts it", async () => {
    const caseId = await investigating(t, '待办采纳甲');
    expect(await offered('hexi.caseworker', caseId, 'adoptIncomeAccounting')).toBeUndefined();

    const draft = await record('va.101201', caseId, 200);
    expect(draft.draft).toBe(true);
    const adopt = await offered('hexi.caseworker', caseId, 'adoptIncomeAccounting');
    expect(adopt).toMatchObject({ roles: ['TOWNSHIP_CASEWORKER'], unmet: [] });
    expect(usernames(adopt)).toEqual(HEXI_CASEWORKERS);
    // Everyone who sees the case sees the same step and roles, with the accounts they may see.
    const seenByDistrict = await offered('district.officer', caseId, 'adoptIncomeAccounting');
    expect(seenByDistrict!.roles).toEqual(['TOWNSHIP_CASEWORKER']);
    expect(usernames(seenByDistrict)).toEqual(HEXI_CASEWORKERS);
    expect(await offered('va.101201', caseId, 'adoptIncomeAccounting')).toMatchObject({ roles: ['TOWNSHIP_CASEWORKER'], accounts: [] });

    // Not offered to the other tiers, nor to another township's caseworker: each of them is refused.
    for (const username of OTHERS) {
      const refused = await t.gql(ADOPT, { i: { accountingId: draft.id } }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }

    const taker = usernames(adopt)[1];
    const adopted = (await as(t, taker, ADOPT, { i: { accountingId: draft.id } })).adoptIncomeAccounting.incomeAccounting;
    expect(adopted).toMatchObject({ id: draft.id, draft: false, adoptedBy: { username: taker } });
    // Nothing is left to adopt.
    expect(await offered('hexi.caseworker', caseId, 'adoptIncomeAccounting')).toBeUndefined();
  });

  it('is not offered once the case has left the states a draft is adopted in, and adopting there is refused', async () => {
    const caseId = await investigating(t, '待办采纳乙');
    await record('hexi.caseworker', caseId, 300);
    const draft = await record('va.101201', caseId, 100);
    // The township's own accounting does not use up the draft: it can still be adopted instead.
    expect(await offered('hexi.caseworker', caseId, 'adoptIncomeAccounting')).toMatchObject({ roles: ['TOWNSHIP_CASEWORKER'] });

    expect((await stepOk(t, 'hexi.caseworker', 'submitForReview', caseId)).status).toBe('TOWNSHIP_REVIEW');
    expect(await offered('hexi.caseworker', caseId, 'adoptIncomeAccounting')).toBeUndefined();
    const refused = await t.gql(ADOPT, { i: { accountingId: draft.id } }, await t.login('hexi.caseworker'));
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
  });
});

describe('recordNewGrounds and confirmNewGrounds in pendingSteps (D§6)', () => {
  const SUBMIT = 'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id repeatOf { id } } } }';
  const DECIDE = 'mutation($i: DecideEmergencyPaymentInput!) { decideEmergencyPayment(input: $i) { case { id } } }';
  const RECORD = 'mutation($i: RecordNewGroundsInput!) { recordNewGrounds(input: $i) { case { newGrounds newGroundsConfirmedAt } } }';
  const CONFIRM = `mutation($i: ConfirmNewGroundsInput!) { confirmNewGrounds(input: $i) {
    case { newGroundsConfirmedAt newGroundsRecordedBy { username } newGroundsConfirmedBy { username } } } }`;

  /** A household's emergency LINSHI for a fire, decided and paid, and its repeat for a fire claimed on new grounds. */
  async function repeatOfFire(head: string): Promise<{ first: string; repeat: string }> {
    const { case: first, household } = await apply(t, 'LINSHI', { head, emergency: true, cause: '火灾 (fire)', causeCategory: 'FIRE' });
    await as(t, 'hexi.head', DECIDE, { i: { caseId: first.id, amount: '800.00' } });
    await stepOk(t, 'hexi.caseworker', 'emergencyPay', first.id, { amount: '800.00' });
    const input = {
      householdId: household.id,
      programme: 'LINSHI',
      channel: 'WINDOW',
      emergency: true,
      cause: '再次失火',
      causeCategory: 'FIRE',
    };
    const repeat = (await as(t, 'va.101201', SUBMIT, { input: { ...input, newGrounds: true } })).submitApplication.case;
    expect(repeat.repeatOf).toEqual({ id: first.id });
    return { first: first.id, repeat: repeat.id };
  }

  const grounds = '邻居房屋失火殃及本户 (a neighbour’s fire spread to the house)';

  it('offers recording to the township for a repeat only, then confirming to every caseworker but the recorder, once', async () => {
    const { first, repeat } = await repeatOfFire('待办新情况甲');
    const record = await offered('hexi.caseworker', repeat, 'recordNewGrounds');
    expect(record).toMatchObject({ roles: ['TOWNSHIP_CASEWORKER'], unmet: [] });
    expect(usernames(record)).toEqual(HEXI_CASEWORKERS);
    // Nothing is recorded yet, so there is nothing to confirm.
    expect(await offered('hexi.caseworker', repeat, 'confirmNewGrounds')).toBeUndefined();
    // The village sees that the township records them, not its accounts.
    expect(await offered('va.101201', repeat, 'recordNewGrounds')).toMatchObject({ roles: ['TOWNSHIP_CASEWORKER'], accounts: [] });

    // No repeat, no new grounds: neither step, for the first case (paid) nor for a single application.
    const { case: single } = await apply(t, 'LINSHI', { head: '待办新情况乙', emergency: true, causeCategory: 'FIRE' });
    for (const caseId of [first, single.id]) {
      const steps = (await as(t, 'hexi.caseworker', PENDING, { id: caseId })).case.pendingSteps.map((s: Offered) => s.step);
      expect(steps).not.toContain('recordNewGrounds');
      expect(steps).not.toContain('confirmNewGrounds');
    }

    for (const username of OTHERS) {
      const refused = await t.gql(RECORD, { i: { caseId: repeat, grounds } }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    const recorder = usernames(record)[0];
    expect((await as(t, recorder, RECORD, { i: { caseId: repeat, grounds } })).recordNewGrounds.case).toEqual({
      newGrounds: grounds,
      newGroundsConfirmedAt: null,
    });

    // Confirming is offered to the township's caseworkers but the recorder, whoever asks.
    for (const viewer of [recorder, 'hexi.caseworker3']) {
      const confirm = await offered(viewer, repeat, 'confirmNewGrounds');
      expect(confirm).toMatchObject({ roles: ['TOWNSHIP_CASEWORKER'], unmet: [] });
      expect(usernames(confirm)).toEqual(HEXI_CASEWORKERS.filter((u) => u !== recorder));
    }
    // The grounds may still be corrected before they are confirmed.
    expect(await offered(recorder, repeat, 'recordNewGrounds')).toBeDefined();

    const own = await t.gql(CONFIRM, { i: { caseId: repeat } }, await t.login(recorder));
    expect([codeOf(own), messageKeyOf(own)]).toEqual(['FORBIDDEN', 'case.newGrounds.confirmerIsRecorder']);
    for (const username of OTHERS) {
      const refused = await t.gql(CONFIRM, { i: { caseId: repeat } }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    const confirmer = usernames(await offered(recorder, repeat, 'confirmNewGrounds'))[0];
    expect((await as(t, confirmer, CONFIRM, { i: { caseId: repeat } })).confirmNewGrounds.case).toMatchObject({
      newGroundsConfirmedAt: expect.any(String),
      newGroundsRecordedBy: { username: recorder },
      newGroundsConfirmedBy: { username: confirmer },
    });
    // Confirmed once: not offered again, and a second confirmation is refused.
    expect(await offered(recorder, repeat, 'confirmNewGrounds')).toBeUndefined();
    expect(codeOf(await t.gql(CONFIRM, { i: { caseId: repeat } }, await t.login('hexi.caseworker3')))).toBe('CONFLICT');
  });

  it('offers neither once the repeat is paid, and recording there is refused', async () => {
    const { repeat } = await repeatOfFire('待办新情况丙');
    await as(t, 'hexi.caseworker', RECORD, { i: { caseId: repeat, grounds } });
    await as(t, 'hexi.caseworker2', CONFIRM, { i: { caseId: repeat } });
    await as(t, 'hexi.head', DECIDE, { i: { caseId: repeat, amount: '600.00' } });
    expect((await stepOk(t, 'hexi.caseworker', 'emergencyPay', repeat, { amount: '600.00' })).status).toBe('EMERGENCY_PAID');
    const steps = (await as(t, 'hexi.caseworker', PENDING, { id: repeat })).case.pendingSteps.map((s: Offered) => s.step);
    expect(steps).not.toContain('recordNewGrounds');
    expect(steps).not.toContain('confirmNewGrounds');
    const refused = await t.gql(RECORD, { i: { caseId: repeat, grounds } }, await t.login('hexi.caseworker'));
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
  });
});
