import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POLICY } from '../permissions/policy';
import type { Grant } from '../permissions/policy';
import { diffPolicies, renderPolicyDiff } from '../permissions/policy-diff';
import { Role } from '../permissions/roles';
import { policyAt } from '../scripts/policy-versions';

/** Issue #16: `npm run permissions:diff` tells a reviewer, in words, what a change to the table grants or takes away. */
describe('permissions:diff', () => {
  const isAssistantCaseRead = (g: Grant) => g.role === Role.VILLAGE_ASSISTANT && g.action === 'read' && g.subject === 'Case';

  it('finds no change between the table and itself', () => {
    expect(diffPolicies(POLICY, [...POLICY])).toEqual([]);
    expect(renderPolicyDiff([], 'HEAD', 'the working tree')).toBe('No change to the policy table between HEAD and the working tree.');
  });

  it('reports a widened scope, a dropped condition, an added and a removed grant, and a widened denial as narrowing', () => {
    const conditioned = POLICY.find((g) => g.when && !g.inverted)!;
    const denial = POLICY.find((g) => g.inverted && g.scope === 'self')!;
    const removed = POLICY.find((g) => g.role === Role.AUDITOR && g.action === 'verify')!;
    const edited = POLICY.filter((g) => g !== removed).map((g) => {
      if (isAssistantCaseRead(g)) return { ...g, scope: 'township' as const };
      if (g === conditioned) return { ...g, when: undefined };
      if (g === denial) return { ...g, scope: 'district' as const };
      return g;
    });
    edited.push({ ...removed, action: 'create', subject: 'Delegation' });
    const changes = diffPolicies(POLICY, edited);
    expect(changes).toContainEqual({
      kind: 'widened',
      text: 'VILLAGE_ASSISTANT may read Case in own township (P4.1): scope own village → own township',
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'widened', text: expect.stringContaining(`condition dropped: ${conditioned.when!.text.en}`) }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'narrowed', text: expect.stringContaining('scope own account → own district') }),
    );
    expect(changes).toContainEqual({ kind: 'removed', text: 'AUDITOR may verify AuditEntry in own district (P4.4)' });
    expect(changes).toContainEqual({ kind: 'added', text: 'AUDITOR may create Delegation in own district (P4.4)' });
    expect(changes).toHaveLength(5);
  });

  it('compares the table at a git ref with the working tree: a test change to one grant is reported', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-repo-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
      fs.cpSync(path.join(__dirname, '..', 'permissions'), path.join(repo, 'permissions'), { recursive: true });
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'the table as it is');
      const file = path.join(repo, 'permissions', 'policy.ts');
      const source = fs.readFileSync(file, 'utf8');
      const line = "g(VILLAGE_ASSISTANT, 'read', 'Case', 'village'";
      expect(source.split(line)).toHaveLength(2);
      fs.writeFileSync(file, source.replace(line, "g(VILLAGE_ASSISTANT, 'read', 'Case', 'district'"));
      const before = policyAt(repo, 'HEAD');
      expect(before).toHaveLength(POLICY.length);
      const text = renderPolicyDiff(diffPolicies(before, policyAt(repo, null)), 'HEAD', 'the working tree');
      expect(text).toBe(
        [
          'Policy table changes from HEAD to the working tree: 1',
          '',
          'Widened (1):',
          '  - VILLAGE_ASSISTANT may read Case in own district (P4.1): scope own village → own district',
        ].join('\n'),
      );
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
