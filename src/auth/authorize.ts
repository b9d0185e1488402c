import { subject as asSubject } from '@casl/ability';
import { refusalReason } from '../../permissions/ability';
import type { Action, SubjectName } from '../../permissions/policy';
import { DomainError, forbidden, unauthenticated } from '../errors';
import { Message, render } from '../i18n/message';
import type { Caller } from '../auth/caller';

interface ScopedRow {
  id?: string;
  districtCode?: string;
  townshipCode?: string | null;
  villageCode?: string | null;
}

/**
 * The in-memory check of a loaded (or about to be written) row against the caller's ability. A
 * refusal throws FORBIDDEN with the deciding policy row's reason and is written to the audit log.
 * Without a row it is the type-level check: does any rule of the caller allow `action` at all?
 */
export function assertCan(
  caller: Caller,
  action: Action,
  subjectType: SubjectName,
  row?: object,
  field?: string,
  attempt?: { operation: string; subjectId: string | null },
): void {
  if (!caller.actor) throw unauthenticated('auth.signInRequired');
  const target = row ? asSubject(subjectType, row) : subjectType;
  if (caller.ability.can(action, target, field)) return;
  throw refuse(caller, action, subjectType, row, refusalReason(caller.ability, action, target, field), {
    field,
    subjectId: attempt?.subjectId,
    details: attempt ? { operation: attempt.operation } : undefined,
  });
}

/**
 * A refusal decided by a rule outside the caller's own ability (a named investigator who is
 * barred, a voter who is not a member …): logged as a denied attempt like any other, then thrown.
 * The audit log keeps the reason in English, as it always has; the caller reads it in their language.
 */
export function refuse(
  caller: Caller,
  action: Action,
  subjectType: SubjectName,
  row: object | undefined,
  reason: Message,
  extra: { field?: string; subjectId?: string | null; details?: Record<string, unknown> } = {},
): DomainError {
  const scoped = (row ?? {}) as ScopedRow;
  caller.audit.queue({
    kind: 'DENIED',
    action,
    subjectType,
    subjectId: scoped.id ?? extra.subjectId ?? null,
    field: extra.field ?? null,
    districtCode: scoped.districtCode ?? caller.actor!.districtCode,
    townshipCode: scoped.townshipCode ?? null,
    villageCode: scoped.villageCode ?? null,
    reason: render(reason, 'en'),
    details: extra.details ?? null,
  });
  return forbidden(reason, { action, subject: subjectType });
}
