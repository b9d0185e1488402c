import type { Localized } from '../src/i18n/message';
import { Role } from './roles';
import { nonPersonalFields } from './subjects';

/** What an actor does to a subject. Lower-case verbs, one per kind of act the plan distinguishes. */
export type Action =
  | 'read' | 'create' | 'update' | 'revoke' | 'explain'
  // the case workflow (D§3–§7): one verb per kind of step the plan assigns to a tier
  | 'submit' | 'accept' | 'investigate' | 'assess' | 'appraise' | 'notice' | 'vote' | 'review' | 'decide'
  | 'deliver' | 'file' | 'spotCheck' | 'pay' | 'confirm' | 'verify' | 'answer';

/** Every kind of row the policy speaks about; each is also the entity class name. `Policy` is the
 * policy table itself, as read through the audit API. */
export type SubjectName =
  | 'Region' | 'Account' | 'ApiKey' | 'Household' | 'Person' | 'Case' | 'CaseRecord' | 'AuditEntry' | 'Policy'
  | 'Settings' | 'Committee' | 'Meeting' | 'VerificationRequest' | 'VerificationAnswer' | 'KinDeclaration' | 'Enrolment'
  | 'AuditFinding' | 'DevelopmentLink';

/**
 * Which rows a grant reaches, relative to the region (or account) the role is held for.
 * `village`/`township`/`district`: rows whose scope column equals the holder's;
 * `department`: rows addressed to the holder's department within its district;
 * `self`: rows that are, or belong to, the holder's own account.
 */
export type Scope = 'village' | 'township' | 'district' | 'department' | 'self';

/** A scope in words, as the matrix, explanations and refusals show it. */
export const SCOPE_WORDS: Record<Scope, Localized> = {
  village: { zh: '本村（社区）', en: 'own village' },
  township: { zh: '本乡镇（街道）', en: 'own township' },
  district: { zh: '本区', en: 'own district' },
  department: { zh: '本部门', en: 'own department' },
  self: { zh: '本人账号', en: 'own account' },
};

export interface Grant {
  role: Role;
  action: Action;
  subject: SubjectName;
  scope: Scope;
  /** Fields the grant covers; absent means every field, personal data included. */
  fields?: readonly string[];
  /** Extra equality conditions on top of the scope, with their meaning in words. The value
   * `'$accountId'` stands for the holder's account id (an array column matches when it contains it). */
  when?: { conditions: Record<string, unknown>; text: string };
  /** An explicit denial that overrides grants (separation of duties). */
  inverted?: boolean;
  /** Plan clause (`P4.1`) or DOMAIN.md section (`D§2`) the row implements. */
  clause: string;
  /** One line; also the message a refused caller sees. */
  reason: string;
}

/** The scope at which a role's separation-of-duty denials apply: its own area. */
const ROLE_SCOPE: Partial<Record<Role, Scope>> = {
  [Role.VILLAGE_ASSISTANT]: 'village', [Role.TOWNSHIP_CASEWORKER]: 'township', [Role.COMMITTEE_MEMBER]: 'township', [Role.TOWNSHIP_HEAD]: 'township',
};

/** What staff related to an applicant may not do on that case, by the role that would do it (P6.3). */
const KIN_BARRED: Partial<Record<Role, Action[]>> = {
  [Role.VILLAGE_ASSISTANT]: ['appraise', 'assess'],
  [Role.TOWNSHIP_CASEWORKER]: ['investigate', 'appraise', 'assess', 'pay'],
  [Role.COMMITTEE_MEMBER]: ['vote'],
  [Role.TOWNSHIP_HEAD]: ['decide', 'review', 'pay'],
};

const { VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD, DISTRICT_OFFICER, FINANCE_OFFICER, AUDITOR,
  POVERTY_OFFICER, DEPARTMENT, ADMIN } = Role;

const g = (role: Role, action: Action, subject: SubjectName, scope: Scope, clause: string, reason: string, extra: Partial<Grant> = {}): Grant =>
  ({ role, action, subject, scope, clause, reason, ...extra });

const forAllRoles = (make: (role: Role) => Grant): Grant[] => Object.values(Role).map(make);

/** What finance may see of a household: the payee and where the money goes (P4.4). */
const PAYEE_FIELDS = ['id', 'districtCode', 'townshipCode', 'villageCode', 'headName', 'bankName', 'bankAccount'];

/**
 * The policy: every grant in the system. Nothing is allowed that is not here (deny by default).
 * `permissions/ability.ts` is its only reader; `docs/permission-matrix.md` is generated from it.
 */
