import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { approvedDibao, rawId, setHexiCommittee } from './support/workflow';

/** Issue 10 item 7, D§10, D§14: an enrolled payee's bank account changes only when a second account
 * confirms it, and the audit log keeps the bank and the masked account before and after. */
const t = useTestApp();
let householdId: string;
beforeAll(async () => {
  await setHexiCommittee(t);
  householdId = (await approvedDibao(t, '改账户')).household.id;
});

const PROPOSE =
  'mutation($i: ProposeBankAccountChangeInput!) { proposeBankAccountChange(input: $i) { bankAccountChange { id status bankAccount previousBankAccount } } }';
const CONFIRM = 'mutation($c: ID!) { confirmBankAccountChange(input: { changeId: $c }) { bankAccountChange { id status } } }';
const REJECT =
  'mutation($c: ID!) { rejectBankAccountChange(input: { changeId: $c, reason: "开户证明不符 (papers differ)" }) { bankAccountChange { id status } } }';
const gqlAs = async (username: string, query: string, variables: Record<string, unknown>) =>
  t.gql(query, variables, await t.login(username));
const accountOfHousehold = async () =>
  (await t.dataSource.query(`SELECT bank_account FROM households WHERE id = $1`, [rawId(householdId)]))[0].bank_account as string;
const propose = (username: string, bankAccount: string) =>
  gqlAs(username, PROPOSE, { i: { householdId, bankName: '农商银行', bankAccount, reason: '原卡挂失 (card lost)' } });

describe("an enrolled payee's bank account", () => {
  it('cannot be changed by a plain correction of the household', async () => {
    const before = await accountOfHousehold();
    const refused = await gqlAs('va.101201', 'mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { id } } }', {
      i: { householdId, bankAccount: '6228480000999999999' },
    });
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'household.bankAccount.secondAccountNeeded',
    });
    expect(await accountOfHousehold()).toBe(before);
  });

  it("changes once a second account confirms a village assistant's proposal; the audit keeps both values masked", async () => {
    const before = await accountOfHousehold();
    const proposed = await propose('va.101201', '6228 4800 0012 3456 789');
    expect(proposed.errors).toBeUndefined();
    const change = proposed.data!.proposeBankAccountChange.bankAccountChange;
    expect(change).toMatchObject({ status: 'PROPOSED', bankAccount: '****6789', previousBankAccount: `****${before.slice(-4)}` });
    expect(await accountOfHousehold()).toBe(before);
    // The proposer holds no confirmation; a second proposal waits for the first.
    expect(codeOf(await gqlAs('va.101201', CONFIRM, { c: change.id }))).toBe('FORBIDDEN');
    expect(messageKeyOf(await propose('hexi.caseworker', '6228480000000000001'))).toBe('bankAccountChange.alreadyProposed');
    const confirmed = await gqlAs('hexi.caseworker', CONFIRM, { c: change.id });
    expect(confirmed.data?.confirmBankAccountChange.bankAccountChange.status).toBe('CONFIRMED');
    expect(await accountOfHousehold()).toBe('6228480000123456789');
    expect(codeOf(await gqlAs('hexi.caseworker2', CONFIRM, { c: change.id }))).toBe('CONFLICT');
    const [entry] = await t.dataSource.query(
      `SELECT actor_username, details FROM audit_log WHERE action = 'confirmBankAccountChange' AND subject_id = $1`,
      [rawId(change.id)],
    );
    expect(entry).toMatchObject({
      actor_username: 'hexi.caseworker',
      details: { before: { bankAccount: `****${before.slice(-4)}` }, after: { bankName: '农商银行', bankAccount: '****6789' } },
    });
    expect(JSON.stringify(entry.details)).not.toContain('6228480000123456789');
  });

  it('is never confirmed by the account that proposed it, and a rejection leaves it as it was', async () => {
    const before = await accountOfHousehold();
    const change = (await propose('hexi.caseworker', '6228480000555566667')).data!.proposeBankAccountChange.bankAccountChange;
    const own = await gqlAs('hexi.caseworker', CONFIRM, { c: change.id });
    expect(own.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', clause: 'D§14' });
    expect((await gqlAs('hexi.caseworker2', REJECT, { c: change.id })).data?.rejectBankAccountChange.bankAccountChange.status).toBe(
      'REJECTED',
    );
    expect(await accountOfHousehold()).toBe(before);
  });

  it.each(['district.officer', 'finance', 'hexi.member1', 'shiqiao.caseworker', 'va.101202'])(
    'cannot be proposed by %s',
    async (username) => {
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await propose(username, '6228480000777788889')));
    },
  );
});
