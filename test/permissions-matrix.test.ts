import { subject } from '@casl/ability';
import { Actor, defineAbilityFor, refusalReason } from '../permissions/ability';
import { Action, SubjectName } from '../permissions/policy';
import { Role } from '../permissions/roles';
import { ACTIONS } from '../permissions/explain';
import { SUBJECT_NAMES } from '../permissions/subjects';

/**
 * Role × action × subject, each tried on rows at five positions relative to the holder:
 *   S own account's row (in the own village)   V another row in the own village
 *   T another village of the own township       D another township of the own district
 *   X another district
 * The expected reach is written out here from the plan, independently of the policy table: a change
 * to the table that changes who may do what makes this test fail until the expectation is changed too.
 */
const EXPECTED: Record<Role, Partial<Record<`${Action} ${SubjectName}`, string>>> = {
  [Role.VILLAGE_ASSISTANT]: {
    // P4.1
    'read Region': 'SVTD',
    'read Account': 'S',
    // D§14: grants of roles; confirmation is conditional (tier, proposer) and tried over HTTP in role-grants.test.ts
    'read RoleGrant': 'S',
    'explain Account': 'S',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'create Household': 'SV',
    'read Household': 'SV',
    'update Household': 'SV',
    'read BankAccountChange': 'SV',
    'create BankAccountChange': 'SV', // D§10: proposed here, confirmed by a second account
    'read Person': 'SV',
    'submit Case': 'SV',
    'read Case': 'SV',
    'read CaseRecord': 'SV',
    'assess Case': 'SV',
    'appraise Case': 'SV',
    'notice Case': 'SV',
    'deliver Case': 'SV',
    'read Enrolment': 'SV',
    // D§9: the village sees its recipients' reviews and history, and records their change reports
    'read EnrolmentReview': 'SV',
    'read EnrolmentChange': 'SV',
    'read ChangeReport': 'SV',
    'create ChangeReport': 'SV',
    'read Payment': 'SV', // P4.1: whether its recipients were paid (D§10)
    'create KinDeclaration': 'S',
    'read KinDeclaration': 'S',
    'revoke KinDeclaration': 'S', // P6.3: withdraws its own declaration (issue #9)
    'create Petition': 'SV', // D§12: on a resident's behalf
  },
  [Role.TOWNSHIP_CASEWORKER]: {
    // P4.2
    'read Region': 'SVTD',
    'read Account': 'SVT',
    'read RoleGrant': 'S',
    'explain Account': 'S',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'create Household': 'SVT',
    'read Household': 'SVT',
    'update Household': 'SVT',
    'read BankAccountChange': 'SVT',
    'create BankAccountChange': 'SVT',
    'confirm BankAccountChange': 'SVT',
    'read Person': 'SVT',
    'submit Case': 'SVT',
    'read Case': 'SVT',
    'read CaseRecord': 'SVT',
    'accept Case': 'SVT',
    'investigate Case': 'SVT',
    'assess Case': 'SVT',
    'adopt Case': 'SVT', // D§8: the township's accounting is the authoritative one
    'appraise Case': 'SVT',
    'notice Case': 'SVT',
    'file Case': 'SVT',
    'pay Case': 'SVT',
    'read Committee': 'SVT',
    'read Meeting': 'SVT',
    'read CommitteeVote': 'SVT', // P3.2: the township's votes, a subject of their own (issue #9)
    'create Meeting': 'SVT',
    'update Meeting': 'SVT',
    'read VerificationRequest': 'SVT',
    'create Petition': 'SVT', // D§12: on a resident's behalf; reads only what the district shares (below)
    'read Enrolment': 'SVT',
    // D§9: the township reviews its recipients
    'review Enrolment': 'SVT',
    'reclassify Enrolment': 'SVT', // D§9: changes a review class, with a reason
    'read EnrolmentReview': 'SVT',
    'read EnrolmentChange': 'SVT',
    'read ChangeReport': 'SVT',
    'create ChangeReport': 'SVT',
    'create KinDeclaration': 'S',
    'read KinDeclaration': 'S',
    'revoke KinDeclaration': 'S', // P6.3: withdraws its own declaration (issue #9)
    'read Delegation': 'SVT', // P3.1: the delegations the own township holds
    'read DevelopmentLink': 'SVT',
    'create Roster': 'SVT', // D§10: the township builds its monthly roster
    'read Roster': 'SVT',
    // D§10: the institution caring for a centralised TEKUN recipient is its payee; the township keeps its record.
    'read InstitutionPayee': 'SVT',
    'create InstitutionPayee': 'SVT',
    'update InstitutionPayee': 'SVT',
    // D§10, D§14: proposes a change of an institution's account; confirms one another account proposed
    'read InstitutionAccountChange': 'SVT',
    'create InstitutionAccountChange': 'SVT',
    'confirm InstitutionAccountChange': 'SVT',
    'update Enrolment': 'SVT', // D§10: names the institution a centralised TEKUN enrolment is paid to
    'read RosterLine': 'SVT',
    'read Payment': 'SVT',
    'read WorkPlan': 'SVT', // P5.2: works to the own township's plan
    'read Statistics': 'SVT', // P4.2: the own township's statistical reports
  },
  [Role.COMMITTEE_MEMBER]: {
    // P3.2: sees who sits with them
    'read Region': 'SVTD',
    'read Account': 'SVT',
    'read RoleGrant': 'S',
    'explain Account': 'S',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'read Household': 'SVT',
    'read Person': 'SVT',
    'read Case': 'SVT',
    'read CaseRecord': 'SVT',
    'vote Case': 'SVT',
    'read Committee': 'SVT',
    'read Meeting': 'SVT',
    'read CommitteeVote': 'SVT', // P3.2: the township's votes, a subject of their own (issue #9)
    'create KinDeclaration': 'S',
    'read KinDeclaration': 'S',
    'revoke KinDeclaration': 'S', // P6.3: withdraws its own declaration (issue #9)
    'read Delegation': 'SVT', // P3.1: the delegations the own township holds
  },
  [Role.TOWNSHIP_HEAD]: {
    // P3.1, P3.2
    'read Region': 'SVTD',
    'read Account': 'SVT',
    'read RoleGrant': 'SVT',
    'create RoleGrant': 'VT',
    'revoke RoleGrant': 'SVT',
    'explain Account': 'S',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'read Household': 'SVT',
    'read BankAccountChange': 'SVT',
    'read Person': 'SVT',
    'read Case': 'SVT',
    'read CaseRecord': 'SVT',
    'decide Case': 'SVT',
    'review Case': 'SVT',
    'read Committee': 'SVT',
    // P3.2, P5.1: the township forms its committee, no longer the district's administrator
    'create Committee': 'SVT',
    'update Committee': 'SVT',
    'read Meeting': 'SVT',
    'read CommitteeVote': 'SVT', // P3.2: the township's votes, a subject of their own (issue #9)
    'update Meeting': 'SVT',
    'read VerificationRequest': 'SVT',
    'read Enrolment': 'SVT',
    // D§9: the township reviews its recipients; the village or caseworker records reported changes
    'review Enrolment': 'SVT',
    'reclassify Enrolment': 'SVT', // D§9: changes a review class, with a reason
    'read EnrolmentReview': 'SVT',
    'read EnrolmentChange': 'SVT',
    'read ChangeReport': 'SVT',
    'create KinDeclaration': 'S',
    'read KinDeclaration': 'S',
    'revoke KinDeclaration': 'S', // P6.3: withdraws its own declaration (issue #9)
    'read Delegation': 'SVT', // P3.1: the delegations the own township holds
    // P5.1–P5.3: drafts, revises and files the township's documents; sees its own staffing (P6.2) and figures (P4.2)
    'create WorkPlan': 'SVT',
    'update WorkPlan': 'SVT',
    'file WorkPlan': 'SVT',
    'read WorkPlan': 'SVT',
    'read StaffingReport': 'SVT',
    'read Statistics': 'SVT',
    'read DevelopmentLink': 'SVT',
    'submit Roster': 'SVT', // P3.1: the head answers for the roster and submits it
    'read Roster': 'SVT',
    'read InstitutionPayee': 'SVT',
    'create InstitutionPayee': 'SVT',
    'update InstitutionPayee': 'SVT',
    'read InstitutionAccountChange': 'SVT',
    'create InstitutionAccountChange': 'SVT',
    'confirm InstitutionAccountChange': 'SVT',
    'read RosterLine': 'SVT',
    'read Payment': 'SVT',
  },
  [Role.DISTRICT_OFFICER]: {
    // P4.3; decides only where no delegation is in force (P5), never a delegated township's case (P1)
    'read Region': 'SVTD',
    'read Account': 'SVTD',
    'read RoleGrant': 'SVTD',
    'revoke RoleGrant': 'SVTD',
    'explain Account': 'SVTD',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'update Settings': 'SVTD',
    'update DistrictCatalogue': 'SVTD', // D§6, D§7: the verification departments and LINSHI cause categories
    'read Household': 'SVTD',
    'read BankAccountChange': 'SVTD',
    'read Person': 'SVTD',
    'read Case': 'SVTD',
    'read CaseRecord': 'SVTD',
    'read AuditEntry': 'SVTD',
    'verify AuditEntry': 'SVTD',
    'spotCheck Case': 'SVTD',
    'supervise Case': 'SVTD', // P4.3: past decisions against the authority of their date
    'confirm Case': 'SVTD',
    'read Enrolment': 'SVTD',
    // P4.3: supervises dynamic management, records none of it
    'read EnrolmentReview': 'SVTD',
    'read EnrolmentChange': 'SVTD',
    'read ChangeReport': 'SVTD',
    'read Committee': 'SVTD',
    'read Meeting': 'SVTD',
    'read CommitteeVote': 'SVTD', // P3.3: the district supervises how committees voted
    'read VerificationRequest': 'SVTD',
    'verify VerificationRequest': 'SVTD',
    'read VerificationAnswer': 'SVTD',
    'read KinDeclaration': 'SVTD',
    'read AuditFinding': 'SVTD',
    'read DevelopmentLink': 'SVTD',
    // P4.3: the district draws the spot-check sample and keeps the draws; no township reaches them
    'create SpotCheckDraw': 'SVTD',
    'read SpotCheckDraw': 'SVTD',
    'decide Case': 'D', // Shiqiao holds no delegation: pre-delegation mode (P5); Hexi's DIBAO is delegated (P1)
    'create Delegation': 'SVTD', // P3.1
    'revoke Delegation': 'SVTD', // P3.3
    'read Delegation': 'SVTD',
    // P4.3, D§12: petitions are the district's to handle
    'create Petition': 'SVTD',
    'read Petition': 'SVTD',
    'assign Petition': 'SVTD',
    'investigate Petition': 'SVTD',
    'answer Petition': 'SVTD',
    'share Petition': 'SVTD',
    // P4.3: requests the funds and pays monthly; compiles, never approves, the fund request
    'create FundRequest': 'SVTD',
    'read Roster': 'SVTD',
    'read InstitutionPayee': 'SVTD',
    'create InstitutionPayee': 'SVTD',
    'update InstitutionPayee': 'SVTD',
    'read InstitutionAccountChange': 'SVTD',
    'create InstitutionAccountChange': 'SVTD',
    'confirm InstitutionAccountChange': 'SVTD',
    'read RosterLine': 'SVTD',
    'read FundRequest': 'SVTD',
    'read PaymentBatch': 'SVTD',
    'read Payment': 'SVTD',
    'read WorkPlan': 'SVTD', // P5.1: receives every township's documents
    'review WorkPlan': 'SVTD', // P5.1: accepts or returns them
    'read StaffingReport': 'SVTD', // P6.2
    'read Statistics': 'SVTD', // P4.3
  },
  [Role.FINANCE_OFFICER]: {
    // P4.4
    'read Region': 'SVTD',
    'read Account': 'S',
    'read RoleGrant': 'S',
    'explain Account': 'S',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'read Household': 'SVTD',
    'read Enrolment': 'SVTD',
    'read Delegation': 'SVTD', // P5
    // P4.4: approves and allocates, except a request it compiled itself (S: compiled by the holder, D§10)
    'decide FundRequest': 'VTD',
    'create PaymentBatch': 'SVTD',
    'read Roster': 'SVTD',
    'read InstitutionPayee': 'SVTD', // D§10: finance pays the institution
    'read InstitutionAccountChange': 'SVTD',
    'read RosterLine': 'SVTD',
    'read FundRequest': 'SVTD',
    'read PaymentBatch': 'SVTD',
    'read Payment': 'SVTD',
  },
  [Role.AUDITOR]: {
    // P4.4
    'read Region': 'SVTD',
    'read Account': 'SVTD',
    'read RoleGrant': 'SVTD',
    'explain Account': 'SVTD',
    // issue #16: any account of the district but the auditor's own
    'viewAs Account': 'VTD',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'read Household': 'SVTD',
    'read BankAccountChange': 'SVTD',
    'read Case': 'SVTD',
    'read CaseRecord': 'SVTD',
    'read AuditEntry': 'SVTD',
    'verify AuditEntry': 'SVTD',
    'read Enrolment': 'SVTD',
    'read EnrolmentChange': 'SVTD', // P4.4: how each benefit changed, month by month
    'read Committee': 'SVTD',
    'read Meeting': 'SVTD',
    'read CommitteeVote': 'SVTD', // P3.3: the district supervises how committees voted
    'read VerificationRequest': 'SVTD',
    'create AuditFinding': 'SVTD',
    'read AuditFinding': 'SVTD',
    'read SpotCheckDraw': 'SVTD', // D§12: audit replays each draw
    'read Delegation': 'SVTD', // P5
    // P4.4: the whole funds cycle, read-only
    'read Roster': 'SVTD',
    'read InstitutionPayee': 'SVTD',
    'read InstitutionAccountChange': 'SVTD',
    'read RosterLine': 'SVTD',
    'read FundRequest': 'SVTD',
    'read PaymentBatch': 'SVTD',
    'read Payment': 'SVTD',
    'supervise Case': 'SVTD', // D§13: past decisions against the authority of their date
  },
  [Role.POVERTY_OFFICER]: {
    // P4.4
    'read Region': 'SVTD',
    'read Account': 'S',
    'read RoleGrant': 'S',
    'explain Account': 'S',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'read Household': 'SVTD',
    'read Enrolment': 'SVTD',
    'create DevelopmentLink': 'SVTD',
    'read DevelopmentLink': 'SVTD',
    'read Delegation': 'SVTD', // P5
  },
  [Role.DEPARTMENT]: {
    // P4.3, P4.4
    'read Region': 'SVTD',
    'read Account': 'S',
    'read RoleGrant': 'S',
    'explain Account': 'S',
    'read Policy': 'SVTD',
    'read Settings': 'SVTD',
    'read ApiKey': 'S',
    // D§14: a department mints its own key; nobody else can
    'create ApiKey': 'S',
    'read VerificationAnswer': 'SVTD',
    'answer VerificationAnswer': 'SVTD',
    // P4.4: a bank integration, only the batches sent to it (S: addressed to the holder)
    'read PaymentBatch': 'S',
    'answer PaymentBatch': 'S',
  },
  [Role.ADMIN]: {
    // D§2
    'read Region': 'SVTD',
    'create Region': 'SVTD',
    'update Region': 'SVTD',
    'read Settings': 'SVTD',
    'read Account': 'SVTD',
    'read RoleGrant': 'SVTD',
    'create RoleGrant': 'VTD',
    'revoke RoleGrant': 'SVTD',
    'create Account': 'SVTD',
    'update Account': 'SVTD',
    'explain Account': 'SVTD',
    'read Policy': 'SVTD',
    'read ApiKey': 'SVTD',
    'revoke ApiKey': 'SVTD',
    'read AuditEntry': 'S',
    'read StaffingReport': 'SVTD', // P6.2: the accounts and places behind the staffing rule
  },
  [Role.PROVINCE_OPERATOR]: {
    // D§1, D§14: the districts of the own province (every position here is in province 51) and the
    // proposals to create them; nothing of any district's own rows, not even its own account's there
    'read Region': 'SVTDX',
    'read DistrictProposal': 'SVTDX',
    'create DistrictProposal': 'SVTDX',
    'confirm DistrictProposal': 'SVTDX',
    'reject DistrictProposal': 'SVTDX',
  },
};

