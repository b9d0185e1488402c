import crypto from 'node:crypto';
import { AUDIT_QUERIES } from '../src/http/audit-page';
import { codeOf, useTestApp } from './support/harness';
import { accountIdOf } from './support/workflow';

/**
 * Issue #16: the console at /audit is public HTML that loads nothing from elsewhere; its data comes
 * through the API under the caller's policy, so a village assistant gets refusals where the auditor
 * gets answers. (The browser test, `audit-console-browser.test.ts`, drives the page itself.)
 */
describe('/audit', () => {
  const t = useTestApp({ demo: true });

  it('is one page with its script allowed by hash, nothing loaded from another server', async () => {
    const response = await t.http().get('/audit');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    const html = response.text;
    const [, script] = /<script>([\s\S]*?)<\/script>/.exec(html)!;
    const hash = crypto.createHash('sha256').update(script).digest('base64');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    // No absolute URL anywhere in the page: every request it makes is to this server.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script src=|<link /);
  });

  it('answers the auditor every query the console sends', async () => {
    const token = await t.login('auditor');
    const caseId = (await t.gql(AUDIT_QUERIES.cases, { search: null }, token)).data!.cases.nodes[0].id;
    const hexiHead = await accountIdOf(t, 'hexi.head');
    const runs: [string, Record<string, unknown>][] = [
      ['me', {}],
      ['vocabulary', {}],
      ['matrix', {}],
      ['accounts', {}],
      ['cases', { search: null }],
      ['explain', { accountId: hexiHead, action: 'read', subjectType: 'Case', subjectId: caseId }],
      ['pendingSteps', { id: caseId }],
      ['whoCan', { action: 'read', subjectType: 'Case', subjectId: caseId }],
      ['regions', {}],
      ['delegations', {}],
      ['roleGrants', {}],
      ['denials', {}],
    ];
    for (const [name, variables] of runs) {
      const result = await t.gql(AUDIT_QUERIES[name as keyof typeof AUDIT_QUERIES], variables, token);
      expect([name, result.errors]).toEqual([name, undefined]);
    }
    const matrix = (await t.gql(AUDIT_QUERIES.matrix, {}, token)).data!.permissionMatrix as { clause: string; clauseText: string }[];
    expect(matrix.every((grant) => grant.clauseText)).toBe(true);
  });

  it("refuses a village assistant the console's data beyond its own account", async () => {
    const token = await t.login('va.101201');
    const hexiHead = await accountIdOf(t, 'hexi.head');
    const refused: [string, Record<string, unknown>][] = [
      ['denials', {}],
      ['delegations', {}],
      ['explain', { accountId: hexiHead, action: 'decide', subjectType: 'Case' }],
      ['viewAs', { input: { accountId: hexiHead } }],
    ];
    for (const [name, variables] of refused) {
      const result = await t.gql(AUDIT_QUERIES[name as keyof typeof AUDIT_QUERIES], variables, token);
      expect([
        name,
        result.data?.[Object.keys(result.data ?? {})[0]] ?? null,
        ['FORBIDDEN', 'NOT_FOUND'].includes(codeOf(result)!),
      ]).toEqual([name, null, true]);
    }
    // Who may do what is public policy (P2.2); who else the assistant may explain is only itself.
    const whoCan = await t.gql(AUDIT_QUERIES.whoCan, { action: 'read', subjectType: 'Case' }, token);
    expect(whoCan.data!.whoCan.map((entry: { account: { username: string } }) => entry.account.username)).toEqual(['va.101201']);
    const accounts = await t.gql(AUDIT_QUERIES.accounts, {}, token);
    expect(accounts.data!.accounts.nodes.map((a: { username: string }) => a.username)).toEqual(['va.101201']);
    const grants = await t.gql(AUDIT_QUERIES.roleGrants, {}, token);
    expect(new Set(grants.data!.roleGrants.nodes.map((g: { account: { username: string } }) => g.account.username))).toEqual(
      new Set(['va.101201']),
    );
  });
});
