import type { Scope, SubjectName } from './vocabulary';

/**
 * For each subject, the property that carries each scope it can be limited by. A grant whose scope
 * a subject does not carry is a mistake in the policy and fails when the ability is built.
 */
export const SUBJECT_SCOPE_FIELDS: Record<SubjectName, Partial<Record<Scope, string>>> = {
  Region: { district: 'districtCode', township: 'townshipCode', village: 'villageCode', province: 'provinceCode' },
  Account: { district: 'districtCode', township: 'townshipCode', village: 'villageCode', self: 'id' },
  ApiKey: { district: 'districtCode', self: 'accountId' },
  RoleGrant: { district: 'districtCode', township: 'townshipCode', self: 'accountId' },
  Household: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  BankAccountChange: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Person: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Case: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  CaseRecord: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  AuditEntry: { district: 'districtCode', self: 'actorId' },
  Policy: { district: 'districtCode' },
  Settings: { district: 'districtCode' },
  // The verification departments and LINSHI cause categories a district uses (D§6, D§7).
  DistrictCatalogue: { district: 'districtCode' },
  Committee: { district: 'districtCode', township: 'townshipCode' },
  Meeting: { district: 'districtCode', township: 'townshipCode' },
  CommitteeVote: { district: 'districtCode', township: 'townshipCode' },
  VerificationRequest: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  VerificationAnswer: { district: 'districtCode', township: 'townshipCode', department: 'departmentCode' },
  KinDeclaration: { district: 'districtCode', self: 'accountId' },
  Enrolment: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  AuditFinding: { district: 'districtCode', township: 'townshipCode' },
  DevelopmentLink: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  // A draw and its pool are the district's own (P4.3): no township or village grant is meant to reach them.
  SpotCheckDraw: { district: 'districtCode' },
  Delegation: { district: 'districtCode', township: 'townshipCode' },
  EnrolmentReview: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  EnrolmentChange: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  ChangeReport: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Petition: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Roster: { district: 'districtCode', township: 'townshipCode' },
  RosterLine: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  FundRequest: { district: 'districtCode' },
  InstitutionPayee: { district: 'districtCode', township: 'townshipCode' },
  InstitutionAccountChange: { district: 'districtCode', township: 'townshipCode' },
  // A batch is addressed to one bank's integration account: that account alone of the departments sees it.
  PaymentBatch: { district: 'districtCode', township: 'townshipCode', self: 'bankIntegrationId' },
  Payment: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  WorkPlan: { district: 'districtCode', township: 'townshipCode' },
  // A line of a report per township: read off the township's own region row.
  StaffingReport: { district: 'districtCode', township: 'townshipCode' },
  Statistics: { district: 'districtCode', township: 'townshipCode' },
  // A proposal to create a district belongs to the province, not to the district it would create.
  DistrictProposal: { province: 'provinceCode' },
};

export const SUBJECT_NAMES = Object.keys(SUBJECT_SCOPE_FIELDS) as SubjectName[];

/**
 * Personal data (D§12, P6.3): returned unmasked only to grants that list these fields; everyone
 * else gets the masked form, and every unmasked read is written to the audit log.
 */
export const PERSONAL_FIELDS: Partial<Record<SubjectName, readonly string[]>> = {
  Household: ['address', 'phone', 'bankAccount'],
  Person: ['idNumber', 'disabilityDetail', 'healthDetail'],
  // Who petitioned is never disclosed to those complained about (D§12).
  Petition: ['residentName', 'residentContact'],
  RosterLine: ['idNumber', 'bankAccount'],
  Payment: ['bankAccount'],
  // The bank file holds every payee's account number in full.
  PaymentBatch: ['file'],
};

/**
 * Fields derived from a personal value, shown only to a caller who may read that value: the birth
 * date and sex are digits 7–14 and 17 of the ID number, so beside a masked number (first 4 and last
 * 4) they would give the rest of it away. A caller without the number sees the age in years.
 */
export const DERIVED_PERSONAL_FIELDS: Partial<Record<SubjectName, Readonly<Record<string, string>>>> = {
  Person: { birthDate: 'idNumber', sex: 'idNumber' },
};

/** What finance may see of an enrolment: programme, payee and amount, not the household's
 * circumstances (residence, ability to work, care level, review class) (P4.4, D§10). */
export const ENROLMENT_PAYEE_FIELDS = [
  'id',
  'districtCode',
  'townshipCode',
  'villageCode',
  'programme',
  'payeeName',
  'monthlyAmount',
  'startMonth',
  'status',
  'createdAt',
  'household',
];

/**
 * Every GraphQL field of the subjects that have field-limited grants. Each field is checked against
 * the caller's grants (a grant that lists fields hides every field it does not list); the start-up
 * check (src/graphql/field-classes.ts) refuses a schema whose fields differ from these lists.
 */
export const SUBJECT_FIELDS: Partial<Record<SubjectName, readonly string[]>> = {
  Household: [
    'id',
    'districtCode',
    'townshipCode',
    'villageCode',
    'residence',
    'headName',
    'memberCount',
    'hasMemberAbleToWork',
    'incomeStability',
    'bankName',
    'createdAt',
    'members',
    'cases',
    'address',
    'phone',
    'bankAccount',
  ],
  Person: [
    'id',
    'districtCode',
    'townshipCode',
    'villageCode',
    'household',
    'name',
    'relation',
    'labourCapacity',
    'disabled',
    'age',
    'birthDate',
    'sex',
    'idNumber',
    'disabilityDetail',
    'healthDetail',
  ],
  Enrolment: [
    ...ENROLMENT_PAYEE_FIELDS,
    'case',
    'residence',
    'hasMemberAbleToWork',
    'reviewClass',
    'reviewClassRule',
    'reviewClassReason',
    'nextReviewOn',
    'supportForm',
    'careLevel',
    'history',
    'reviews',
    'changeReports',
  ],
  Petition: [
    'id',
    'districtCode',
    'townshipCode',
    'villageCode',
    'kind',
    'channel',
    'status',
    'case',
    'citesNotice',
    'title',
    'content',
    'receivedAt',
    'answerDueAt',
    'overdue',
    'assignee',
    'findings',
    'answer',
    'answeredAt',
    'sharedWithTownship',
    'residentName',
    'residentContact',
  ],
  RosterLine: [
    'id',
    'districtCode',
    'townshipCode',
    'villageCode',
    'payee',
    'programme',
    'kind',
    'institution',
    'payeeName',
    'bankName',
    'amount',
    'createdAt',
    'idNumber',
    'bankAccount',
  ],
  Payment: [
    'id',
    'districtCode',
    'townshipCode',
    'villageCode',
    'month',
    'programme',
    'payeeName',
    'amount',
    'status',
    'failureReason',
    'createdAt',
    'bankAccount',
  ],
  PaymentBatch: [
    'id',
    'districtCode',
    'townshipCode',
    'month',
    'kind',
    'bankIntegration',
    'transferCount',
    'total',
    'dueOn',
    'createdAt',
    'file',
  ],
};

/** The fields of a subject that are neither personal data nor derived from it. */
export function nonPersonalFields(subject: SubjectName): string[] {
  const personal = [...(PERSONAL_FIELDS[subject] ?? []), ...Object.keys(DERIVED_PERSONAL_FIELDS[subject] ?? {})];
  return (SUBJECT_FIELDS[subject] ?? []).filter((field) => !personal.includes(field));
}
