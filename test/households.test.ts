import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { CREATE_HOUSEHOLD, householdInput, householdWithCase, idNumber } from './support/households';

const t = useTestApp({ fixture: OTHER_DISTRICT });
let liujia: Awaited<ReturnType<typeof householdWithCase>>;
let zhangwan: Awaited<ReturnType<typeof householdWithCase>>;

beforeAll(async () => {
  liujia = await householdWithCase(t, 'va.101201', '510199101201', 'DIBAO', '刘德华');
  zhangwan = await householdWithCase(t, 'va.101202', '510199101202', 'TEKUN', '张学友');
});

const auditCount = async (kind: string) =>
  (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_log WHERE kind = $1', [kind]))[0].n as number;

describe("a village assistant and another village's household (P4.1)", () => {
  it('does not see it in the household list', async () => {
    const result = await t.gql('{ households { nodes { id headName } } }', {}, await t.login('va.101201'));
    const names = result.data!.households.nodes.map((h: { headName: string }) => h.headName);
    expect(names).toContain('刘德华');
    expect(names).not.toContain('张学友');
  });

  it('does not find it by search', async () => {
    const token = await t.login('va.101201');
    expect((await t.gql('{ households(search: "张学") { nodes { id } } }', {}, token)).data!.households.nodes).toEqual([]);
    expect((await t.gql('{ cases(filter: { search: "张学" }) { totalCount edges { node { id } } } }', {}, token)).data!.cases).toEqual({
      totalCount: 0,
      edges: [],
    });
  });

  it('gets NOT_FOUND for it by node, household(id) and case(id)', async () => {
    const token = await t.login('va.101201');
    expect(codeOf(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: zhangwan.household.id }, token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('query($id: ID!) { household(id: $id) { id } }', { id: zhangwan.household.id }, token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('query($id: ID!) { case(id: $id) { id } }', { id: zhangwan.case.id }, token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: zhangwan.household.members[0].id }, token))).toBe(
      'NOT_FOUND',
    );
  });

  it('does not reach it through nested fields', async () => {
    const token = await t.login('va.101201');
    const cases = await t.gql('{ cases { totalCount edges { node { villageCode household { headName members { name } } } } } }', {}, token);
    expect(cases.data!.cases.totalCount).toBe(1);
    expect(cases.data!.cases.edges[0].node.household.headName).toBe('刘德华');
    // the township sees both; the assistant's view of its own household nests only its own members
    const township = await t.gql('{ cases { totalCount } }', {}, await t.login('hexi.caseworker'));
    expect(township.data!.cases.totalCount).toBe(2);
  });

  it('cannot register a household in another village', async () => {
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM households'))[0].n;
    const result = await t.gql(CREATE_HOUSEHOLD, { input: householdInput('510199101202') }, await t.login('va.101201'));
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM households'))[0].n).toBe(before);
  });
});

