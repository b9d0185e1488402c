import { subject } from '@casl/ability';
import { Actor, defineAbilityFor, DelegationInForce } from '../permissions/ability';
import { Role } from '../permissions/roles';
import { scopeQuery } from '../src/db/policy-sql';
import { ACTIONS } from '../permissions/explain';
import type { SubjectName } from '../permissions/policy';
import { actorOf } from '../src/modules/account/account.service';
import { Account } from '../src/modules/account/account.entity';
import { ENTITIES } from '../src/db/entities';
import { Household } from '../src/modules/household/household.entity';
import { DataAccess } from '../src/db/data-access';
import { createLogger } from '../src/logger';
import { delegationsInForce } from '../src/modules/delegation/delegations-in-force';
import { useTestApp } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { monthFromNow, payHexiMonth, proposeInstitutionAccountChange } from './support/funds';
import { householdWithCase, idNumber } from './support/households';
import {
  ALL_APPROVE,
  apply,
  as,
  meetingWithVotes,
  prepareForReview,
  rawId,
  reportChangeAndKeep,
  setHexiCommittee,
  stepOk,
  throughNotice,
} from './support/workflow';

/**
 * The subject each table is read as. Tables left out are only ever read through a scoped parent
 * (roles with their account, a grant's confirmation and revocation with the grant, members with their committee, holidays and the
 * verification departments and cause categories with the district's settings).
 */
const SUBJECT_OF_TABLE: Record<string, SubjectName> = {
  Region: 'Region',
  Account: 'Account',
  ApiKey: 'ApiKey',
  RoleGrant: 'RoleGrant',
  Household: 'Household',
  BankAccountChange: 'BankAccountChange',
  Person: 'Person',
  Case: 'Case',
  CaseEvent: 'CaseRecord',
  Investigation: 'CaseRecord',
  IncomeAccounting: 'CaseRecord',
  Appraisal: 'CaseRecord',
  Objection: 'CaseRecord',
  SpotCheck: 'CaseRecord',
  Delivery: 'CaseRecord',
  AuditEntry: 'AuditEntry',
  DistrictSettings: 'Settings',
  Committee: 'Committee',
  Meeting: 'Meeting',
  CommitteeVote: 'CommitteeVote',
  VerificationRequest: 'VerificationRequest',
  VerificationAnswer: 'VerificationAnswer',
  KinDeclaration: 'KinDeclaration',
  Enrolment: 'Enrolment',
  AuditFinding: 'AuditFinding',
  DevelopmentLink: 'DevelopmentLink',
  SpotCheckDraw: 'SpotCheckDraw',
  SpotCheckPoolEntry: 'SpotCheckDraw',
  Delegation: 'Delegation',
  WorkPlan: 'WorkPlan',
  EnrolmentChange: 'EnrolmentChange',
  EnrolmentReview: 'EnrolmentReview',
  ChangeReport: 'ChangeReport',
  Petition: 'Petition',
  Roster: 'Roster',
  RosterLine: 'RosterLine',
  FundRequest: 'FundRequest',
  InstitutionPayee: 'InstitutionPayee',
  InstitutionAccountChange: 'InstitutionAccountChange',
  PaymentBatch: 'PaymentBatch',
  Payment: 'Payment',
  DistrictProposal: 'DistrictProposal',
};
const PROPOSE_DISTRICT =
  'mutation { proposeDistrict(input: { regionCode: "510196000000", name: "新区", adminUsername: "xinqu.admin", adminDisplayName: "新区管理员" }) { proposal { id } } }';

/** Read only with their parent: a request's rosters with the request, a batch's transfers with the batch, a payment's results with the payment. */
const READ_THROUGH_PARENT = [
  'RoleAssignment',
  'RoleGrantAct',
  'DistrictHoliday',
  'VerificationDepartmentRow',
  'LinshiCauseCategoryRow',
  'CommitteeMember',
  'FundRequestRoster',
  'PaymentTransfer',
  'PaymentResult',
  'DistrictProposalDecision',
];
const TABLES = ENTITIES.map((entity) => entity.name).filter((name) => !READ_THROUGH_PARENT.includes(name));

