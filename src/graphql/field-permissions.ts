import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { subject as asSubject } from '@casl/ability';
import type { AppAbility } from '../../permissions/ability';
import type { SubjectName } from '../../permissions/policy';
import { DERIVED_PERSONAL_FIELDS, PERSONAL_FIELDS, SUBJECT_FIELDS } from '../../permissions/subjects';
import { maskBankAccount, maskIdNumber, maskPhone } from '../modules/household/id-number';
import type { RequestContext } from './context';
import type { Caller } from '../auth/caller';

/** The masked form a caller without the field's grant sees; null where no form is safe. */
const MASKS: Record<string, (value: string) => string | null> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankAccount: maskBankAccount,
};

interface ScopedRow {
  id: string;
  districtCode: string;
  townshipCode: string;
  villageCode: string;
}

/**
 * Whether an ability lets its caller read `field` of any `subjectType` row, when that does not
 * depend on the row: when none of the rules deciding it has conditions, the first of them decides
 * (CASL's own order), whatever the row. Undefined when a condition decides, row by row. Kept per
 * ability (one per request and caller), so a page of fifty households asks the policy once per
 * field rather than once per row and field.
 */
const decidedPerType = new WeakMap<AppAbility, Map<string, boolean | undefined>>();

function canReadEveryRow(ability: AppAbility, subjectType: SubjectName, field: string): boolean | undefined {
  let decided = decidedPerType.get(ability);
  if (!decided) {
    decided = new Map();
    decidedPerType.set(ability, decided);
  }
  const key = `${subjectType}.${field}`;
  if (decided.has(key)) return decided.get(key);
  const rules = ability.rulesFor('read', subjectType, field);
  const answer = rules.every((rule) => !rule.conditions) ? rules.length > 0 && !rules[0].inverted : undefined;
  decided.set(key, answer);
  return answer;
}

function canRead(ability: AppAbility, subjectType: SubjectName, row: ScopedRow, field: string): boolean {
  return canReadEveryRow(ability, subjectType, field) ?? ability.can('read', asSubject(subjectType, row), field);
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** `then` for a value that may or may not be a promise: plain fields stay synchronous. */
const andThen = (value: unknown, next: (resolved: unknown) => unknown): unknown => (isThenable(value) ? value.then(next) : next(value));

/** Queues the audit note of an unmasked read of a personal field (D§12). */
function auditRead(caller: Caller, subjectType: SubjectName, row: ScopedRow, field: string): void {
  if (!caller.actor) return;
  caller.audit.queueOnce({
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

/**
 * A field of a row as the caller may see it outside GraphQL (a file export): under the same rules
 * as the schema's field guard below, a field the grant does not list is null, a personal one masked
 * unless listed, and each unmasked personal value read is queued for the audit log. Derived
 * personal fields are not exported.
 */
export function visibleValue(caller: Caller, subjectType: SubjectName, row: ScopedRow, field: string, value: string | null): string | null {
  const personal = PERSONAL_FIELDS[subjectType]?.includes(field) ?? false;
  if (!canRead(caller.ability, subjectType, row, field)) return personal && value !== null ? (MASKS[field]?.(value) ?? null) : null;
  if (personal && value !== null) auditRead(caller, subjectType, row, field);
  return value;
}

/** The resolver of `field` of `subjectType` behind its field-level permission check. */
function guarded(subjectType: SubjectName, field: string, resolve: GraphQLFieldResolver<unknown, RequestContext>) {
  const source = DERIVED_PERSONAL_FIELDS[subjectType]?.[field];
  const personal = PERSONAL_FIELDS[subjectType]?.includes(field) ?? false;
  const mask = MASKS[field];
  const guard: GraphQLFieldResolver<unknown, RequestContext> = (root, args, context, info) => {
    const row = root as ScopedRow;
    const { ability } = context.caller;
    if (source !== undefined) {
      return canRead(ability, subjectType, row, field) && canRead(ability, subjectType, row, source)
        ? resolve(root, args, context, info)
        : null;
    }
    if (!canRead(ability, subjectType, row, field)) {
      if (!personal) return null;
      // Only string fields (ID numbers, phones, accounts) are personal, so the value is their text.
      return andThen(resolve(root, args, context, info), (value) =>
        value === null || value === undefined ? null : (mask?.(value as string) ?? null),
      );
    }
    if (!personal) return resolve(root, args, context, info);
    return andThen(resolve(root, args, context, info), (value) => {
      if (value !== null && value !== undefined) auditRead(context.caller, subjectType, row, field);
      return value;
    });
  };
  return guard;
}

/**
 * Field-level permissions on every object type that has field-limited grants (Household, Person,
 * Enrolment): each of its fields is checked, so a grant that lists fields hides every field it does
 * not list (fail closed). A personal field comes back masked (or null where no form is safe), and
 * each unmasked read is queued for the audit log (D§12); a field derived from a personal value is
 * null unless that value may be read too. Every resolver of those types is wrapped, nested fields
 * included, so no path around it exists; `assertEveryFieldClassified` keeps the field lists equal
 * to the schema. Other types' fields are left as they are: their queries and field resolvers ask
 * the policy themselves, and wrapping them (as a global middleware did) made every plain field of
 * every type asynchronous.
 */
export function applyFieldPermissions(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !SUBJECT_FIELDS[type.name as SubjectName]) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = guarded(
        type.name as SubjectName,
        field.name,
        (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>,
      );
    }
  }
  return schema;
}
