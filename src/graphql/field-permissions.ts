import type { MiddlewareFn } from 'type-graphql';
import { subject as asSubject } from '@casl/ability';
import type { SubjectName } from '../../permissions/policy';
import { PERSONAL_FIELDS, SUBJECT_FIELDS } from '../../permissions/subjects';
import { maskBankAccount, maskIdNumber, maskPhone } from '../modules/household/id-number';
import type { RequestContext } from './context';

/** The masked form a caller without the field's grant sees; null where no form is safe. */
const MASKS: Record<string, (value: string) => string | null> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankAccount: maskBankAccount,
};

/**
 * Field-level permissions on every object type that has field-limited grants (Household, Person):
 * a field the caller's grants do not list comes back masked (personal data) or null (other detail),
 * and each unmasked read of personal data is queued for the audit log (D§12). Runs for nested
 * fields too, so no path around it exists.
 */
export const FieldPermissions: MiddlewareFn<RequestContext> = async ({ root, info, context }, next) => {
  const subjectType = info.parentType.name as SubjectName;
  const fields = SUBJECT_FIELDS[subjectType];
  if (!fields || !fields.includes(info.fieldName)) return next() as Promise<unknown>;
  const value: unknown = await next();
  const personal = PERSONAL_FIELDS[subjectType]!.includes(info.fieldName);
  const row = asSubject(subjectType, root as { id: string; districtCode: string; townshipCode: string; villageCode: string });
  if (context.caller.ability.can('read', row, info.fieldName)) {
    if (personal && value !== null && value !== undefined && context.caller.actor) {
      context.caller.audit.queueOnce({
        kind: 'READ_PERSONAL_DATA',
        action: 'read',
        subjectType,
        subjectId: row.id,
        field: info.fieldName,
        districtCode: row.districtCode,
        townshipCode: row.townshipCode,
        villageCode: row.villageCode,
      });
    }
    return value;
  }
  if (!personal || value === null || value === undefined) return null;
  // Only string fields (ID numbers, phones, accounts) are personal, so the value is their text.
  return MASKS[info.fieldName]?.(value as string) ?? null;
};
