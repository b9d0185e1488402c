import type { Scope, SubjectName } from './policy';

/**
 * For each subject, the property that carries each scope it can be limited by. A grant whose scope
 * a subject does not carry is a mistake in the policy and fails when the ability is built.
 */
export const SUBJECT_SCOPE_FIELDS: Record<SubjectName, Partial<Record<Scope, string>>> = {
  Region: { district: 'districtCode', township: 'townshipCode', village: 'villageCode' },
  Account: { district: 'districtCode', township: 'townshipCode', village: 'villageCode', self: 'id' },
  ApiKey: { district: 'districtCode', self: 'accountId' },
};

export const SUBJECT_NAMES = Object.keys(SUBJECT_SCOPE_FIELDS) as SubjectName[];
