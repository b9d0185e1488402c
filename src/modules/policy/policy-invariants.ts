import { CheckReport, checkInvariants } from '../../../permissions/invariant-check';
import { workflowNeeds } from './workflow-needs';

let report: CheckReport | undefined;

/** The invariant check of the table this process runs: the table is code, so one check answers every
 * request; the first asks for it, the rest reuse it. */
export function invariantReport(): CheckReport {
  report ??= checkInvariants({ workflow: workflowNeeds() });
  return report;
}