/** People holding several roles: grants add up, and a denial of one role still overrides a grant of
 * another (the SQL must negate exactly as CASL does). */
const COMBINED_ROLES: Actor[] = [
  {
    accountId: '00000000-0000-4000-8000-0000000000c1',
    username: 'officer+head',
    districtCode: '510199000000',
    departmentCode: null,
    roles: [
      { role: Role.DISTRICT_OFFICER, regionCode: '510199000000' },
      { role: Role.TOWNSHIP_HEAD, regionCode: '510199101000' },
    ],
    // Delegated in one township for one programme, in another for another: the district decides the rest (D§13).
    delegations: [
      { id: '00000000-0000-4000-8000-0000000000d1', townshipCode: '510199101000', programme: 'DIBAO' },
      { id: '00000000-0000-4000-8000-0000000000d2', townshipCode: '510199102000', programme: 'LINSHI' },
    ],
  },
  {
    accountId: '00000000-0000-4000-8000-0000000000c2',
    username: 'assistant+poverty',
    districtCode: '510199000000',
    departmentCode: null,
    roles: [
      { role: Role.VILLAGE_ASSISTANT, regionCode: '510199101201' },
      { role: Role.POVERTY_OFFICER, regionCode: '510199000000' },
    ],
    delegations: [],
  },
];

