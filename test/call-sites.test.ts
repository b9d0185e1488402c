/**
 * Feature modules read rows only through a builder scoped by the caller's ability, or through the
 * named, audited system(reason) bypass (issue 8 §1). This test and `npm run lint` apply the same
 * definition, eslint.data-access.json, through the same engine, so they report the same call sites.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import dataAccess from '../eslint.data-access.json';

/**
 * Raw call sites per file that predate the scoped data-access factory. The refactor of issue 8 §1
 * lowers each count as it replaces them and removes an entry at zero; nothing is ever added here.
 */

const root = path.join(__dirname, '..');
const linter = new Linter({ cwd: root });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-syntax': ['error', ...dataAccess.syntax],
      'no-restricted-imports': ['error', { paths: dataAccess.imports }],
    },
  },
];

interface CallSite {
  line: number;
  message: string;
  code: string;
}

/** The raw data-access call sites of one file, by the shared definition. */
function rawAccessIn(file: string, source = fs.readFileSync(path.join(root, file), 'utf8')): CallSite[] {
  const lines = source.split('\n');
  return linter.verify(source, config, path.join(root, file)).map((m) => {
    // A file the parser cannot read would otherwise count as clean.
    if (m.fatal) throw new Error(`${file}:${m.line}: ${m.message}`);
    return { line: m.line, message: m.message, code: lines[m.line - 1].trim() };
  });
}

/** Files whose helpers work in a guarded transaction's manager, with exactly how many raw sites each has. */
const ALLOWED_SITES: Record<string, number> = Object.fromEntries(
  (dataAccess.allowed as { file: string; sites: number }[]).map((entry) => [entry.file, entry.sites]),
);
const moduleFiles = (fs.readdirSync(path.join(root, dataAccess.directory), { recursive: true }) as string[])
  .filter((name) => name.endsWith('.ts'))
  .map((name) => path.posix.join(dataAccess.directory, name.split(path.sep).join('/')))
  .sort();
const sitesByFile = new Map(moduleFiles.map((file) => [file, rawAccessIn(file)]));

const describeSites = (file: string, sites: CallSite[]) => sites.map((s) => `${file}:${s.line}  ${s.code}\n    ${s.message}`).join('\n');

describe('data access in feature modules (issue 8 §1)', () => {
  it('no module reads through a raw repository, manager or SQL text, but for the counted sites of the allowed files', () => {
    const over = [...sitesByFile]
      .filter(([file, sites]) => sites.length > (ALLOWED_SITES[file] ?? 0))
      .map(
        ([file, sites]) => `${file}: ${sites.length} raw call sites, ${ALLOWED_SITES[file] ?? 0} allowed\n${describeSites(file, sites)}`,
      );
    expect(over.join('\n\n')).toBe('');
  });

  it('each allowed count is exactly what its file has, so an allowance can only shrink', () => {
    const stale = Object.entries(ALLOWED_SITES)
      .filter(([file, allowed]) => (sitesByFile.get(file)?.length ?? 0) !== allowed)
      .map(([file, allowed]) => `${file}: allowed ${allowed}, has ${sitesByFile.get(file)?.length ?? 0}`);
    expect(stale).toEqual([]);
  });

  it('every permanently allowed file exists and says why', () => {
    for (const entry of dataAccess.allowed as { file: string; reason: string }[]) {
      expect([entry.file, fs.existsSync(path.join(root, entry.file)), entry.reason.trim().length > 0]).toEqual([entry.file, true, true]);
    }
  });

  it.each([
    ["this.dataSource.getRepository(Case).createQueryBuilder('c');", 1],
    ["manager.createQueryBuilder(Case, 'c');", 1],
    ['qb.subQuery();', 1],
    ['manager.findOneBy(Household, { districtCode, id });', 1],
    ['run.manager.findBy(Person, { householdId });', 1],
    ["this.dataSource.query('SELECT 1');", 1],
    ['this.stateOf(this.dataSource.manager, committee);', 1],
    ["qb.andWhere('EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id)');", 1],
    ['qb.andWhere(`h.head_name ILIKE :s OR EXISTS (SELECT 1 FROM persons p WHERE p.name ILIKE :s)`, { s });', 1],
    ["import { Repository } from 'typeorm';", 1],
    ['members.find((m) => m.relation === Relation.HEAD);', 0],
    ['manager.save(locked);', 0],
    ['manager.insert(CaseEvent, event);', 0],
    ["qb.andWhere('c.status = :status', { status });", 0],
    ['this.dataSource.transaction(async (manager) => manager.save(row));', 0],
    ["import { EntityManager, In } from 'typeorm';", 0],
    // the two sanctioned routes, and the manager of a change the policy already allowed
    ["this.data.scoped(caller, 'read', 'Case', Case, 'c').andWhere('c.id = :id', { id });", 0],
    ["this.data.system('write the audit log').getRepository(AuditEntry).insert(rows);", 0],
    ["this.writes.guardedChange(caller, CASE, key, 'update', async ({ manager }) => manager.findBy(Person, { householdId }));", 0],
    ["this.data.system('x').transaction(async (manager) => manager.getRepository(Case).createQueryBuilder('c').getMany());", 0],
  ])('counts `%s` as %i raw call site(s)', (code, expected) => {
    expect(rawAccessIn('src/modules/example/example.service.ts', code)).toHaveLength(expected);
  });
});
