/**
 * The province as a tenant of tenants (D§1, D§14, issue #15): a province operator proposes a district
 * with its first ADMIN and settings, a second one confirms it, and only then does it exist; the
 * proposer can never confirm or reject its own proposal; the new ADMIN activates and sees only its own
 * district; the province operator is refused every district's cases, households, persons, enrolments
 * and audit log; and no other role may touch the province's mutations.
 */
import { Role } from '../permissions/roles';
import { DEMO_ACCOUNTS } from '../src/seed/demo-district';
import { codeOf, messageKeyOf, useTestApp } from './support/harness';

const t = useTestApp({ demo: true });

const PROPOSE = `mutation($i: ProposeDistrictInput!) { proposeDistrict(input: $i) {
  activationCode proposal { id status regionCode provinceCode adminUsername settings { key value } proposedBy { username } } } }`;
const CONFIRM = `mutation($id: ID!) { confirmDistrictProposal(input: { proposalId: $id }) {
  proposal { id status decidedBy { username } district { code name level } } } }`;
const REJECT = `mutation($id: ID!) { rejectDistrictProposal(input: { proposalId: $id, reason: "编码与规划不符" }) {
  proposal { id status rejectionReason decidedBy { username } } } }`;
const ACTIVATE = `mutation($u: String!, $c: String!, $p: String!) { activateAccount(input: { username: $u, code: $c, password: $p }) {
  token account { username districtCode roles { role regionCode } } } }`;

const proposal = (code: string, admin: string, settings: { key: string; value: number | null }[] = []) => ({
  i: { regionCode: code, name: `Test District ${code}`, population: 30000, adminUsername: admin, adminDisplayName: '新区管理员', settings },
});

async function propose(code: string, admin: string, by = 'province.operator') {
  const result = await t.gql(PROPOSE, proposal(code, admin), await t.login(by));
  expect(result.errors).toBeUndefined();
  return result.data!.proposeDistrict as { activationCode: string; proposal: { id: string; status: string } };
}

describe('creating a district takes two province operators (D§14)', () => {
  it('proposes with settings, confirms by the second operator, and the new ADMIN activates into its own district only', async () => {
    const proposed = await t.gql(
      PROPOSE,
      proposal('510196000000', 'xinqu.admin', [{ key: 'noticeDays', value: 10 }]),
      await t.login('province.operator'),
    );
    expect(proposed.errors).toBeUndefined();
    const { activationCode, proposal: open } = proposed.data!.proposeDistrict;
    expect(open).toMatchObject({
      status: 'PROPOSED',
      regionCode: '510196000000',
      provinceCode: '51',
      adminUsername: 'xinqu.admin',
      settings: [{ key: 'noticeDays', value: '10.00' }],
      proposedBy: { username: 'province.operator' },
    });
    // Nothing of the district exists before the confirmation, and its code does not activate yet.
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM regions WHERE code = '510196000000'");
    expect(n).toBe(0);
    expect(codeOf(await t.gql(ACTIVATE, { u: 'xinqu.admin', c: activationCode, p: 'my-own-password' }))).toBe('UNAUTHENTICATED');

    const confirmed = await t.gql(CONFIRM, { id: open.id }, await t.login('province.operator2'));
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmDistrictProposal.proposal).toEqual({
      id: open.id,
      status: 'CONFIRMED',
      decidedBy: { username: 'province.operator2' },
      district: { code: '510196000000', name: 'Test District 510196000000', level: 'DISTRICT' },
    });

    // The ADMIN grant traces to both operators: proposed by one, confirmed by the other.
    const [grant] = await t.dataSource.query(
      `SELECT g.proposed_as, p.username AS proposer, c.username AS confirmer FROM role_grants g
         JOIN accounts a ON a.id = g.account_id JOIN accounts p ON p.id = g.proposed_by_id
         JOIN role_grant_acts x ON x.grant_id = g.id AND x.kind = 'CONFIRM' JOIN accounts c ON c.id = x.by_id
        WHERE a.username = 'xinqu.admin'`,
    );
    expect(grant).toEqual({ proposed_as: 'PROVINCE_OPERATOR', proposer: 'province.operator', confirmer: 'province.operator2' });

    const activated = await t.gql(ACTIVATE, { u: 'xinqu.admin', c: activationCode, p: 'my-own-password' });
    expect(activated.errors).toBeUndefined();
    expect(activated.data!.activateAccount.account).toEqual({
      username: 'xinqu.admin',
      districtCode: '510196000000',
      roles: [{ role: 'ADMIN', regionCode: '510196000000' }],
    });
    const admin = activated.data!.activateAccount.token;
    const regions = await t.gql('{ regions { code } }', {}, admin);
    expect(regions.data!.regions).toEqual([{ code: '510196000000' }]);
    const accounts = await t.gql('{ accounts(first: 100) { nodes { username } } }', {}, admin);
    expect(accounts.data!.accounts.nodes).toEqual([{ username: 'xinqu.admin' }]);
    const settings = await t.gql('{ settings { values { key value } } }', {}, admin);
    expect(settings.data!.settings.values).toEqual(expect.arrayContaining([{ key: 'noticeDays', value: '10.00' }]));
    // Its audit log begins with how it was created, then its administrator's activation.
    const [{ actions }] = await t.dataSource.query(
      "SELECT array_agg(action ORDER BY action) AS actions FROM audit_log WHERE district_code = '510196000000' AND kind = 'CHANGE'",
    );
    expect(actions).toEqual(['activateAccount', 'confirmRoleGrant', 'createAccount', 'createDistrict']);
    // A decided proposal is decided once.
    expect(messageKeyOf(await t.gql(REJECT, { id: open.id }, await t.login('province.operator2')))).toBe('province.proposal.decided');
  });

  it('refuses the proposer its own confirmation and rejection; a second operator may reject', async () => {
    const { proposal: open } = await propose('510195000000', 'other.new.admin');
    const own = await t.gql(CONFIRM, { id: open.id }, await t.login('province.operator'));
    expect(codeOf(own)).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REJECT, { id: open.id }, await t.login('province.operator')))).toBe('FORBIDDEN');
    const rejected = await t.gql(REJECT, { id: open.id }, await t.login('province.operator2'));
    expect(rejected.data!.rejectDistrictProposal.proposal).toMatchObject({
      status: 'REJECTED',
      rejectionReason: '编码与规划不符',
      decidedBy: { username: 'province.operator2' },
    });
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM accounts WHERE username = 'other.new.admin'");
    expect(n).toBe(0);
  });

  it('refuses a code that is no district, a district that exists, a taken username and a setting past the law', async () => {
    const token = await t.login('province.operator');
    expect(messageKeyOf(await t.gql(PROPOSE, proposal('510194001000', 'a.admin'), token))).toBe('province.notADistrict');
    expect(messageKeyOf(await t.gql(PROPOSE, proposal('510199000000', 'b.admin'), token))).toBe('province.districtExists');
    expect(messageKeyOf(await t.gql(PROPOSE, proposal('510194000000', 'admin'), token))).toBe('account.username.taken');
    expect(messageKeyOf(await t.gql(PROPOSE, proposal('510194000000', 'c.admin', [{ key: 'noticeDays', value: 3 }]), token))).toBe(
      'settings.value.belowFloor',
    );
    // Another province is not this operator's to create in.
    expect(codeOf(await t.gql(PROPOSE, proposal('520101000000', 'd.admin'), token))).toBe('FORBIDDEN');
  });

  it('lists the districts of the province and the proposals with their status', async () => {
    const token = await t.login('province.operator2');
    const districts = await t.gql('{ regions(level: DISTRICT) { code } }', {}, token);
    expect(districts.data!.regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['510197000000', '510199000000']));
    const below = await t.gql('{ regions(parentCode: "510199000000") { code } }', {}, token);
    expect(below.data!.regions).toEqual([]);
    const proposals = await t.gql('{ districtProposals(first: 10, status: CONFIRMED) { nodes { regionCode status } } }', {}, token);
    expect(proposals.data!.districtProposals.nodes).toEqual([{ regionCode: '510196000000', status: 'CONFIRMED' }]);
  });
});