export const POLICY: readonly Grant[] = [
  // ── Everyone signed in ─────────────────────────────────────────────────────────────────────
  ...forAllRoles((role) => g(role, 'read', 'Region', 'district', 'D§1', 'Every tier works with the places of its own district.')),
  ...forAllRoles((role) => g(role, 'read', 'Account', 'self', 'D§2', 'Everyone may see their own account and roles.')),
  ...forAllRoles((role) => g(role, 'explain', 'Account', 'self', 'P2.2', 'Everyone may ask why they may or may not do something.')),
  ...forAllRoles((role) => g(role, 'read', 'Policy', 'district', 'P2.2', 'The permission matrix is open to every account: who does what is public policy.')),

  // ── Village / community (P4.1) ─────────────────────────────────────────────────────────────
  g(VILLAGE_ASSISTANT, 'create', 'Household', 'village', 'P4.1', 'The village accepts applications and registers the household.'),
  g(VILLAGE_ASSISTANT, 'read', 'Household', 'village', 'P4.1', 'The village helps with the households of its own village.'),
  g(VILLAGE_ASSISTANT, 'update', 'Household', 'village', 'P4.1', 'The village keeps the application data of its own village up to date.'),
  g(VILLAGE_ASSISTANT, 'read', 'Person', 'village', 'P4.1', 'The village helps with the households of its own village.'),
  g(VILLAGE_ASSISTANT, 'read', 'Case', 'village', 'P4.1', 'The village follows the cases of its own village.'),
  g(VILLAGE_ASSISTANT, 'read', 'CaseRecord', 'village', 'P4.1', 'The village follows the cases of its own village.'),

  // ── Township / street: caseworker (P4.2) ───────────────────────────────────────────────────
  g(TOWNSHIP_CASEWORKER, 'read', 'Account', 'township', 'P4.2', 'Township caseworkers assign investigations to the staff of their own township.'),
  g(TOWNSHIP_CASEWORKER, 'create', 'Household', 'township', 'D§3', 'The township may also take an application itself.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Household', 'township', 'P4.2', 'The township investigates and keeps the archives of its own households.'),
  g(TOWNSHIP_CASEWORKER, 'update', 'Household', 'township', 'P4.2', 'The township corrects household data found in investigation.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Person', 'township', 'P4.2', 'The township investigates and keeps the archives of its own households.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Case', 'township', 'P4.2', 'The township handles the cases of its own township.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'CaseRecord', 'township', 'P4.2', 'The township handles the cases of its own township.'),

  // ── Township: joint review committee member (P3.2) ─────────────────────────────────────────
  g(COMMITTEE_MEMBER, 'read', 'Household', 'township', 'P3.2', 'Committee members review the township\'s cases collectively; they see the situation, not identity numbers.',
    { fields: nonPersonalFields('Household') }),
  g(COMMITTEE_MEMBER, 'read', 'Person', 'township', 'P3.2', 'Committee members review the township\'s cases collectively; they see the situation, not identity numbers.',
    { fields: nonPersonalFields('Person') }),
  g(COMMITTEE_MEMBER, 'read', 'Case', 'township', 'P3.2', 'Committee members review the cases of their own township.'),
  g(COMMITTEE_MEMBER, 'read', 'CaseRecord', 'township', 'P3.2', 'Committee members review the cases of their own township.'),

  // ── Township head: chairs the committee and signs decisions (P3.1, P3.2) ───────────────────
  g(TOWNSHIP_HEAD, 'read', 'Account', 'township', 'P3.2', 'The township head forms the committee from the staff of the own township.'),
  g(TOWNSHIP_HEAD, 'read', 'Household', 'township', 'P3.1', 'The township head signs decisions on the township\'s households.'),
  g(TOWNSHIP_HEAD, 'read', 'Person', 'township', 'P3.1', 'The township head signs decisions on the township\'s households.'),
  g(TOWNSHIP_HEAD, 'read', 'Case', 'township', 'P3.1', 'The township head signs decisions on the township\'s cases.'),
  g(TOWNSHIP_HEAD, 'read', 'CaseRecord', 'township', 'P3.1', 'The township head signs decisions on the township\'s cases.'),
  g(TOWNSHIP_HEAD, 'decide', 'Case', 'township', 'P3.1', 'Townships hold the delegated authority to approve or refuse assistance.'),

  // ── District civil affairs: supervises, never decides (P1, P4.3) ───────────────────────────
  g(DISTRICT_OFFICER, 'read', 'Account', 'district', 'P4.3', 'The district trains, guides and supervises the staff of its townships and villages.'),
  g(DISTRICT_OFFICER, 'explain', 'Account', 'district', 'P4.3', 'The district supervises what every account of the district may do.'),
  g(DISTRICT_OFFICER, 'read', 'Household', 'district', 'P4.3', 'The district spot-checks new households and investigates petitions.'),
  g(DISTRICT_OFFICER, 'read', 'Person', 'district', 'P4.3', 'The district spot-checks new households and investigates petitions.'),
  g(DISTRICT_OFFICER, 'read', 'Case', 'district', 'P4.3', 'The district supervises and spot-checks the cases of all its townships.'),
  g(DISTRICT_OFFICER, 'read', 'CaseRecord', 'district', 'P4.3', 'The district supervises and spot-checks the cases of all its townships.'),
  g(DISTRICT_OFFICER, 'read', 'AuditEntry', 'district', 'D§12', 'The district supervises through the audit log.'),
  g(DISTRICT_OFFICER, 'decide', 'Case', 'district', 'P1', 'Approval and supervision are separate: the district supervises and never approves or refuses a delegated township\'s case.',
    { inverted: true }),

  // ── Finance (P4.4): payees and amounts, not household detail ───────────────────────────────
  g(FINANCE_OFFICER, 'read', 'Household', 'district', 'P4.4', 'Finance pays the payee: it sees the name and bank account, not the household\'s situation.',
    { fields: PAYEE_FIELDS }),

  // ── Audit (P4.4): read-only funds, decisions and the audit log, plus its own findings ──────
  g(AUDITOR, 'read', 'Account', 'district', 'P4.4', 'Audit needs to know who acted on the funds and decisions it audits.'),
  g(AUDITOR, 'explain', 'Account', 'district', 'P4.4', 'Audit asks what each account may do, and why.'),
  g(AUDITOR, 'read', 'Case', 'district', 'P4.4', 'Audit reads the decisions behind every payment.'),
  g(AUDITOR, 'read', 'CaseRecord', 'district', 'P4.4', 'Audit reads who decided what, and when.'),
  g(AUDITOR, 'read', 'Household', 'district', 'P4.4', 'Audit checks payees against decisions, without personal detail.',
    { fields: nonPersonalFields('Household') }),
  g(AUDITOR, 'read', 'AuditEntry', 'district', 'P4.4', 'Audit reads the whole audit log of the district.'),

  // ── Poverty alleviation (P4.4): rural households with a member able to work ────────────────
  g(POVERTY_OFFICER, 'read', 'Household', 'district', 'P4.4', 'Poverty alleviation links development support with rural households able to work.',
    { fields: nonPersonalFields('Household'), when: { conditions: { residence: 'RURAL', hasMemberAbleToWork: true }, text: 'rural households with a member able to work' } }),

  // ── Department integrations (P4.3, P4.4) ───────────────────────────────────────────────────
  g(DEPARTMENT, 'read', 'ApiKey', 'self', 'P4.4', 'A department integration may list its own keys (never their secrets).'),

  // ── Administrator: accounts, places, keys; no case data (D§2) ──────────────────────────────
  g(ADMIN, 'read', 'Account', 'district', 'D§2', 'The administrator manages the accounts of the own district.'),
  g(ADMIN, 'create', 'Account', 'district', 'D§2', 'The administrator creates the accounts of the own district.'),
  g(ADMIN, 'update', 'Account', 'district', 'D§2', 'The administrator maintains the accounts of the own district.'),
  g(ADMIN, 'explain', 'Account', 'district', 'D§2', 'The administrator checks what the accounts of the district may do.'),
  g(ADMIN, 'create', 'Region', 'district', 'D§1', 'The administrator keeps the register of places of the own district.'),
  g(ADMIN, 'update', 'Region', 'district', 'D§1', 'The administrator keeps the register of places of the own district.'),
  g(ADMIN, 'read', 'ApiKey', 'district', 'P4.4', 'The administrator issues the keys department integrations use.'),
  g(ADMIN, 'create', 'ApiKey', 'district', 'P4.4', 'The administrator issues the keys department integrations use.'),
  g(ADMIN, 'revoke', 'ApiKey', 'district', 'P4.4', 'The administrator withdraws keys of department integrations.'),
  g(ADMIN, 'read', 'AuditEntry', 'self', 'D§12', 'The administrator sees the audit trail of the own actions.'),

  // ── The case workflow (D§3–§8) ─────────────────────────────────────────────────────────────
  ...forAllRoles((role) => g(role, 'read', 'Settings', 'district', 'D§3', 'Deadlines and standards of the district are known to all its staff.')),
  g(DISTRICT_OFFICER, 'update', 'Settings', 'district', 'P4.3', 'The district sets policy: deadlines, standards and limits left to it.'),

  g(VILLAGE_ASSISTANT, 'submit', 'Case', 'village', 'P4.1', 'The village accepts applications and supplies missing materials.'),
  g(TOWNSHIP_CASEWORKER, 'submit', 'Case', 'township', 'D§3', 'The township may also take an application itself.'),
  g(TOWNSHIP_CASEWORKER, 'accept', 'Case', 'township', 'D§3', 'The township accepts an application, lists missing materials once, or refuses it in writing.'),
  g(TOWNSHIP_CASEWORKER, 'investigate', 'Case', 'township', 'P4.2', 'The township investigates the household and prepares the case for review.'),
  g(TOWNSHIP_CASEWORKER, 'assess', 'Case', 'township', 'P4.2', 'The township does the income accounting and the self-care assessment.'),
  g(VILLAGE_ASSISTANT, 'assess', 'Case', 'village', 'P4.1', 'The village assists with income accounting.'),
  g(VILLAGE_ASSISTANT, 'appraise', 'Case', 'village', 'P4.1', 'The village runs the democratic appraisal when there is an objection or doubt.'),
  g(TOWNSHIP_CASEWORKER, 'appraise', 'Case', 'township', 'P4.2', 'The township runs the democratic appraisal when there is an objection or doubt.'),
  g(VILLAGE_ASSISTANT, 'notice', 'Case', 'village', 'P4.1', 'The village posts public notices and records objections to them.'),
  g(TOWNSHIP_CASEWORKER, 'notice', 'Case', 'township', 'P4.2', 'The township publishes notices and handles objections.'),
  g(COMMITTEE_MEMBER, 'vote', 'Case', 'township', 'P3.2', 'Committee members review the township\'s cases collectively and vote.'),
  g(TOWNSHIP_HEAD, 'review', 'Case', 'township', 'P3.2', 'The township head chairs the committee and concludes its review.'),
  g(VILLAGE_ASSISTANT, 'deliver', 'Case', 'village', 'P4.1', 'The village delivers the written decision and records it.'),
  g(TOWNSHIP_CASEWORKER, 'file', 'Case', 'township', 'P3.1', 'The township aggregates its approval results and files them with the district.'),
  g(TOWNSHIP_HEAD, 'pay', 'Case', 'township', 'D§6', 'In an emergency the township pays temporary assistance first.'),
  g(TOWNSHIP_CASEWORKER, 'pay', 'Case', 'township', 'D§6', 'The township records the payment of approved temporary assistance.'),
  g(DISTRICT_OFFICER, 'spotCheck', 'Case', 'district', 'P4.3', 'The district spot-checks new DIBAO and TEKUN households.'),
  g(DISTRICT_OFFICER, 'confirm', 'Case', 'district', 'D§6', 'Temporary assistance above the township limit is confirmed by the district.'),

  ...(Object.entries(KIN_BARRED) as [Role, Action[]][]).flatMap(([role, actions]) =>
    actions.map((action) => g(role, action, 'Case', ROLE_SCOPE[role]!, 'P6.3',
      'No favour cases: staff related to the applicant\'s household take no part in investigating, assessing, appraising, voting on, deciding or paying it.',
      { inverted: true, when: { conditions: { kinStaffIds: '$accountId' }, text: 'the holder declared a member of the household as close kin' } }))),
  g(COMMITTEE_MEMBER, 'vote', 'Case', 'township', 'D§4', 'A member who investigated the case recuses from the vote on it.',
    { inverted: true, when: { conditions: { investigatorIds: '$accountId' }, text: 'the holder investigated the case' } }),

  g(VILLAGE_ASSISTANT, 'read', 'Enrolment', 'village', 'P4.1', 'The village assists with the dynamic management of its recipients.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Enrolment', 'township', 'P4.2', 'The township keeps the recipient archives and manages them dynamically.'),
  g(TOWNSHIP_HEAD, 'read', 'Enrolment', 'township', 'P3.1', 'The township head answers for the township\'s recipients.'),
  g(DISTRICT_OFFICER, 'read', 'Enrolment', 'district', 'P4.3', 'The district requests funds for, and supervises, all recipients.'),
  g(FINANCE_OFFICER, 'read', 'Enrolment', 'district', 'P4.4', 'Finance allocates funds: it sees programmes, payees and amounts.'),
  g(AUDITOR, 'read', 'Enrolment', 'district', 'P4.4', 'Audit checks how assistance funds are used and paid.'),
  g(POVERTY_OFFICER, 'read', 'Enrolment', 'district', 'P4.4', 'Poverty alleviation links development support with rural DIBAO households able to work.',
    { when: { conditions: { programme: 'DIBAO', residence: 'RURAL', hasMemberAbleToWork: true }, text: 'rural DIBAO households with a member able to work' } }),

  g(ADMIN, 'read', 'Committee', 'district', 'D§2', 'The administrator keeps committee membership.'),
  g(ADMIN, 'create', 'Committee', 'district', 'D§2', 'The administrator records each township\'s joint review committee.'),
  g(ADMIN, 'update', 'Committee', 'district', 'D§2', 'The administrator keeps committee membership.'),
  ...[TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'Committee', 'township', 'P3.2', 'Township staff see their own township\'s committee.')),
  ...[DISTRICT_OFFICER, AUDITOR].map((role) => g(role, 'read', 'Committee', 'district', 'P3.3', 'The district supervises every township\'s committee.')),
  ...[TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'Meeting', 'township', 'P3.2', 'Township staff see their own committee\'s meetings.')),
  ...[DISTRICT_OFFICER, AUDITOR].map((role) => g(role, 'read', 'Meeting', 'district', 'P3.3', 'The district supervises every committee\'s meetings.')),
  g(TOWNSHIP_CASEWORKER, 'create', 'Meeting', 'township', 'P4.2', 'The township caseworker prepares the committee\'s agenda.'),
  g(TOWNSHIP_CASEWORKER, 'update', 'Meeting', 'township', 'P4.2', 'The township caseworker records the meeting\'s agenda and attendance.'),
  g(TOWNSHIP_HEAD, 'update', 'Meeting', 'township', 'P3.2', 'The chair records the meeting\'s attendance.'),

  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'VerificationRequest', 'township', 'P4.2', 'The township requests economic-status verification for its cases.')),
  g(DISTRICT_OFFICER, 'read', 'VerificationRequest', 'district', 'P4.3', 'The district approves verifications in the verification system.'),
  g(DISTRICT_OFFICER, 'verify', 'VerificationRequest', 'district', 'P4.3', 'The district approves verification requests and the combined report.'),
  g(AUDITOR, 'read', 'VerificationRequest', 'district', 'P4.4', 'Audit reads the grounds of decisions.'),
  g(DISTRICT_OFFICER, 'read', 'VerificationAnswer', 'district', 'P4.3', 'The district reads the departments\' answers to approve the report.'),
  g(DEPARTMENT, 'read', 'VerificationAnswer', 'department', 'P4.4', 'A department sees only the verification requests addressed to it.'),
  g(DEPARTMENT, 'answer', 'VerificationAnswer', 'department', 'P4.4', 'A department answers the verification requests addressed to it.'),

  ...[VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD].flatMap((role) => [
    g(role, 'create', 'KinDeclaration', 'self', 'P6.3', 'Staff declare their close relatives so that favour cases are caught.'),
    g(role, 'read', 'KinDeclaration', 'self', 'P6.3', 'Staff see their own kin declarations.'),
  ]),
  g(DISTRICT_OFFICER, 'read', 'KinDeclaration', 'district', 'P6.3', 'The district oversees kin-registered cases.'),

  // ── What audit and poverty alleviation add of their own (P4.4) ────────────────────────────
  g(AUDITOR, 'create', 'AuditFinding', 'district', 'P4.4', 'Audit records its findings on how assistance funds are used and paid.'),
  g(AUDITOR, 'read', 'AuditFinding', 'district', 'P4.4', 'Audit reads its findings.'),
  g(DISTRICT_OFFICER, 'read', 'AuditFinding', 'district', 'P4.3', 'The district acts on audit findings about its townships.'),
  g(POVERTY_OFFICER, 'create', 'DevelopmentLink', 'district', 'P4.4', 'Poverty alleviation links development policy with rural DIBAO households able to work.'),
  g(POVERTY_OFFICER, 'read', 'DevelopmentLink', 'district', 'P4.4', 'Poverty alleviation follows the support it linked.'),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'DevelopmentLink', 'township', 'P4.2', 'The township\'s dynamic management takes the support into account.')),
  g(DISTRICT_OFFICER, 'read', 'DevelopmentLink', 'district', 'P4.3', 'The district supervises how assistance links with other schemes (P2.4).'),
];
