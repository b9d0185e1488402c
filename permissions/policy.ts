import { Role } from './roles';
import { nonPersonalFields } from './subjects';

/** What an actor does to a subject. Lower-case verbs, one per kind of act the plan distinguishes. */
export type Action = 'read' | 'create' | 'update' | 'revoke' | 'decide' | 'explain';

/** Every kind of row the policy speaks about; each is also the entity class name. `Policy` is the
 * policy table itself, as read through the audit API. */
export type SubjectName =
  | 'Region' | 'Account' | 'ApiKey' | 'Household' | 'Person' | 'Case' | 'CaseEvent' | 'AuditEntry' | 'Policy';

/**
 * Which rows a grant reaches, relative to the region (or account) the role is held for.
 * `village`/`township`/`district`: rows whose scope column equals the holder's;
 * `department`: rows addressed to the holder's department within its district;
 * `self`: rows that are, or belong to, the holder's own account.
 */
export type Scope = 'village' | 'township' | 'district' | 'department' | 'self';

export interface Grant {
  role: Role;
  action: Action;
  subject: SubjectName;
  scope: Scope;
  /** Fields the grant covers; absent means every field, personal data included. */
  fields?: readonly string[];
  /** Extra equality conditions on top of the scope, with their meaning in words. */
  when?: { conditions: Record<string, unknown>; text: string };
  /** An explicit denial that overrides grants (separation of duties). */
  inverted?: boolean;
  /** Plan clause (`P4.1`) or DOMAIN.md section (`D§2`) the row implements. */
  clause: string;
  /** One line; also the message a refused caller sees. */
  reason: string;
}

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
  g(VILLAGE_ASSISTANT, 'create', 'Case', 'village', 'P4.1', 'The village accepts applications and reports households it finds in need.'),
  g(VILLAGE_ASSISTANT, 'read', 'Case', 'village', 'P4.1', 'The village follows the cases of its own village.'),
  g(VILLAGE_ASSISTANT, 'read', 'CaseEvent', 'village', 'P4.1', 'The village follows the cases of its own village.'),

  // ── Township / street: caseworker (P4.2) ───────────────────────────────────────────────────
  g(TOWNSHIP_CASEWORKER, 'read', 'Account', 'township', 'P4.2', 'Township caseworkers assign investigations to the staff of their own township.'),
  g(TOWNSHIP_CASEWORKER, 'create', 'Household', 'township', 'D§3', 'The township may also take an application itself.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Household', 'township', 'P4.2', 'The township investigates and keeps the archives of its own households.'),
  g(TOWNSHIP_CASEWORKER, 'update', 'Household', 'township', 'P4.2', 'The township corrects household data found in investigation.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Person', 'township', 'P4.2', 'The township investigates and keeps the archives of its own households.'),
  g(TOWNSHIP_CASEWORKER, 'create', 'Case', 'township', 'D§3', 'The township may also take an application itself.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Case', 'township', 'P4.2', 'The township handles the cases of its own township.'),
  g(TOWNSHIP_CASEWORKER, 'read', 'CaseEvent', 'township', 'P4.2', 'The township handles the cases of its own township.'),

  // ── Township: joint review committee member (P3.2) ─────────────────────────────────────────
  g(COMMITTEE_MEMBER, 'read', 'Household', 'township', 'P3.2', 'Committee members review the township\'s cases collectively; they see the situation, not identity numbers.',
    { fields: nonPersonalFields('Household') }),
  g(COMMITTEE_MEMBER, 'read', 'Person', 'township', 'P3.2', 'Committee members review the township\'s cases collectively; they see the situation, not identity numbers.',
    { fields: nonPersonalFields('Person') }),
  g(COMMITTEE_MEMBER, 'read', 'Case', 'township', 'P3.2', 'Committee members review the cases of their own township.'),
  g(COMMITTEE_MEMBER, 'read', 'CaseEvent', 'township', 'P3.2', 'Committee members review the cases of their own township.'),

  // ── Township head: chairs the committee and signs decisions (P3.1, P3.2) ───────────────────
  g(TOWNSHIP_HEAD, 'read', 'Account', 'township', 'P3.2', 'The township head forms the committee from the staff of the own township.'),
  g(TOWNSHIP_HEAD, 'read', 'Household', 'township', 'P3.1', 'The township head signs decisions on the township\'s households.'),
  g(TOWNSHIP_HEAD, 'read', 'Person', 'township', 'P3.1', 'The township head signs decisions on the township\'s households.'),
  g(TOWNSHIP_HEAD, 'read', 'Case', 'township', 'P3.1', 'The township head signs decisions on the township\'s cases.'),
  g(TOWNSHIP_HEAD, 'read', 'CaseEvent', 'township', 'P3.1', 'The township head signs decisions on the township\'s cases.'),
  g(TOWNSHIP_HEAD, 'decide', 'Case', 'township', 'P3.1', 'Townships hold the delegated authority to approve or refuse assistance.'),

  // ── District civil affairs: supervises, never decides (P1, P4.3) ───────────────────────────
  g(DISTRICT_OFFICER, 'read', 'Account', 'district', 'P4.3', 'The district trains, guides and supervises the staff of its townships and villages.'),
  g(DISTRICT_OFFICER, 'explain', 'Account', 'district', 'P4.3', 'The district supervises what every account of the district may do.'),
  g(DISTRICT_OFFICER, 'read', 'Household', 'district', 'P4.3', 'The district spot-checks new households and investigates petitions.'),
  g(DISTRICT_OFFICER, 'read', 'Person', 'district', 'P4.3', 'The district spot-checks new households and investigates petitions.'),
  g(DISTRICT_OFFICER, 'read', 'Case', 'district', 'P4.3', 'The district supervises and spot-checks the cases of all its townships.'),
  g(DISTRICT_OFFICER, 'read', 'CaseEvent', 'district', 'P4.3', 'The district supervises and spot-checks the cases of all its townships.'),
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
  g(AUDITOR, 'read', 'CaseEvent', 'district', 'P4.4', 'Audit reads who decided what, and when.'),
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
];
