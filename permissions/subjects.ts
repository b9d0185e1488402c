import type { Scope, SubjectName } from './vocabulary';

/**
 * For each subject, the property that carries each scope it can be limited by. A grant whose scope
 * a subject does not carry is a mistake in the policy and fails when the ability is built.
 */
export const SUBJECT_SCOPE_FIELDS: Record<SubjectName, Partial<Record<Scope, string>>> = {
  Region: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Account: { district: 'districtCode', township: 'townshipCode', village: 'villageCode', self: 'id' },
  ApiKey: { district: 'districtCode', self: 'accountId' },
  RoleGrant: { district: 'districtCode', township: 'townshipCode', self: 'accountId' },
  Household: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Person: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Case: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  CaseRecord: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  AuditEntry: { district: 'districtCode', self: 'actorId' },
  Policy: { district: 'districtCode' },
  Settings: { district: 'districtCode' },
  Committee: { district: 'districtCode', township: 'townshipCode' },
  Meeting: { district: 'districtCode', township: 'townshipCode' },
  VerificationRequest: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  VerificationAnswer: { district: 'districtCode', township: 'townshipCode', department: 'departmentCode' },
  KinDeclaration: { district: 'districtCode', self: 'accountId' },
  Enrolment: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  AuditFinding: { district: 'districtCode', township: 'townshipCode' },
  DevelopmentLink: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
};

export const SUBJECT_NAMES = Object.keys(SUBJECT_SCOPE_FIELDS) as SubjectName[];

/**
 * Personal data (D§12, P6.3): returned unmasked only to grants that list these fields; everyone
 * else gets the masked form, and every unmasked read is written to the audit log.
 */
export const PERSONAL_FIELDS: Partial<Record<SubjectName, readonly string[]>> = {
  Household: ['address', 'phone', 'bankAccount'],
  Person: ['idNumber', 'disabilityDetail', 'healthDetail'],
};

/** Every readable field of the subjects that have personal data, for field-limited grants. */
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
    'bankName',
    'createdAt',
    'address',
    'phone',
    'bankAccount',
  ],
  Person: [
    'id',
    'districtCode',
    'townshipCode',
    'villageCode',
    'householdId',
    'name',
    'relation',
    'labourCapacity',
    'disabled',
    'birthDate',
    'sex',
    'idNumber',
    'disabilityDetail',
    'healthDetail',
  ],
};

/** The fields of a subject that are not personal data. */
export function nonPersonalFields(subject: SubjectName): string[] {
  const personal = PERSONAL_FIELDS[subject] ?? [];
  return (SUBJECT_FIELDS[subject] ?? []).filter((field) => !personal.includes(field));
}