const t = useTestApp({ fixture: OTHER_DISTRICT });
let data: DataAccess;
beforeAll(async () => {
  data = new DataAccess(t.dataSource, createLogger('silent'));
  // Rows spread over villages, townships and both districts.
  await householdWithCase(t, 'va.101201', '510199101201', 'DIBAO', '甲一');
  await householdWithCase(t, 'va.101202', '510199101202', 'TEKUN', '乙二');
  await householdWithCase(t, 'va.102201', '510199102201', 'LINSHI', '丙三');
  await householdWithCase(t, 'va.001001', '510199001001', 'DIBAO', '丁四', { residence: 'URBAN' });
  await householdWithCase(t, 'va.101203', '510199101203', 'TEKUN', '己六', { headCapacity: 'NONE' });
  await householdWithCase(t, 'other.va', '510198101201', 'DIBAO', '戊五');
  for (const department of ['dept.tax', 'dept.bank']) {
    await t.gql('mutation { createApiKey(input: { name: "k" }) { secret } }', {}, await t.login(department));
  }
  // a refused attempt, so that the audit log has entries of more than one kind
  await t.gql('{ auditLog { totalCount } }', {}, await t.login('va.101201'));
  // a case through the whole workflow, so that every step table has rows
  await setHexiCommittee(t);
  const { case: approved, household: hexiHousehold } = await apply(t, 'DIBAO', { head: '全流程' });
  await prepareForReview(t, approved.id);
  const meetingId = await meetingWithVotes(t, [approved.id], ALL_APPROVE);
  await stepOk(t, 'hexi.head', 'concludeReview', approved.id, { meetingId });
  await stepOk(t, 'va.101201', 'raiseObjection', approved.id, { objector: '村民', content: '异议' });
  await as(
    t,
    'va.101201',
    'mutation($c: ID!) { recordAppraisal(input: { caseId: $c, heldOn: "2026-11-26", participants: 9, supported: true, minutes: "ok" }) { appraisal { outcome } } }',
    { c: approved.id },
  );
  await stepOk(t, 'va.101201', 'returnToReview', approved.id);
  await throughNotice(t, [approved.id]);
  await stepOk(t, 'hexi.head', 'approveCase', approved.id);
  await as(
    t,
    'va.101201',
    'mutation($c: ID!) { recordDelivery(input: { caseId: $c, deliveredOn: "2026-11-27", recipient: "本人" }) { delivery { id } } }',
    { c: approved.id },
  );
  await stepOk(t, 'hexi.caseworker', 'fileCase', approved.id);
  // The district's spot-check draw takes the filed case into its pool (P4.3).
  await as(t, 'district.officer', 'mutation { drawSpotCheckSample(input: {}) { draw { id } } }');
  // Hexi's LINSHI delegation revoked again: a revocation record, and Hexi's LINSHI back with the district.
  const { delegations } = await as(t, 'district.officer', '{ delegations(townshipCode: "510199101000") { nodes { id programme } } }');
  await as(t, 'district.officer', 'mutation($i: RevokeDelegationInput!) { revokeDelegation(input: $i) { delegation { id } } }', {
    i: {
      delegationId: delegations.nodes.find((d: { programme: string }) => d.programme === 'LINSHI').id,
      effectiveFrom: new Date().toISOString().slice(0, 10),
      documentReference: '收回〔2026〕1号',
    },
  });
  await stepOk(t, 'district.officer', 'spotCheck', approved.id, { outcome: 'CONFIRMED', findings: '核实无误' });
  // a case on which the head recuses as kin, so that the deputy chair's grants are compared too (D§4)
  const { case: recused } = await apply(t, 'DIBAO', { head: '组长回避' });
  await t.dataSource.query(`UPDATE cases SET kin_staff_ids = ARRAY[(SELECT id FROM accounts WHERE username = 'hexi.head')] WHERE id = $1`, [
    rawId(recused.id),
  ]);
  const [standIn] = await t.dataSource.query(
    'SELECT a.username FROM cases c JOIN accounts a ON a.id = ANY(c.acting_chair_ids) WHERE c.id = $1',
    [rawId(recused.id)],
  );
  expect(standIn).toEqual({ username: 'hexi.member3' });
  await as(t, 'hexi.member1', 'mutation($i: DeclareKinInput!) { declareKin(input: $i) { kinDeclaration { id } } }', {
    i: { name: '亲属', idNumber: idNumber('19800808', 555), relation: 'SPOUSE' },
  });
  await as(t, 'district.officer', 'mutation { updateSetting(input: { key: "noticeDays", value: 7 }) { settings { districtCode } } }');
  await as(
    t,
    'auditor',
    'mutation { recordAuditFinding(input: { severity: OBSERVATION, title: "抽样", body: "ok", townshipCode: "510199101000" }) { auditFinding { id } } }',
  );
  const [enrolment] = (await as(t, 'poverty', '{ enrolments { nodes { id } } }')).enrolments.nodes;
  await as(
    t,
    'poverty',
    'mutation($e: ID!) { linkDevelopmentSupport(input: { enrolmentId: $e, measure: "技能培训 (skills training)" }) { developmentLink { id } } }',
    { e: enrolment.id },
  );
  await as(t, 'other.officer', 'mutation { updateSetting(input: { key: "noticeDays", value: 10 }) { settings { districtCode } } }');
  // Dynamic management of the approved case's enrolment (D§9), a petition (D§12) and a month of its payments (D§10).
  const hexiEnrolment = (await as(t, 'hexi.caseworker', '{ enrolments { nodes { id } } }')).enrolments.nodes[0];
  await reportChangeAndKeep(t, hexiEnrolment.id);
  await as(t, 'district.officer', 'mutation($i: SubmitPetitionInput!) { submitPetition(input: $i) { reference } }', {
    i: { kind: 'COMPLAINT', caseId: approved.id, title: '反映', content: '内容' },
  });
  // Care institutions of two townships, paid for centralised TEKUN recipients (D§10).
  for (const [username, townshipCode, name] of [
    ['hexi.caseworker', '510199101000', '河西镇敬老院'],
    ['district.officer', '510199102000', '石桥镇敬老院'],
  ]) {
    const { createInstitutionPayee } = await as(
      t,
      username,
      'mutation($i: CreateInstitutionPayeeInput!) { createInstitutionPayee(input: $i) { institutionPayee { id } } }',
      { i: { townshipCode, name, bankName: '农村信用社', bankAccount: '6230000011112222333' } },
    );
    // A change of each one's account waiting for a second account (D§10, D§14).
    await proposeInstitutionAccountChange(t, username, createInstitutionPayee.institutionPayee.id);
  }
  await payHexiMonth(t, monthFromNow(1));
  await as(
    t,
    'va.101201',
    'mutation($i: ProposeBankAccountChangeInput!) { proposeBankAccountChange(input: $i) { bankAccountChange { id } } }',
    { i: { householdId: hexiHousehold.id, bankAccount: '6228480000123456789', reason: '换卡 (new card)' } },
  );
  // The province's own rows: a proposal to create a district (D§1, D§14).
  await as(t, 'province.operator', PROPOSE_DISTRICT);
});

