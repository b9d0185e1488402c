import type { MiddlewareFn } from 'type-graphql';
import { subject as asSubject } from '@casl/ability';
import type { SubjectName } from '../../permissions/policy';
import { DERIVED_PERSONAL_FIELDS, PERSONAL_FIELDS, SUBJECT_FIELDS } from '../../permissions/subjects';
import { maskBankAccount, maskIdNumber, maskPhone } from '../modules/household/id-number';
import type { RequestContext } from './context';

/** The masked form a caller without the field's grant sees; null where no form is safe. */
const MASKS: Record<string, (value: string) => string | null> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankAccount: maskBankAccount,
};

/**
 * Field-level permissions on every object type that has field-limited grants (Household, Person,
 * Enrolment): each of its fields is checked, so a grant that lists fields hides every field it does
 * not list (fail closed). A personal field comes back masked (or null where no form is safe), and
 * each unmasked read is queued for the audit log (D§12); a field derived from a personal value is
 * null unless that value may be read too. Runs for nested fields too, so no path around it exists;
 * `assertEveryFieldClassified` keeps the field lists equal to the schema.
 */
export const FieldPermissions: MiddlewareFn<RequestContext> = async ({ root, info, context }, next) => {
  const subjectType = info.parentType.name as SubjectName;
  if (!SUBJECT_FIELDS[subjectType]) return next() as Promise<unknown>;
  const field = info.fieldName;
  const row = asSubject(subjectType, root as { id: string; districtCode: string; townshipCode: string; villageCode: string });
  const { ability } = context.caller;
  const source = DERIVED_PERSONAL_FIELDS[subjectType]?.[field];
  if (source !== undefined)
    return ability.can('read', row, field) && ability.can('read', row, source) ? (next() as Promise<unknown>) : null;
  const personal = PERSONAL_FIELDS[subjectType]?.includes(field) ?? false;
  if (!ability.can('read', row, field)) {
    if (!personal) return null;
    const value: unknown = await next();
    // Only string fields (ID numbers, phones, accounts) are personal, so the value is their text.
    return value === null || value === undefined ? null : (MASKS[field]?.(value as string) ?? null);
  }
  const value: unknown = await next();
  if (personal && value !== null && value !== undefined && context.caller.actor) {
    context.caller.audit.queueOnce({
      kind: 'READ_PERSONAL_DATA',
      action: 'read',
      subjectType,
      subjectId: row.id,
      field,
      districtCode: row.districtCode,
      townshipCode: row.townshipCode,
      villageCode: row.villageCode,
    });
  }
  return value;
};
