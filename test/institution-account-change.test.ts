import { maskBankAccount } from '../src/modules/household/id-number';
import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { as, rawId } from './support/workflow';
import { monthFromNow } from './support/funds';

/**
 * Issue 10 item 7, D§10, D§14: a care institution is the payee of its centralised TEKUN recipients,
 * so its account, as an enrolled household's, changes only when a second account confirms the
 * change; rosters built until then pay the old account. Over HTTP on the seeded demo.
 */

const SHIQIAO = '510199102000';
const OLD = '6230000044445555666';
const NEW = '6217000077778888999';

const CREATE = `mutation($i: CreateInstitutionPayeeInput!) { createInstitutionPayee(input: $i) { institutionPayee { id } } }`;
const UPDATE = `mutation($i: UpdateInstitutionPayeeInput!) { updateInstitutionPayee(input: $i) { institutionPayee { id name bankName bankAccount } } }`;
const PROPOSE = `mutation($i: ProposeInstitutionAccountChangeInput!) { proposeInstitutionAccountChange(input: $i) {
  institutionAccountChange { id status bankName bankAccount previousBankAccount institutionPayeeId } } }`;
const CONFIRM = 'mutation($c: ID!) { confirmInstitutionAccountChange(input: { changeId: $c }) { institutionAccountChange { id status } } }';
const REJECT = `mutation($c: ID!) { rejectInstitutionAccountChange(input: { changeId: $c, reason: "开户证明不符 (papers differ)" }) {
  institutionAccountChange { id status } } }`;
const LIST = `query($s: BankAccountChangeStatus) { institutionAccountChanges(status: $s, first: 10) { totalCount nodes { id status } } }`;
const BUILD = 'mutation($i: BuildRosterInput!) { buildRoster(input: $i) { roster { id } } }';
const LINES = `query($m: String, $t: String) { rosters(month: $m, townshipCode: $t, first: 10) { nodes {
  lines(first: 100) { nodes { institution bankName bankAccount } } } } }`;

/** Every tier but the township that keeps the institution and the district: the village, a committee member,
 * another township, finance, audit, the administrator. */
const OTHER_TIERS = ['va.102201', 'shiqiao.member1', 'hexi.caseworker', 'hexi.head', 'finance', 'auditor', 'admin'];

const t = useTestApp({ demo: true });
let institutionId: string;
beforeAll(async () => {
  const { createInstitutionPayee } = await as(t, 'district.officer', CREATE, {
    i: { townshipCode: SHIQIAO, name: '石桥镇光荣院', bankName: '农村信用社', bankAccount: OLD },
  });
  institutionId = createInstitutionPayee.institutionPayee.id;
  // A Shiqiao TEKUN recipient the care assessment placed in this institution (集中供养).
  const [enrolment] = await t.dataSource.query(
    `UPDATE enrolments SET support_form = 'CENTRALISED', institution_payee_id = $1
     WHERE id = (SELECT id FROM enrolments WHERE township_code = $2 AND programme = 'TEKUN' AND status = 'ACTIVE' ORDER BY created_at LIMIT 1)
     RETURNING id`,
    [rawId(institutionId), SHIQIAO],
  );
  expect(enrolment).toBeDefined();
});

const gqlAs = async (username: string, query: string, variables: Record<string, unknown> = {}) =>
  t.gql(query, variables, await t.login(username));
const accountOfInstitution = async () =>
  (await t.dataSource.query(`SELECT bank_name, bank_account FROM institution_payees WHERE id = $1`, [rawId(institutionId)]))[0] as {
    bank_name: string;
    bank_account: string;
  };
const propose = (username: string, bankAccount: string) =>
  gqlAs(username, PROPOSE, {
    i: { institutionPayeeId: institutionId, bankName: '建设银行', bankAccount, reason: '机构更换开户行 (new bank)' },
  });
/** The account the institution's line of a Shiqiao roster of the month pays. */
const rosterAccount = async (month: string) => {
  await as(t, 'shiqiao.caseworker', BUILD, { i: { townshipCode: SHIQIAO, month } });
  const { rosters } = await as(t, 'shiqiao.caseworker', LINES, { m: month, t: SHIQIAO });
  const line = rosters.nodes[0].lines.nodes.find((l: { institution: string | null }) => l.institution === institutionId);
  return line.bankAccount as string;
};

