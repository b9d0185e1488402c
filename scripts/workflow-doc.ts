/** `npm run workflow:doc`: writes docs/workflow.md from the transition table. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { renderWorkflow } from '../src/modules/case/workflow-doc';

const file = path.join(__dirname, '..', '..', 'docs', 'workflow.md');
fs.writeFileSync(file, renderWorkflow());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
