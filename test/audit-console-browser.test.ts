import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import chromium from '@sparticuz/chromium';
import { Browser, chromium as playwright, Page, Route } from 'playwright-core';
import { AUDIT_QUERIES } from '../src/http/audit-page';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/harness';
import { accountIdOf } from './support/workflow';

/**
 * Issue #16: the audit console in a real (headless) Chromium. It signs in as the demo auditor, opens
 * each view, checks what the view shows against the API, keeps a screenshot of each in `docs/`, and
 * checks that the page asks nothing of any server but this one. The browser comes inside the
 * @sparticuz/chromium package: nothing is downloaded.
 */

jest.setTimeout(240_000);

/** The package's flags, minus those that would weaken what the test checks (the page's CSP, its
 * origin), plus no traffic of the browser's own. */
const WEAKENING = new Set(['--disable-web-security', '--allow-running-insecure-content']);
const args = [
  ...chromium.args.filter((arg) => !WEAKENING.has(arg)),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const DOCS = path.join(__dirname, '..', 'docs');

describe('the audit console in Chromium', () => {
  let t: TestApp;
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let auditorToken: string;
  const requests: string[] = [];
  const problems: string[] = [];

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await t.gql(query, variables, auditorToken, { 'accept-language': 'en' });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const open = async (view: string) => {
    await page.click(`#tab-${view}`);
    await page.waitForSelector(`#view[data-view="${view}"][data-ready="true"]`, { timeout: 60_000 });
  };
  // The pictures in docs/ are refreshed on request (UPDATE_SCREENSHOTS=1), so that a test run leaves the tree as it was.
  const shoot = (name: string) =>
    page.screenshot({ path: process.env.UPDATE_SCREENSHOTS ? path.join(DOCS, `audit-console-${name}.png`) : undefined, fullPage: false });

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    server = t.app.express.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    auditorToken = await t.login('auditor');
    // A refused attempt for the Denials view to show.
    await t.gql('{ auditLog(first: 1) { totalCount } }', {}, await t.login('va.101201'));
    browser = await playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true, timeout: 120_000 });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  it('signs in as the demo auditor, in Chinese first, and switches to English', async () => {
    await page.goto(`${origin}/audit`);
    await page.waitForSelector('#view[data-ready="true"]');
    expect(await page.textContent('#title')).toBe('权限审计台');
    expect(await page.textContent('#view')).toContain('请先登录');
    await page.fill('#username', 'auditor');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#signin-button');
    await page.waitForSelector('#matrix-table');
    expect(await page.textContent('#tab-matrix')).toBe('权限矩阵');
    expect(await page.textContent('#who')).toContain('auditor');
    // The screenshots are in English: this machine's browser has no Chinese font.
    await page.click('#lang-en');
    await page.waitForSelector('#view[data-view="matrix"][data-ready="true"] #matrix-table');
    expect(await page.textContent('#tab-matrix')).toBe('Matrix');
  });

  it('Matrix: every grant of the table, filtered by role, with the clause text on hover', async () => {
    const grants = (await api(AUDIT_QUERIES.matrix)).permissionMatrix as {
      role: string;
      clause: string;
      clauseTitle: string;
      clauseText: string;
      effect: string;
    }[];
    expect(Number(await page.getAttribute('#matrix-count', 'data-count'))).toBe(grants.length);
    await page.selectOption('#filter-role', 'AUDITOR');
    await page.waitForSelector('#view[data-ready="true"] tr[data-role="AUDITOR"]');
    const auditors = grants.filter((g) => g.role === 'AUDITOR');
    expect(await page.locator('#matrix-table .grant').count()).toBe(auditors.length);
    expect(await page.locator('#matrix-table .grant[data-effect="DENY"]').count()).toBe(auditors.filter((g) => g.effect === 'DENY').length);
    const p44 = auditors.find((g) => g.clause === 'P4.4')!;
    const hover = await page.locator('#matrix-table .clause[data-clause="P4.4"]').first().getAttribute('title');
    expect(hover).toContain(p44.clauseText);
    await shoot('matrix');
    await page.selectOption('#filter-clause', 'D§14');
    await page.waitForSelector('#view[data-ready="true"] #matrix-table');
    expect(await page.locator('#matrix-table .grant').count()).toBe(auditors.filter((g) => g.clause === 'D§14').length);
  });

  it('Explain: the deciding rule for an account, an action and a row, as the API gives it', async () => {
    await open('explain');
    const officer = await accountIdOf(t, 'district.officer');
    const caseId = (await api(AUDIT_QUERIES.cases, { search: null })).cases.nodes[0].id as string;
    await page.selectOption('#explain-account', officer);
    await page.selectOption('#explain-action', 'read');
    await page.fill('#explain-search', '');
    await page.click('#explain-find');
    await page.click(`#explain-search-results .pick >> nth=0`);
    expect(await page.inputValue('#explain-row')).toBe(caseId);
    await page.click('#explain-run');
    await page.waitForSelector('#explain-result .badge');
    const expected = (await api(AUDIT_QUERIES.explain, { accountId: officer, action: 'read', subjectType: 'Case', subjectId: caseId }))
      .explainPermission;
    expect(await page.getAttribute('#explain-result .badge', 'data-allowed')).toBe(String(expected.allowed));
    expect(await page.textContent('#explain-message')).toBe(expected.message);
    expect(await page.getAttribute('#explain-result .grant', 'data-clause')).toBe(expected.decidingGrant.clause);
    await shoot('explain');
  });

  it('Who can: for a case, every account that may take each next step, and the rule', async () => {
    await open('whoCan');
    const cases = (await api(AUDIT_QUERIES.cases, { search: null })).cases.nodes as { id: string }[];
    let chosen: { id: string; pendingSteps: { step: string; accounts: { username: string }[] }[] } | undefined;
    for (const c of cases) {
      const found = (await api(AUDIT_QUERIES.pendingSteps, { id: c.id })).case;
      if (found.pendingSteps.some((s: { accounts: unknown[] }) => s.accounts.length > 0)) {
        chosen = found;
        break;
      }
    }
    expect(chosen).toBeDefined();
    await page.click(`#whocan-cases .pick[data-case="${chosen!.id}"]`);
    await page.waitForSelector(`#whocan-table[data-case="${chosen!.id}"]`);
    for (const step of chosen!.pendingSteps) {
      const shown = await page
        .locator(`#whocan-table tr[data-step="${step.step}"][data-account]`)
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-account')));
      expect([step.step, [...shown].sort()]).toEqual([step.step, step.accounts.map((a) => a.username).sort()]);
    }
    await shoot('who-can');
  });

  it('Timelines: every delegation per township and every role grant per account, with proposer and confirmer', async () => {
    await open('timelines');
    const delegations = (await api(AUDIT_QUERIES.delegations)).delegations.nodes as unknown[];
    const grants = (await api(AUDIT_QUERIES.roleGrants)).roleGrants.nodes as { account: { username: string } }[];
    expect(await page.locator('#timeline-delegations li[data-delegation]').count()).toBe(delegations.length);
    expect(await page.locator('#timeline-grants li[data-grant]').count()).toBe(grants.length);
    const accounts = new Set(grants.map((g) => g.account.username));
    expect(await page.locator('#timeline-grants .card[data-account]').count()).toBe(accounts.size);
    expect(await page.textContent('#timeline-grants')).toContain('proposed by');
    await shoot('timelines');
  });

  it("Denials: the district's refused attempts, grouped by account and reason", async () => {
    await open('denials');
    const log = (await api(AUDIT_QUERIES.denials)).auditLog as { totalCount: number; nodes: { actorUsername: string | null }[] };
    expect(Number(await page.getAttribute('#denials-total', 'data-count'))).toBe(log.totalCount);
    const assistant = log.nodes.filter((n) => n.actorUsername === 'va.101201').length;
    expect(assistant).toBeGreaterThan(0);
    const counts = await page
      .locator('#denials-table tr[data-account="va.101201"]')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(assistant);
    await shoot('denials');
  });

  it('View as: a banner, the API as the assistant sees it, and back', async () => {
    await open('explain');
    await page.selectOption('#explain-account', await accountIdOf(t, 'va.101201'));
    await page.click('#view-as');
    await page.waitForSelector('#banner.on');
    expect(await page.textContent('#banner-text')).toContain('va.101201');
    await open('denials');
    expect(await page.getAttribute('#view .error', 'data-code')).toBe('FORBIDDEN');
    await shoot('view-as');
    // Ending the view re-renders the tab while the next click renders it again (the API slowed down so
    // that the two overlap): the overtaken render must add nothing to the page once both have answered.
    const slow = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    };
    await page.route('**/graphql', slow);
    try {
      await page.click('#end-view');
      await open('denials');
      await page.waitForSelector('#banner.on', { state: 'detached' });
      await page.waitForLoadState('networkidle');
    } finally {
      await page.unroute('**/graphql', slow);
    }
    expect(await page.locator('#denials-table').count()).toBe(1);
  });

  it('asked nothing of any other server, and no script error or refused resource occurred', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(problems.filter((p) => !/status of 40[13]/.test(p))).toEqual([]);
  });
});
