import type { WorkflowNeed } from '../../../permissions/invariants';
import { TRANSITIONS } from '../case/workflow';

/** What the case workflow needs of the policy: each step's action on the case. `permissions/` is a
 * leaf and does not import `src/`, so the invariant checker is given these by its callers. */
export const workflowNeeds = (): WorkflowNeed[] => TRANSITIONS.map((t) => ({ step: t.step, action: t.action, subject: 'Case' }));
