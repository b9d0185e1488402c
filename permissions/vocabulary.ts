/**
 * The words the policy is written in: actions, subjects, scopes, and the shape of the messages it
 * gives (a refusal's reason, an explanation). They live apart from the table so that every file of
 * `permissions/` can use them without importing each other in a circle, and so that `permissions/`
 * needs nothing from `src/`: the API renders these messages from its catalogue, whose keys the
 * compiler checks where a policy message enters it.
 */

/** A text in both languages the API speaks. */
export interface Localized {
  zh: string;
  en: string;
}

/** What an actor does to a subject. Lower-case verbs, one per kind of act the plan distinguishes. */
export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'revoke'
  | 'explain'
  // the case workflow (D§3–§7): one verb per kind of step the plan assigns to a tier
  | 'submit'
  | 'accept'
  | 'investigate'
  | 'assess'
  // the township makes an income accounting the authoritative one, a village draft included (D§8)
  | 'adopt'
  | 'appraise'
  | 'notice'
  | 'vote'
  | 'review'
  // dynamic management (D§9): the township moves a recipient to another review class, with a reason
  | 'reclassify'
  | 'decide'
  | 'deliver'
  | 'file'
  | 'spotCheck'
  // supervision of decisions against the authority of their date (D§13)
  | 'supervise'
  | 'pay'
  | 'confirm'
  | 'verify'
  | 'answer'
  // petitions (D§12): the district hands one to an officer, and shares it with the township concerned
  | 'assign'
  | 'share'
  // the audit console (issue #16): look at the API as another account of the district sees it, read-only
  | 'viewAs'
  // the second province operator turns down a district proposal (D§14)
  | 'reject';

/** Every kind of row the policy speaks about; each is also the entity class name. `Policy` is the
 * policy table itself, as read through the audit API. */
export type SubjectName =
  | 'Region'
  | 'Account'
  | 'ApiKey'
  | 'RoleGrant'
  | 'Household'
  | 'BankAccountChange'
  | 'Person'
  | 'Case'
  | 'CaseRecord'
  | 'AuditEntry'
  | 'Policy'
  | 'Settings'
  | 'DistrictCatalogue'
  | 'Committee'
  | 'Meeting'
  | 'CommitteeVote'
  | 'VerificationRequest'
  | 'VerificationAnswer'
  | 'KinDeclaration'
  | 'Enrolment'
  | 'AuditFinding'
  | 'DevelopmentLink'
  | 'SpotCheckDraw'
  | 'Delegation'
  | 'EnrolmentReview'
  | 'EnrolmentChange'
  | 'ChangeReport'
  | 'Petition'
  | 'Roster'
  | 'RosterLine'
  | 'FundRequest'
  | 'InstitutionPayee'
  | 'InstitutionAccountChange'
  | 'PaymentBatch'
  | 'Payment'
  | 'WorkPlan'
  | 'StaffingReport'
  | 'Statistics'
  | 'DistrictProposal';

/**
 * Which rows a grant reaches, relative to the region (or account) the role is held for.
 * `village`/`township`/`district`: rows whose scope column equals the holder's;
 * `department`: rows addressed to the holder's department within its district;
 * `self`: rows that are, or belong to, the holder's own account;
 * `province`: rows of the holder's province (the first two digits of the code), for the province
 * tier only, which belongs to no district.
 */
export type Scope = 'village' | 'township' | 'district' | 'department' | 'self' | 'province';

/** The messages the policy itself gives; each key has its Chinese and English text in the API's catalogue. */
export type PolicyMessageKey =
  | 'permission.denied.rule'
  | 'permission.denied.noGrant'
  | 'permission.denied.outOfScope'
  | 'permission.explain.conditionFailed'
  | 'permission.explain.whenFailed'
  | 'permission.explain.fieldNotGranted'
  | 'permission.explain.allowed'
  | 'permission.explain.refused'
  | 'permission.explain.conditionsFail'
  | 'permission.explain.noGrant';

export type PolicyParamValue = string | number | Localized | readonly (string | Localized)[];

/** A message by key with the values it interpolates, and the clause it cites. */
export interface PolicyMessage {
  key: PolicyMessageKey;
  params: Readonly<Record<string, PolicyParamValue>>;
  clause?: string;
}

export const policyMessage = (key: PolicyMessageKey, params: Record<string, PolicyParamValue> = {}): PolicyMessage => ({ key, params });
