/** `npm run permissions:matrix`: writes docs/permission-matrix.md from the policy table. */
import fs from 'node:fs';
import path from 'node:path';
import { renderPermissionMatrix } from '../permissions/matrix';

const file = path.join(__dirname, '..', '..', 'docs', 'permission-matrix.md');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, renderPermissionMatrix());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