const HELD_FOR: Record<string, string> = {
  VILLAGE: '510199101201',
  TOWNSHIP: '510199101000',
  DISTRICT: '510199000000',
  PROVINCE: '510000000000',
};
const TIER: Record<Role, string> = {
  VILLAGE_ASSISTANT: 'VILLAGE',
  TOWNSHIP_CASEWORKER: 'TOWNSHIP',
  COMMITTEE_MEMBER: 'TOWNSHIP',
  TOWNSHIP_HEAD: 'TOWNSHIP',
  DISTRICT_OFFICER: 'DISTRICT',
  FINANCE_OFFICER: 'DISTRICT',
  AUDITOR: 'DISTRICT',
  POVERTY_OFFICER: 'DISTRICT',
  DEPARTMENT: 'DISTRICT',
  ADMIN: 'DISTRICT',
  PROVINCE_OPERATOR: 'PROVINCE',
};
const SELF = '00000000-0000-4000-8000-000000000001';
const HEXI_DIBAO = { id: '00000000-0000-4000-8000-0000000000d1', townshipCode: '510199101000', programme: 'DIBAO' };

function actorFor(role: Role): Actor {
  return {
    accountId: SELF,
    username: role.toLowerCase(),
    // A province operator's account is homed at the province, which is no district.
    districtCode: role === Role.PROVINCE_OPERATOR ? '510000000000' : '510199000000',
    departmentCode: role === Role.DEPARTMENT ? ('TAX' as Actor['departmentCode']) : null,
    roles: [{ role, regionCode: HELD_FOR[TIER[role]] }],
    // The holder's own township (Hexi) holds the DIBAO delegation; the others none (D§13).
    delegations: [HEXI_DIBAO],
  };
}

