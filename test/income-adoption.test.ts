import { codeOf, messageKeyOf, useTestApp, unmetKeysOf } from './support/harness';
import { as, investigating, setHexiCommittee, step, stepOk } from './support/workflow';

/** Issue 11 item 5, D§8: one authoritative income accounting. The village may draft one; only the
 * township's own or the one it adopted sets the amount, and the case says which it is and who adopted it. */
const t = useTestApp();
beforeAll(async () => {
  await setHexiCommittee(t);
});

const ACCOUNTING = 'id draft adoptedAt basedOnDraftId amountYuan adoptedBy { username } recordedBy { username }';
const RECORD = `mutation($i: RecordIncomeAccountingInput!) { recordIncomeAccounting(input: $i) {
  incomeAccounting { ${ACCOUNTING} } case { amount incomeAccounting { id adoptedBy { username } } } } }`;
const ADOPT = `mutation($i: AdoptIncomeAccountingInput!) { adoptIncomeAccounting(input: $i) {
  incomeAccounting { ${ACCOUNTING} } case { amount incomeAccounting { id adoptedBy { username } } } } }`;

const record = (username: string, caseId: string, monthlyYuan: number) =>
  as(t, username, RECORD, { i: { caseId, items: [{ source: 'wages (务工)', monthlyYuan, counted: true }], deductionsYuan: 0 } });

describe("the village's draft income accounting (D§8)", () => {
  it("does not overwrite the township's: the amount changes only when the township adopts it, and the case shows who did", async () => {
    const caseId = await investigating(t, '采纳甲');
    const township = (await record('hexi.caseworker', caseId, 500)).recordIncomeAccounting;
    expect(township.incomeAccounting).toMatchObject({ draft: false, adoptedBy: { username: 'hexi.caseworker' } });
    expect(township.case.incomeAccounting.id).toBe(township.incomeAccounting.id);
    const amount = township.case.amount;

    const village = (await record('va.101201', caseId, 0)).recordIncomeAccounting;
    expect(village.incomeAccounting).toMatchObject({
      draft: true,
      adoptedAt: null,
      adoptedBy: null,
      recordedBy: { username: 'va.101201' },
    });
    expect(village.incomeAccounting.amountYuan).not.toBe(amount);
    // The draft sets nothing: the amount and the authoritative accounting are the township's.
    expect(village.case).toMatchObject({ amount, incomeAccounting: { id: township.incomeAccounting.id } });
    const seen = await as(
      t,
      'hexi.caseworker2',
      'query($c: ID!) { case(id: $c) { amount incomeAccounting { id adoptedBy { username } } } }',
      {
        c: caseId,
      },
    );
    expect(seen.case).toEqual({
      amount,
      incomeAccounting: { id: township.incomeAccounting.id, adoptedBy: { username: 'hexi.caseworker' } },
    });

    // Only the township's caseworker adopts: the village, the committee, the head and the district are refused.
    for (const username of ['va.101201', 'hexi.member1', 'hexi.head', 'district.officer', 'finance', 'auditor']) {
      const refused = await t.gql(ADOPT, { i: { accountingId: village.incomeAccounting.id } }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }

    // Adopted with a change: the township's own accounting, based on the draft, sets the amount.
    const adopted = (
      await as(t, 'hexi.caseworker2', ADOPT, {
        i: { accountingId: village.incomeAccounting.id, items: [{ source: 'wages (务工)', monthlyYuan: 100, counted: true }] },
      })
    ).adoptIncomeAccounting;
    expect(adopted.incomeAccounting).toMatchObject({
      draft: false,
      basedOnDraftId: village.incomeAccounting.id,
      adoptedBy: { username: 'hexi.caseworker2' },
    });
    expect(adopted.case).toEqual({
      amount: adopted.incomeAccounting.amountYuan,
      incomeAccounting: { id: adopted.incomeAccounting.id, adoptedBy: { username: 'hexi.caseworker2' } },
    });
    expect(adopted.case.amount).not.toBe(amount);

    // A draft is adopted once.
    const again = await t.gql(ADOPT, { i: { accountingId: village.incomeAccounting.id } }, await t.login('hexi.caseworker'));
    expect(messageKeyOf(again)).toBe('income.accounting.alreadyAdopted');
  });

  it('alone does not let the case go to review; adopted as it stands, it does', async () => {
    const caseId = await investigating(t, '采纳乙');
    const draft = (await record('va.101201', caseId, 200)).recordIncomeAccounting;
    expect(draft.case).toEqual({ amount: null, incomeAccounting: null });
    expect(unmetKeysOf(await step(t, 'hexi.caseworker', 'submitForReview', caseId))).toContain(
      'case.transition.unmet.incomeDraftNotAdopted',
    );

    const adopted = (await as(t, 'hexi.caseworker', ADOPT, { i: { accountingId: draft.incomeAccounting.id } })).adoptIncomeAccounting;
    expect(adopted.incomeAccounting).toMatchObject({
      id: draft.incomeAccounting.id,
      draft: false,
      adoptedBy: { username: 'hexi.caseworker' },
    });
    expect(adopted.case.amount).toBe(draft.incomeAccounting.amountYuan);
    expect((await stepOk(t, 'hexi.caseworker', 'submitForReview', caseId)).status).toBe('TOWNSHIP_REVIEW');
  });
});