describe('the province sees nothing of any district (D§1)', () => {
  it.each([
    ['cases', '{ cases(first: 5) { nodes { id } } }'],
    ['households', '{ households(first: 5) { nodes { id } } }'],
    ['enrolments', '{ enrolments(first: 5) { nodes { id } } }'],
    ['auditLog', '{ auditLog(first: 5) { nodes { id } } }'],
    ['payments', '{ payments(first: 5) { nodes { id } } }'],
  ])('refuses the province operator %s', async (_name, query) => {
    expect(codeOf(await t.gql(query, {}, await t.login('province.operator')))).toBe('FORBIDDEN');
  });

  it('refuses a case or household of a district by id (no grant at all: FORBIDDEN), and node finds no case, household or person', async () => {
    const officer = await t.login('district.officer');
    const seen = await t.gql('{ cases(first: 1) { nodes { id household { id members { id } } } } }', {}, officer);
    const [row] = seen.data!.cases.nodes;
    const token = await t.login('province.operator');
    expect(codeOf(await t.gql('query($id: ID!) { case(id: $id) { id } }', { id: row.id }, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('query($id: ID!) { household(id: $id) { id } }', { id: row.household.id }, token))).toBe('FORBIDDEN');
    for (const id of [row.id, row.household.id, row.household.members[0].id]) {
      const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, token);
      expect(node.data?.node ?? null).toBeNull();
    }
  });
});

describe('every other role is refused the province mutations (D§14)', () => {
  const others = Object.values(Role)
    .filter((role) => role !== Role.PROVINCE_OPERATOR)
    .map((role) => [role, DEMO_ACCOUNTS.find((a) => a.roles.includes(role))!.username] as const);

  it.each(others)('%s (%s) may not propose, confirm or reject a district, nor list proposals', async (_role, username) => {
    const { proposal: open } = await propose(
      `5101${String(80 + others.findIndex(([, u]) => u === username)).padStart(2, '0')}000000`,
      `${username.replace(/\./g, '-')}-new`,
    );
    const token = await t.login(username);
    expect(codeOf(await t.gql(PROPOSE, proposal('510170000000', 'e.admin'), token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CONFIRM, { id: open.id }, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REJECT, { id: open.id }, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ districtProposals(first: 5) { nodes { id } } }', {}, token))).toBe('FORBIDDEN');
  });
});