const PLACES: Record<string, [district: string, township: string, village: string]> = {
  S: ['510199000000', '510199101000', '510199101201'],
  V: ['510199000000', '510199101000', '510199101201'],
  T: ['510199000000', '510199101000', '510199101202'],
  D: ['510199000000', '510199102000', '510199102201'],
  X: ['510198000000', '510198101000', '510198101201'],
};

function rowAt(position: string, subjectType: SubjectName) {
  const [districtCode, townshipCode, villageCode] = PLACES[position];
  const id = position === 'S' ? SELF : `00000000-0000-4000-8000-00000000000${'SVTDX'.indexOf(position) + 2}`;
  const owner = position === 'S' ? SELF : id;
  return subject(subjectType, {
    id,
    districtCode,
    townshipCode,
    villageCode,
    provinceCode: districtCode.slice(0, 2),
    level: 'DISTRICT',
    // Proposed by another account: whether the proposer may decide it is tried in province.test.ts.
    proposedById: '00000000-0000-4000-8000-000000000099',
    accountId: owner,
    actorId: owner,
    residence: 'RURAL',
    hasMemberAbleToWork: true,
    programme: 'DIBAO',
    // A household paid DIBAO: the finance and poverty scopes reach it (P4.4); the rows it does not
    // reach are tried below.
    activeEnrolment: true,
    activeDibaoEnrolment: true,
    departmentCode: 'TAX',
    kinStaffIds: [],
    investigatorIds: [],
    // A payment batch sent to the holder's integration, and a fund request it compiled (D§10).
    bankIntegrationId: owner,
    compiledById: owner,
  });
}

