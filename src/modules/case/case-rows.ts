import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { CaseEvent, type Case, type CaseStatus, type CaseStepRow } from './case.entity';

/** The columns a row about a case takes from it: its key, and the township and village that scope who reads the row. */
export const caseColumnsOf = (c: Case): Pick<CaseStepRow, 'districtCode' | 'caseId' | 'townshipCode' | 'villageCode'> => ({
  districtCode: c.districtCode,
  caseId: c.id,
  townshipCode: c.townshipCode,
  villageCode: c.villageCode,
});

/** A step record of a case (investigation, accounting, appraisal …) as the caller records it. */
export const recordOf = (c: Case, caller: Caller) => ({ ...caseColumnsOf(c), recordedById: caller.actor!.accountId });

/** The case event of the caller's act on a case, which has moved it from `from` to its status now. */
export async function insertCaseEvent(
  manager: EntityManager,
  caller: Caller,
  c: Case,
  event: { from: CaseStatus | null; action: string; note: string | null },
): Promise<void> {
  await manager.insert(CaseEvent, {
    ...caseColumnsOf(c),
    fromStatus: event.from,
    toStatus: c.status,
    action: event.action,
    actorId: caller.actor!.accountId,
    actorUsername: caller.actor!.username,
    note: event.note,
  });
}
