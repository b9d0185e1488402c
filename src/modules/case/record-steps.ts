import type { Action } from '../../../permissions/policy';
import { Case, CaseStatus, Programme } from './case.entity';

const { SUBMITTED, ACCEPTED, INVESTIGATING, PUBLIC_NOTICE, OBJECTION_RAISED, EMERGENCY_PAID, CORRECTION_ORDERED } = CaseStatus;

/** A step that records something on a case without moving it: the action it needs, and the states
 * and programmes of the case it is taken in. */
export interface RecordStep {
  name: string;
  action: Action;
  statuses: readonly CaseStatus[];
  programmes?: readonly Programme[];
}

/** States in which the household may be (re-)investigated and its income accounted. */
export const INVESTIGATION_STATES = [INVESTIGATING, OBJECTION_RAISED, EMERGENCY_PAID, CORRECTION_ORDERED] as const;

/** States of a LINSHI case before its decision or emergency payment, when new grounds are recorded and confirmed (D§6). */
export const NEW_GROUNDS_STATES = [SUBMITTED, ACCEPTED, INVESTIGATING, PUBLIC_NOTICE, OBJECTION_RAISED] as const;

/*
 * The recording steps that `Case.pendingSteps` offers under the same definition the service takes
 * them by, so that the two cannot drift apart.
 */
export const RECORD_INCOME_ACCOUNTING: RecordStep = {
  name: 'recordIncomeAccounting',
  action: 'assess',
  statuses: INVESTIGATION_STATES,
  programmes: [Programme.DIBAO, Programme.TEKUN],
};
export const ADOPT_INCOME_ACCOUNTING: RecordStep = {
  name: 'adoptIncomeAccounting',
  action: 'adopt',
  statuses: INVESTIGATION_STATES,
  programmes: [Programme.DIBAO, Programme.TEKUN],
};
export const RECORD_NEW_GROUNDS: RecordStep = {
  name: 'recordNewGrounds',
  action: 'investigate',
  statuses: NEW_GROUNDS_STATES,
  programmes: [Programme.LINSHI],
};
export const CONFIRM_NEW_GROUNDS: RecordStep = {
  name: 'confirmNewGrounds',
  action: 'investigate',
  statuses: NEW_GROUNDS_STATES,
  programmes: [Programme.LINSHI],
};

/** Whether the case's state and programme allow the step. */
export function takenIn(step: Pick<RecordStep, 'statuses' | 'programmes'>, c: Pick<Case, 'status' | 'programme'>): boolean {
  return step.statuses.includes(c.status) && (!step.programmes || step.programmes.includes(c.programme));
}