const cases = Object.values(Role).flatMap((role) =>
  SUBJECT_NAMES.flatMap((subjectType) =>
    ACTIONS.map((action) => ({
      role,
      action,
      subjectType,
      reach: EXPECTED[role][`${action} ${subjectType}`] ?? '',
    })),
  ),
);

describe('the policy table, role × action × subject, in and out of scope', () => {
  it.each(cases)('$role may $action $subjectType at [$reach]', ({ role, action, subjectType, reach }) => {
    const ability = defineAbilityFor(actorFor(role));
    const reached = [...'SVTDX'].filter((position) => ability.can(action, rowAt(position, subjectType) as never)).join('');
    expect(reached).toBe(reach);
  });
});

describe('separation of duties and special conditions', () => {
  it.each([Role.TOWNSHIP_CASEWORKER, Role.TOWNSHIP_HEAD])(
    '%s reads a petition about the own township only once the district shares it, and never who filed it (D§12)',
    (role) => {
      const ability = defineAbilityFor(actorFor(role));
      const shared = (position: string) => subject('Petition', { ...rowAt(position, 'Petition'), sharedWithTownship: true });
      expect([...'SVTDX'].filter((position) => ability.can('read', shared(position) as never)).join('')).toBe('SVT');
      expect(ability.can('read', shared('T') as never, 'content')).toBe(true);
      expect(ability.can('read', shared('T') as never, 'residentName')).toBe(false);
      expect(ability.can('read', shared('T') as never, 'residentContact')).toBe(false);
    },
  );

  it("refuses the district officer's decision on a township case with the P1 rule's reason", () => {
    const ability = defineAbilityFor(actorFor(Role.DISTRICT_OFFICER));
    const target = rowAt('V', 'Case');
    expect(ability.can('decide', target as never)).toBe(false);
    expect(ability.relevantRuleFor('decide', target as never)?.reason).toMatch(/never approves or refuses/);
  });

  it('denies the district officer a decision even when the same person also holds a township role', () => {
    const actor = actorFor(Role.DISTRICT_OFFICER);
    actor.roles.push({ role: Role.TOWNSHIP_HEAD, regionCode: '510199101000' });
    expect(defineAbilityFor(actor).can('decide', rowAt('V', 'Case') as never)).toBe(false);
  });

  it('in pre-delegation mode the district officer decides and the township head may not, naming the missing delegation (P5, D§13)', () => {
    const withoutDelegation = (role: Role) => defineAbilityFor({ ...actorFor(role), delegations: [] });
    const target = rowAt('V', 'Case');
    expect(withoutDelegation(Role.DISTRICT_OFFICER).can('decide', target as never)).toBe(true);
    const head = withoutDelegation(Role.TOWNSHIP_HEAD);
    expect(head.can('decide', target as never)).toBe(false);
    expect(refusalReason(head, 'decide', target).params.scopes).toEqual([
      expect.objectContaining({ en: expect.stringMatching(/delegation in force/) }),
    ]);
  });

  it("a delegation covers its own programme only: Hexi's TEKUN case is still the district's (D§13)", () => {
    const tekun = subject('Case', { ...rowAt('V', 'Case'), programme: 'TEKUN' });
    expect(defineAbilityFor(actorFor(Role.TOWNSHIP_HEAD)).can('decide', tekun as never)).toBe(false);
    expect(defineAbilityFor(actorFor(Role.DISTRICT_OFFICER)).can('decide', tekun as never)).toBe(true);
  });

  it('limits the poverty office to rural DIBAO recipients with a member able to work (P4.4)', () => {
    const ability = defineAbilityFor(actorFor(Role.POVERTY_OFFICER));
    const paid = { districtCode: '510199000000', activeEnrolment: true, activeDibaoEnrolment: true };
    expect(ability.can('read', subject('Household', { ...paid, residence: 'RURAL', hasMemberAbleToWork: true }) as never)).toBe(true);
    expect(ability.can('read', subject('Household', { ...paid, residence: 'URBAN', hasMemberAbleToWork: true }) as never)).toBe(false);
    expect(ability.can('read', subject('Household', { ...paid, residence: 'RURAL', hasMemberAbleToWork: false }) as never)).toBe(false);
    const notDibao = { districtCode: '510199000000', residence: 'RURAL', hasMemberAbleToWork: true };
    expect(ability.can('read', subject('Household', { ...notDibao, activeEnrolment: false, activeDibaoEnrolment: false }) as never)).toBe(
      false,
    );
    expect(ability.can('read', subject('Household', { ...notDibao, activeEnrolment: true, activeDibaoEnrolment: false }) as never)).toBe(
      false,
    );
  });

  it('shows finance the payees of active enrolments only, never applicants (P4.4, D§10)', () => {
    const ability = defineAbilityFor(actorFor(Role.FINANCE_OFFICER));
    expect(ability.can('read', rowAt('D', 'Household') as never, 'bankAccount')).toBe(true);
    const applicant = subject('Household', { ...rowAt('D', 'Household'), activeEnrolment: false, activeDibaoEnrolment: false });
    expect(ability.can('read', applicant as never)).toBe(false);
    expect(ability.can('read', applicant as never, 'headName')).toBe(false);
  });

  it("shows finance an enrolment's payee and amount, not the household's circumstances (P4.4)", () => {
    const ability = defineAbilityFor(actorFor(Role.FINANCE_OFFICER));
    const enrolment = rowAt('D', 'Enrolment');
    for (const field of ['payeeName', 'monthlyAmount', 'programme', 'household'])
      expect(ability.can('read', enrolment as never, field)).toBe(true);
    for (const field of ['residence', 'hasMemberAbleToWork', 'careLevel', 'supportForm', 'reviewClass', 'case'])
      expect(ability.can('read', enrolment as never, field)).toBe(false);
  });

  it.each(Object.values(Role))(
    "keeps every grant of %s inside the holder's district (or province), whatever the scope column says (D§1)",
    (role) => {
      const ability = defineAbilityFor(actorFor(role));
      // The province tier's tenant is its province: the row of another province stands for "foreign".
      const elsewhere =
        role === Role.PROVINCE_OPERATOR ? { districtCode: '520101000000', provinceCode: '52' } : { districtCode: '510198000000' };
      for (const subjectType of SUBJECT_NAMES) {
        // The holder's own township, village and account, but another district's row.
        const foreign = subject(subjectType, { ...rowAt('S', subjectType), ...elsewhere });
        for (const action of ACTIONS)
          expect([role, action, subjectType, ability.can(action, foreign as never)]).toEqual([role, action, subjectType, false]);
      }
    },
  );

  it("gives committee members a household's situation but not its personal fields", () => {
    const ability = defineAbilityFor(actorFor(Role.COMMITTEE_MEMBER));
    const person = rowAt('V', 'Person');
    expect(ability.can('read', person as never, 'name')).toBe(true);
    expect(ability.can('read', person as never, 'idNumber')).toBe(false);
    expect(ability.can('read', person as never, 'healthDetail')).toBe(false);
  });

  it("gives finance the payee's bank account and nothing of the household's situation", () => {
    const ability = defineAbilityFor(actorFor(Role.FINANCE_OFFICER));
    const household = rowAt('D', 'Household');
    expect(ability.can('read', household as never, 'bankAccount')).toBe(true);
    expect(ability.can('read', household as never, 'address')).toBe(false);
    expect(ability.can('read', household as never, 'memberCount')).toBe(false);
  });

  it.each([
    [Role.VILLAGE_ASSISTANT, 'appraise'],
    [Role.TOWNSHIP_CASEWORKER, 'investigate'],
    [Role.TOWNSHIP_CASEWORKER, 'appraise'],
    [Role.COMMITTEE_MEMBER, 'vote'],
    [Role.TOWNSHIP_HEAD, 'decide'],
  ] as const)('bars a %s related to the household from the case: no %s (P6.3), though it may still read it', (role, action) => {
    const ability = defineAbilityFor(actorFor(role));
    const related = subject('Case', { ...rowAt('V', 'Case'), kinStaffIds: ['someone-else', SELF] });
    expect(ability.can(action, rowAt('V', 'Case') as never)).toBe(true);
    expect(ability.can(action, related as never)).toBe(false);
    expect(ability.relevantRuleFor(action, related as never)?.reason).toMatch(/No favour cases/);
    expect(ability.can('read', related as never)).toBe(true);
  });

  it('makes an investigator of the case recuse from the committee vote (D§4)', () => {
    const ability = defineAbilityFor(actorFor(Role.COMMITTEE_MEMBER));
    const investigated = subject('Case', { ...rowAt('V', 'Case'), investigatorIds: [SELF] });
    expect(ability.can('vote', investigated as never)).toBe(false);
    expect(ability.relevantRuleFor('vote', investigated as never)?.reason).toMatch(/investigated the case recuses/);
  });

  it('makes a head who investigated the case recuse from chairing and signing it (D§4)', () => {
    const ability = defineAbilityFor(actorFor(Role.TOWNSHIP_HEAD));
    const investigated = subject('Case', { ...rowAt('V', 'Case'), investigatorIds: [SELF] });
    for (const action of ['review', 'decide'] as const) {
      expect(ability.can(action, rowAt('V', 'Case') as never)).toBe(true);
      expect(ability.can(action, investigated as never)).toBe(false);
    }
  });

  it('lets the deputy chair chair and sign only the cases on which the chair recuses (D§4)', () => {
    const deputy = defineAbilityFor(actorFor(Role.COMMITTEE_MEMBER));
    const standingIn = subject('Case', { ...rowAt('V', 'Case'), actingChairIds: [SELF] });
    const otherTownship = subject('Case', { ...rowAt('D', 'Case'), actingChairIds: [SELF] });
    for (const action of ['review', 'decide'] as const) {
      expect(deputy.can(action, rowAt('V', 'Case') as never)).toBe(false);
      expect(deputy.can(action, standingIn as never)).toBe(true);
      expect(deputy.can(action, otherTownship as never)).toBe(false);
      // a deputy who is kin of the household recuses as well (P6.3)
      expect(deputy.can(action, subject('Case', { ...rowAt('V', 'Case'), actingChairIds: [SELF], kinStaffIds: [SELF] }) as never)).toBe(
        false,
      );
    }
  });

  it('shows a department only the verification requests addressed to it', () => {
    const tax = defineAbilityFor(actorFor(Role.DEPARTMENT));
    const bank = subject('VerificationAnswer', { districtCode: '510199000000', townshipCode: '510199101000', departmentCode: 'BANK' });
    expect(tax.can('read', bank as never)).toBe(false);
    expect(tax.can('answer', bank as never)).toBe(false);
  });

  it('throws on a role that has no row in the policy table', () => {
    const actor = { ...actorFor(Role.ADMIN), roles: [{ role: 'MAYOR' as Role, regionCode: '510199000000' }] };
    expect(() => defineAbilityFor(actor)).toThrow(/Unknown role "MAYOR"/);
  });

  it('gives an anonymous caller nothing', () => {
    const ability = defineAbilityFor(null);
    for (const subjectType of SUBJECT_NAMES) for (const action of ACTIONS) expect(ability.can(action, subjectType)).toBe(false);
  });
});
