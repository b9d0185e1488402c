/** `npm run permissions:check`: proves the policy invariants over every combination of roles (issue #17);
 * exits non-zero when one is violated, printing the smallest combination and the rows that produce it. */
import 'reflect-metadata';
import { checkInvariants, passes, renderReport } from '../permissions/invariant-check';
import { workflowNeeds } from '../src/modules/policy/workflow-needs';

const report = checkInvariants({ workflow: workflowNeeds() });
console.log(renderReport(report, process.argv.includes('--zh') ? 'zh' : 'en'));
if (!passes(report)) process.exitCode = 1;
