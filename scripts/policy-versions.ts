import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Grant } from '../permissions/policy';

/**
 * The policy table as it stands at a git ref (or, with `ref` null, in the working tree of `repo`):
 * the files of `permissions/` are taken from git, transpiled with the project's TypeScript into a
 * temporary directory and the table is required from there. The table module needs nothing but its
 * siblings (`permissions/` imports nothing from `src/`) and packages: the directory is made inside
 * this project's node_modules, so that an older version's imports of packages (early versions
 * registered GraphQL enums with type-graphql) resolve.
 */
export function policyAt(repo: string, ref: string | null): readonly Grant[] {
  const packages = path.dirname(path.dirname(require.resolve('typescript/package.json')));
  const dir = fs.mkdtempSync(path.join(packages, '.policy-'));
  try {
    const files = ref === null ? workingTreeFiles(repo) : refFiles(repo, ref);
    for (const [name, source] of files) {
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: name,
      });
      fs.writeFileSync(path.join(dir, name.replace(/\.ts$/, '.js')), outputText);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module written at run time
    const loaded = require(path.join(dir, 'policy.js')) as { POLICY: readonly Grant[] };
    return loaded.POLICY;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function workingTreeFiles(repo: string): [string, string][] {
  const dir = path.join(repo, 'permissions');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]);
}

function refFiles(repo: string, ref: string): [string, string][] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const commit = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).trim();
  return git('ls-tree', '--name-only', commit, 'permissions/')
    .split('\n')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [path.basename(file), git('show', `${commit}:${file}`)]);
}