describe("a care institution's account (D§10, D§14)", () => {
  let changeId: string;

  it('is not changed by a correction of the institution, which still corrects its name in one step', async () => {
    const refused = await gqlAs('shiqiao.caseworker', UPDATE, { i: { institutionPayeeId: institutionId, bankAccount: NEW } });
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'bankAccount',
      messageKey: 'funds.institution.secondAccountNeeded',
    });
    const otherBank = await gqlAs('district.officer', UPDATE, { i: { institutionPayeeId: institutionId, bankName: '建设银行' } });
    expect(messageKeyOf(otherBank)).toBe('funds.institution.secondAccountNeeded');
    // The record sent back as it was read, with a corrected name, passes.
    const { updateInstitutionPayee } = await as(t, 'shiqiao.caseworker', UPDATE, {
      i: { institutionPayeeId: institutionId, name: '石桥镇光荣院（中心）', bankName: '农村信用社', bankAccount: OLD },
    });
    expect(updateInstitutionPayee.institutionPayee).toMatchObject({ name: '石桥镇光荣院（中心）', bankAccount: OLD });
    expect(await accountOfInstitution()).toEqual({ bank_name: '农村信用社', bank_account: OLD });
  });

  it.each(OTHER_TIERS)('cannot be proposed by %s', async (username) => {
    expect([username, codeOf(await propose(username, NEW))]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
  });

  it('is proposed by the township; until a second account confirms, the institution and its rosters keep the old account', async () => {
    const proposed = await propose('shiqiao.caseworker', NEW);
    expect(proposed.errors).toBeUndefined();
    const change = proposed.data!.proposeInstitutionAccountChange.institutionAccountChange;
    expect(change).toMatchObject({
      status: 'PROPOSED',
      bankName: '建设银行',
      bankAccount: maskBankAccount(NEW),
      previousBankAccount: maskBankAccount(OLD),
      institutionPayeeId: institutionId,
    });
    changeId = change.id;
    // One change waits at a time.
    expect(messageKeyOf(await propose('shiqiao.head', '6217000000000000001'))).toBe('bankAccountChange.alreadyProposed');
    expect(await accountOfInstitution()).toEqual({ bank_name: '农村信用社', bank_account: OLD });
    expect(await rosterAccount(monthFromNow(1))).toBe(OLD);
    // The head and the district see it waiting; another township does not.
    expect((await as(t, 'shiqiao.head', LIST, { s: 'PROPOSED' })).institutionAccountChanges.totalCount).toBe(1);
    expect((await as(t, 'district.officer', LIST, { s: 'PROPOSED' })).institutionAccountChanges.totalCount).toBe(1);
    expect((await as(t, 'hexi.caseworker', LIST)).institutionAccountChanges.totalCount).toBe(0);
  });

  it('is never confirmed by the account that proposed it', async () => {
    const own = await gqlAs('shiqiao.caseworker', CONFIRM, { c: changeId });
    expect(own.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', clause: 'D§14' });
    expect(codeOf(await gqlAs('shiqiao.caseworker', REJECT, { c: changeId }))).toBe('FORBIDDEN');
    expect(await accountOfInstitution()).toEqual({ bank_name: '农村信用社', bank_account: OLD });
  });

  it.each(OTHER_TIERS)('is not confirmed by %s', async (username) => {
    expect([username, codeOf(await gqlAs(username, CONFIRM, { c: changeId }))]).toEqual([
      username,
      expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
    ]);
    expect((await accountOfInstitution()).bank_account).toBe(OLD);
  });

  it('takes effect when a second account of the township confirms it; rosters built afterwards pay the new account', async () => {
    const { confirmInstitutionAccountChange } = await as(t, 'shiqiao.head', CONFIRM, { c: changeId });
    expect(confirmInstitutionAccountChange.institutionAccountChange.status).toBe('CONFIRMED');
    expect(await accountOfInstitution()).toEqual({ bank_name: '建设银行', bank_account: NEW });
    // The roster built before keeps what it was built with; the next month's pays the new account.
    expect(await rosterAccount(monthFromNow(1))).toBe(OLD);
    expect(await rosterAccount(monthFromNow(2))).toBe(NEW);
    expect(messageKeyOf(await gqlAs('district.officer', CONFIRM, { c: changeId }))).toBe('bankAccountChange.notProposed');
    const [entry] = await t.dataSource.query(
      `SELECT actor_username, details FROM audit_log WHERE action = 'confirmInstitutionAccountChange' AND subject_id = $1`,
      [rawId(changeId)],
    );
    expect(entry).toMatchObject({
      actor_username: 'shiqiao.head',
      details: {
        institutionPayeeId: rawId(institutionId),
        before: { bankName: '农村信用社', bankAccount: maskBankAccount(OLD) },
        after: { bankName: '建设银行', bankAccount: maskBankAccount(NEW) },
      },
    });
    expect(JSON.stringify(entry.details)).not.toContain(NEW);
  });

  it('proposed by the district, is rejected by the township or refused once the account changed since', async () => {
    const first = (await propose('district.officer', '6217000011112222333')).data!.proposeInstitutionAccountChange.institutionAccountChange;
    expect(codeOf(await gqlAs('district.officer', CONFIRM, { c: first.id }))).toBe('FORBIDDEN');
    const rejected = await as(t, 'shiqiao.caseworker2', REJECT, { c: first.id });
    expect(rejected.rejectInstitutionAccountChange.institutionAccountChange.status).toBe('REJECTED');
    expect((await accountOfInstitution()).bank_account).toBe(NEW);

    const second = (await propose('district.officer', '6217000011112222333')).data!.proposeInstitutionAccountChange
      .institutionAccountChange;
    // Changed behind the proposal (by hand in the database): the proposer saw another account.
    await t.dataSource.query(`UPDATE institution_payees SET bank_account = '6217000099990000111' WHERE id = $1`, [rawId(institutionId)]);
    expect(messageKeyOf(await gqlAs('shiqiao.caseworker', CONFIRM, { c: second.id }))).toBe('bankAccountChange.stale');
    expect((await accountOfInstitution()).bank_account).toBe('6217000099990000111');
  });
});