describe('SQL push-down returns exactly the rows ability.can accepts', () => {
  it('knows the subject of every table', () => {
    expect(TABLES.filter((name) => !SUBJECT_OF_TABLE[name])).toEqual([]);
  });

  it.each(TABLES)('for %s, every account of both districts, combined roles and every action', async (table) => {
    const entity = ENTITIES.find((e) => e.name === table)!;
    const subjectType = SUBJECT_OF_TABLE[table];
    const accounts = await t.dataSource.getRepository(Account).find({ relations: { roles: true } });
    const inForce = new Map<string, DelegationInForce[]>();
    for (const district of new Set(accounts.map((a) => a.districtCode))) inForce.set(district, await delegationsInForce(data, district));
    const actors = [...accounts.map((account) => actorOf(account, inForce.get(account.districtCode)!)), ...COMBINED_ROLES];
    const all = await t.dataSource.getRepository(entity).find();
    expect(all.length).toBeGreaterThan(0);
    let compared = 0;
    for (const actor of actors) {
      const ability = defineAbilityFor(actor);
      for (const action of ACTIONS) {
        const inSql = await scopeQuery(
          t.dataSource.getRepository(entity).createQueryBuilder('row'),
          ability,
          action,
          subjectType,
        ).getMany();
        const inMemory = all.filter((row) => ability.can(action, subject(subjectType, { ...row }) as never));
        const keyOf = (row: object) => JSON.stringify(t.dataSource.getMetadata(entity).getEntityIdMap(row));
        expect([actor.username, action, inSql.map(keyOf).sort()]).toEqual([actor.username, action, inMemory.map(keyOf).sort()]);
        compared += 1;
      }
    }
    expect(compared).toBe(actors.length * ACTIONS.length);
  });

  it.each([
    ['finance', ['全流程']],
    ['poverty', ['全流程']],
  ])('gives %s in SQL the households paid by an active (DIBAO) enrolment, not the applicants (P4.4)', async (username, expected) => {
    const [account] = await t.dataSource.getRepository(Account).find({ where: { username }, relations: { roles: true } });
    const households = await scopeQuery(
      t.dataSource.getRepository(Household).createQueryBuilder('row'),
      defineAbilityFor(actorOf(account, [])),
      'read',
      'Household',
    ).getMany();
    expect(households.map((h) => h.headName)).toEqual(expected);
    // the fixture also has rural applicants with a member able to work, never enrolled
    expect(await t.dataSource.getRepository(Household).countBy({ residence: 'RURAL', hasMemberAbleToWork: true })).toBeGreaterThan(2);
  });

  it('returns no rows at all for an anonymous ability (WHERE false)', async () => {
    const none = await scopeQuery(
      t.dataSource.getRepository(ENTITIES[0]).createQueryBuilder('row'),
      defineAbilityFor(null),
      'read',
      'Region',
    ).getMany();
    expect(none).toEqual([]);
  });
});
