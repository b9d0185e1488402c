/** `npm run permissions:matrix`: writes docs/permission-matrix.md from the policy table and its invariants. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { renderPermissionMatrix } from '../permissions/matrix';
import { checkInvariants } from '../permissions/invariant-check';
import { workflowNeeds } from '../src/modules/policy/workflow-needs';

const file = path.join(__dirname, '..', '..', 'docs', 'permission-matrix.md');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, renderPermissionMatrix(checkInvariants({ workflow: workflowNeeds() })));
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