describe('personal data masking (D§12)', () => {
  const QUERY = 'query($id: ID!) { household(id: $id) { address phone bankAccount members { idNumber healthDetail name } } }';

  it('shows the village its own households unmasked, and audits each unmasked read', async () => {
    const before = await auditCount('READ_PERSONAL_DATA');
    const result = await t.gql(QUERY, { id: liujia.household.id }, await t.login('va.101201'));
    const household = result.data!.household;
    expect(household.phone).toBe('13812345678');
    expect(household.members[0].idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(household.members[0].healthDetail).toBe('高血压');
    expect(await auditCount('READ_PERSONAL_DATA')).toBe(before + 5);
  });

  it('masks ID numbers and hides health detail from committee members', async () => {
    const before = await auditCount('READ_PERSONAL_DATA');
    const result = await t.gql(QUERY, { id: liujia.household.id }, await t.login('hexi.member1'));
    const household = result.data!.household;
    expect(household.members[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(household.members[0].healthDetail).toBeNull();
    expect(household.address).toBeNull();
    expect(household.phone).toBe('138****5678');
    expect(household.bankAccount).toBe('****6789');
    expect(household.members[0].name).toBe('刘德华');
    expect(await auditCount('READ_PERSONAL_DATA')).toBe(before);
  });

  it('shows finance no applicant: a household nobody has enrolled is not a payee (P4.4, D§10)', async () => {
    const result = await t.gql('{ households { nodes { headName } } }', {}, await t.login('finance'));
    expect(result.data!.households.nodes.map((h: { headName: string }) => h.headName)).not.toContain('刘德华');
  });

  it("gives finance the payee of an active enrolment and the account, not the household's situation (P4.4)", async () => {
    // An approved case's enrolment, written as the approval writes it; the trigger marks the household paid.
    const [, districtCode, householdId] = Buffer.from(liujia.household.id, 'base64url').toString().split(':');
    const [, , caseId] = Buffer.from(liujia.case.id, 'base64url').toString().split(':');
    await t.dataSource.query(
      `INSERT INTO enrolments (district_code, case_id, household_id, township_code, village_code, programme, residence,
         has_member_able_to_work, payee_name, monthly_amount, start_month, review_class, review_class_rule, next_review_on, status)
       VALUES ($1, $2, $3, '510199101000', '510199101201', 'DIBAO', 'RURAL', true, '刘德华', 500, '2027-01-01', 'B', 'INCOME_STABILITY_UNRECORDED', '2027-07-01', 'ACTIVE')`,
      [districtCode, caseId, householdId],
    );
    const token = await t.login('finance');
    const result = await t.gql(
      '{ households { nodes { headName bankAccount residence memberCount address members { name } cases { id } } } }',
      {},
      token,
    );
    const household = result.data!.households.nodes.find((h: { headName: string }) => h.headName === '刘德华');
    expect(household).toMatchObject({
      bankAccount: '6228480000123456789',
      residence: null,
      memberCount: null,
      address: null,
      members: null,
      cases: null,
    });
    const enrolments = await t.gql(
      '{ enrolments { nodes { payeeName monthlyAmount residence hasMemberAbleToWork reviewClass careLevel household { headName } } } }',
      {},
      token,
    );
    expect(enrolments.errors).toBeUndefined();
    expect(enrolments.data!.enrolments.nodes).toEqual([
      {
        payeeName: '刘德华',
        monthlyAmount: '500.00',
        residence: null,
        hasMemberAbleToWork: null,
        reviewClass: null,
        careLevel: null,
        household: { headName: '刘德华' },
      },
    ]);
  });
});

describe('search', () => {
  it("matches members' names only for roles that may read members", async () => {
    const token = await t.login('auditor');
    const byHead = await t.gql('{ cases(filter: { search: "刘德" }) { totalCount } }', {}, token);
    expect(byHead.data!.cases.totalCount).toBe(1);
    const member = await householdWithMember();
    const asAuditor = await t.gql(`{ cases(filter: { search: "${member}" }) { totalCount } }`, {}, token);
    expect(asAuditor.data!.cases.totalCount).toBe(0);
    const asOfficer = await t.gql(`{ cases(filter: { search: "${member}" }) { totalCount } }`, {}, await t.login('district.officer'));
    expect(asOfficer.data!.cases.totalCount).toBe(1);
  });
});

async function householdWithMember(): Promise<string> {
  const token = await t.login('va.101203');
  const input = householdInput('510199101203', '户主甲', [{ name: '隐秘成员', birth: '19900101', relation: 'SPOUSE' }]);
  const created = await t.gql(CREATE_HOUSEHOLD, { input }, token);
  await t.gql(
    'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id } } }',
    {
      input: { householdId: created.data!.createHousehold.household.id, programme: 'DIBAO', channel: 'WINDOW' },
    },
    token,
  );
  return '隐秘成员';
}

describe('bad input changes nothing', () => {
  it('answers a global ID naming no type this API has with NOT_FOUND, never a 500', async () => {
    for (const raw of ['__proto__:x', 'constructor:x', 'hasOwnProperty:1']) {
      const result = await t.gql(
        'query($id: ID!) { node(id: $id) { id } }',
        { id: Buffer.from(raw).toString('base64url') },
        await t.login('admin'),
      );
      expect([raw, result.status, codeOf(result)]).toEqual([raw, 200, 'NOT_FOUND']);
    }
  });

  it('refuses an impossible date with BAD_USER_INPUT', async () => {
    const SET = 'mutation($d: Date!) { setHoliday(input: { day: $d, name: "x" }) { settings { districtCode } } }';
    const result = await t.gql(SET, { d: '2026-02-30' }, await t.login('district.officer'));
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/real calendar date/);
  });

  it.each([
    [
      'an ID number with a wrong check digit',
      (input: any) => {
        input.members[0].idNumber = input.members[0].idNumber.slice(0, 17) + (input.members[0].idNumber.endsWith('1') ? '2' : '1');
      },
      'idNumber.checkDigit',
    ],
    [
      'an impossible birth date',
      (input: any) => {
        input.members[0].idNumber = idNumber('19701332', 1);
      },
      'idNumber.birthDate',
    ],
    [
      'no head',
      (input: any) => {
        input.members[0].relation = 'SPOUSE';
      },
      'household.members.headCount',
    ],
    [
      'a township code as village',
      (input: any) => {
        input.villageCode = '510199101000';
      },
      'region.code.notVillage',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_label, spoil, messageKey) => {
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM persons'))[0].n;
    const input = householdInput('510199101201');
    spoil(input);
    const result = await t.gql(CREATE_HOUSEHOLD, { input }, await t.login('va.101201'));
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(messageKeyOf(result)).toBe(messageKey);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM persons'))[0].n).toBe(before);
  });
});

describe('correcting a household', () => {
  const UPDATE = 'mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { phone bankName } } }';
  const ADD = 'mutation($h: ID!, $m: PersonInput!) { addHouseholdMember(input: { householdId: $h, member: $m }) { person { id name } } }';

  it('lets the own village and township correct it, and nobody else', async () => {
    const changed = await t.gql(UPDATE, { input: { householdId: liujia.household.id, phone: '13900000000' } }, await t.login('va.101201'));
    // The household is enrolled by now: its bank fields change only through a confirmed proposal (D§10).
    expect(changed.data!.updateHousehold.household).toMatchObject({ phone: '13900000000' });
    expect(
      (await t.gql(UPDATE, { input: { householdId: liujia.household.id, phone: '13900000001' } }, await t.login('hexi.caseworker'))).errors,
    ).toBeUndefined();
    for (const username of ['va.101202', 'hexi.member1', 'hexi.head', 'district.officer', 'finance', 'admin', 'other.caseworker']) {
      const refused = await t.gql(UPDATE, { input: { householdId: liujia.household.id, bankName: 'x' } }, await t.login(username));
      expect([username, ['FORBIDDEN', 'NOT_FOUND'].includes(codeOf(refused) as string)]).toEqual([username, true]);
    }
  });

  it('answers an empty correction with the household unchanged, and refuses a residence change during a procedure', async () => {
    const token = await t.login('va.101201');
    expect((await t.gql(UPDATE, { input: { householdId: liujia.household.id } }, token)).errors).toBeUndefined();
    const moved = await t.gql(UPDATE, { input: { householdId: liujia.household.id, residence: 'URBAN' } }, token);
    expect(codeOf(moved)).toBe('CONFLICT');
  });

  it('flags an open case when a member added later is declared kin of staff (P6.3)', async () => {
    const cousin = idNumber('19660606', 808);
    await t.gql(
      'mutation($i: DeclareKinInput!) { declareKin(input: $i) { kinDeclaration { id } } }',
      { i: { name: '表亲', idNumber: cousin, relation: 'SIBLING' } },
      await t.login('hexi.caseworker'),
    );
    const before = await t.gql(
      'query($id: ID!) { case(id: $id) { kinRegistered version } }',
      { id: liujia.case.id },
      await t.login('va.101201'),
    );
    expect(before.data!.case.kinRegistered).toBe(false);
    const added = await t.gql(
      ADD,
      { h: liujia.household.id, m: { name: '表亲', idNumber: cousin, relation: 'SIBLING', labourCapacity: 'NONE' } },
      await t.login('va.101201'),
    );
    expect(added.errors).toBeUndefined();
    const after = await t.gql(
      'query($id: ID!) { case(id: $id) { kinRegistered version } }',
      { id: liujia.case.id },
      await t.login('va.101201'),
    );
    expect(after.data!.case.kinRegistered).toBe(true);
    expect(after.data!.case.version).toBeGreaterThan(before.data!.case.version);
    await t.gql(
      'mutation($p: ID!) { removeHouseholdMember(input: { personId: $p }) { household { memberCount } } }',
      { p: added.data!.addHouseholdMember.person.id },
      await t.login('va.101201'),
    );
  });

  it('adds and removes members, keeping the count and the able-to-work flag', async () => {
    const token = await t.login('va.101201');
    const added = await t.gql(
      ADD,
      { h: liujia.household.id, m: { name: '刘小妹', idNumber: idNumber('20000202', 777), relation: 'CHILD', labourCapacity: 'FULL' } },
      token,
    );
    expect(added.errors).toBeUndefined();
    const after = await t.gql(
      'query($id: ID!) { household(id: $id) { memberCount hasMemberAbleToWork } }',
      { id: liujia.household.id },
      token,
    );
    expect(after.data!.household).toEqual({ memberCount: 2, hasMemberAbleToWork: true });
    const removed = await t.gql(
      'mutation($p: ID!) { removeHouseholdMember(input: { personId: $p }) { household { memberCount } } }',
      { p: added.data!.addHouseholdMember.person.id },
      token,
    );
    expect(removed.data!.removeHouseholdMember.household.memberCount).toBe(1);
    const head = await t.gql(
      'mutation($p: ID!) { removeHouseholdMember(input: { personId: $p }) { household { memberCount } } }',
      { p: liujia.household.members[0].id },
      token,
    );
    expect(codeOf(head)).toBe('BAD_USER_INPUT');
    const second = await t.gql(
      ADD,
      { h: liujia.household.id, m: { name: 'x', idNumber: idNumber('20000202', 778), relation: 'HEAD', labourCapacity: 'NONE' } },
      token,
    );
    expect(codeOf(second)).toBe('BAD_USER_INPUT');
  });
});

describe('a kin declaration (P6.3, issue #9: no path around the table)', () => {
  const DECLARE = 'mutation($i: DeclareKinInput!) { declareKin(input: $i) { kinDeclaration { id name relation } } }';

  it("flags another village's open case as a recorded system act, and tells the declarer nothing about it", async () => {
    const [{ id_number: relative }] = await t.dataSource.query(
      "SELECT p.id_number FROM persons p JOIN households h ON h.district_code = p.district_code AND h.id = p.household_id WHERE h.head_name = '张学友'",
    );
    const stranger = idNumber('19700101', 321);
    const token = await t.login('va.101201');
    const flagged = await t.gql(DECLARE, { i: { name: '亲属', idNumber: relative, relation: 'SIBLING' } }, token);
    const unrelated = await t.gql(DECLARE, { i: { name: '亲属', idNumber: stranger, relation: 'SIBLING' } }, token);
    // The same answer whether or not the number belongs to a case household.
    const shape = (r: typeof flagged) => Object.keys(r.data!.declareKin.kinDeclaration).sort();
    expect(flagged.errors).toBeUndefined();
    expect(shape(flagged)).toEqual(shape(unrelated));
    const declarerEntries = await t.dataSource.query(
      "SELECT details FROM audit_log WHERE action = 'declareKin' AND actor_username = 'va.101201'",
    );
    expect(declarerEntries.every((e: { details: object }) => !JSON.stringify(e.details).includes('cases'))).toBe(true);

    // The district sees the case flagged, by the system, not by the declarer.
    const seen = await t.gql(
      'query($id: ID!) { case(id: $id) { kinRegistered events { action actorUsername } } }',
      { id: zhangwan.case.id },
      await t.login('district.officer'),
    );
    expect(seen.data!.case.kinRegistered).toBe(true);
    expect(seen.data!.case.events).toContainEqual({ action: 'kinRegistered', actorUsername: 'system' });
    const [systemAct] = await t.dataSource.query("SELECT actor_id, actor_username FROM audit_log WHERE action = 'flagKinCase'");
    expect(systemAct).toEqual({ actor_id: null, actor_username: null });
  });

  it('lets the declarer withdraw its own declaration as a record, once; nobody else may (P6.3)', async () => {
    const token = await t.login('hexi.member1');
    const declared = await t.gql(DECLARE, { i: { name: '旧亲属', idNumber: idNumber('19720202', 432), relation: 'SPOUSE' } }, token);
    const id = declared.data!.declareKin.kinDeclaration.id;
    const WITHDRAW =
      'mutation($i: WithdrawKinDeclarationInput!) { withdrawKinDeclaration(input: $i) { kinDeclaration { id withdrawnAt } } }';
    expect(codeOf(await t.gql(WITHDRAW, { i: { kinDeclarationId: id } }, await t.login('hexi.member2')))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(WITHDRAW, { i: { kinDeclarationId: id } }, await t.login('district.officer')))).toBe('FORBIDDEN');
    const withdrawn = await t.gql(WITHDRAW, { i: { kinDeclarationId: id } }, token);
    expect(withdrawn.data!.withdrawKinDeclaration.kinDeclaration.withdrawnAt).toEqual(expect.any(String));
    expect(codeOf(await t.gql(WITHDRAW, { i: { kinDeclarationId: id } }, token))).toBe('CONFLICT');
    // still on record, for the district
    const listed = await t.gql('{ kinDeclarations(first: 100) { nodes { id withdrawnAt } } }', {}, await t.login('district.officer'));
    expect(listed.data!.kinDeclarations.nodes).toContainEqual({ id, withdrawnAt: expect.any(String) });
  });
});
