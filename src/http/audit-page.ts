/**
 * The permission audit console (issue #16), served by the API itself like GraphiQL: one page, its
 * script and styles inline, nothing from a CDN or any other server. The page is public HTML; every
 * datum in it comes from the GraphQL API under the signed-in account's policy, so an account without
 * an `explain` grant over the district sees refusals, not data.
 */

/** The operations the console sends, by name; the tests run the same texts. */
export const AUDIT_QUERIES = {
  me: 'query ConsoleMe { me { id username displayName roles { role regionCode } } }',
  vocabulary:
    'query ConsoleVocabulary { actions: __type(name: "PermissionAction") { enumValues { name description } } subjects: __type(name: "PermissionSubject") { enumValues { name description } } roles: __type(name: "Role") { enumValues { name description } } }',
  matrix:
    'query ConsoleMatrix { permissionMatrix { role action subject scope fields condition effect clause clauseTitle clauseText reason } }',
  accounts:
    'query ConsoleAccounts($after: String) { accounts(first: 100, after: $after) { nodes { id username displayName roles { role regionCode } } pageInfo { hasNextPage endCursor } } }',
  cases:
    'query ConsoleCases($search: String) { cases(first: 20, filter: { search: $search }) { nodes { id applicantName programme status villageCode } } }',
  explain:
    'query ConsoleExplain($accountId: ID, $action: PermissionAction!, $subjectType: PermissionSubject!, $subjectId: ID, $field: String) { explainPermission(accountId: $accountId, action: $action, subjectType: $subjectType, subjectId: $subjectId, field: $field) { allowed username message heldFor failedConditions decidingGrant { role action subject scope fields condition effect clause clauseTitle clauseText reason } } }',
  pendingSteps:
    'query ConsolePendingSteps($id: ID!) { case(id: $id) { id applicantName programme status pendingSteps { step actions subjectType roles unmet accounts { id username } } } }',
  whoCan:
    'query ConsoleWhoCan($action: PermissionAction!, $subjectType: PermissionSubject!, $subjectId: ID) { whoCan(action: $action, subjectType: $subjectType, subjectId: $subjectId) { heldFor account { id username displayName } grant { role action subject scope condition effect clause clauseTitle clauseText reason } } }',
  regions: 'query ConsoleRegions { regions(level: TOWNSHIP) { code name } }',
  delegations:
    'query ConsoleDelegations($after: String) { delegations(first: 100, after: $after) { nodes { id townshipCode programme kind effectiveFrom effectiveUntil documentReference createdAt } pageInfo { hasNextPage endCursor } } }',
  roleGrants:
    'query ConsoleRoleGrants($after: String) { roleGrants(first: 100, after: $after) { nodes { id role regionCode proposedAs effectiveFrom effectiveUntil revokedFrom confirmedAt createdAt account { id username displayName } proposedBy { username } confirmedBy { username } revokedBy { username } } pageInfo { hasNextPage endCursor } } }',
  denials:
    'query ConsoleDenials($after: String) { auditLog(first: 100, after: $after, filter: { kind: DENIED }) { totalCount nodes { at actorUsername action subjectType reason details } pageInfo { hasNextPage endCursor } } }',
  viewAs:
    'mutation ConsoleViewAs($input: ViewAsInput!) { viewAs(input: $input) { token expiresAt account { username } viewer { username } } }',
  login:
    'mutation ConsoleLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token account { username roles { role regionCode } } } }',
} as const;

const STYLE = `
  :root { --line: #d1d5db; --muted: #6b7280; --allow: #065f46; --allow-bg: #ecfdf5; --deny: #991b1b; --deny-bg: #fef2f2; --accent: #1d4ed8; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 14px; color: #111827; background: #f9fafb; }
  header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 16px; background: #1f2937; color: #f9fafb; }
  header h1 { font-size: 16px; margin: 0 12px 0 0; }
  header form, header .who { display: flex; gap: 6px; align-items: center; }
  header input { padding: 3px 6px; }
  header .spacer { flex: 1; }
  header a { color: #bfdbfe; }
  button { cursor: pointer; padding: 3px 10px; }
  button.active { background: var(--accent); color: #fff; border-color: var(--accent); }
  #banner { display: none; padding: 8px 16px; background: #fef3c7; border-bottom: 2px solid #d97706; }
  #banner.on { display: flex; gap: 12px; align-items: center; }
  nav { display: flex; gap: 4px; padding: 8px 16px 0; border-bottom: 1px solid var(--line); background: #fff; }
  nav button { border: 1px solid var(--line); border-bottom: none; background: #f3f4f6; padding: 6px 14px; }
  nav button.active { background: #fff; color: var(--accent); font-weight: 600; border-color: var(--line); }
  main { padding: 12px 16px; }
  .filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
  .error { color: var(--deny); margin: 8px 0; }
  .muted { color: var(--muted); }
  table { border-collapse: collapse; background: #fff; }
  th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
  th { background: #f3f4f6; position: sticky; top: 0; }
  .grant { border-radius: 4px; padding: 2px 4px; margin: 2px 0; white-space: nowrap; }
  .grant.allow { background: var(--allow-bg); color: var(--allow); }
  .grant.deny { background: var(--deny-bg); color: var(--deny); }
  .grant .cond, .grant .fields { display: block; white-space: normal; max-width: 260px; font-size: 12px; color: #374151; }
  .clause { display: inline-block; margin-left: 4px; padding: 0 4px; border: 1px solid currentColor; border-radius: 3px; font-size: 11px; cursor: help; }
  .badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-weight: 600; }
  .badge.allow { background: var(--allow-bg); color: var(--allow); }
  .badge.deny { background: var(--deny-bg); color: var(--deny); }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 8px 0; }
  .pick { display: block; text-align: left; width: 100%; margin: 2px 0; }
  .columns { display: flex; gap: 16px; align-items: flex-start; }
  .columns > div { flex: 1; min-width: 0; }
  .timeline { list-style: none; padding-left: 0; margin: 4px 0; }
  .timeline li { border-left: 3px solid var(--accent); padding: 2px 8px; margin: 4px 0; }
  .timeline li.ended { border-left-color: var(--muted); color: var(--muted); }
`;

const SCRIPT = `
const Q = __QUERIES__;
const KEY = { token: 'delegated-assistance.token', who: 'delegated-assistance.who', own: 'delegated-assistance.own-token',
  ownWho: 'delegated-assistance.own-who', view: 'delegated-assistance.view-as', lang: 'delegated-assistance.lang' };
// The console's own words, each in both languages; a missing one shows its key.
const T = {
  title: { zh: '权限审计台', en: 'Permission audit console' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  anonymous: { zh: '未登录', en: 'anonymous' },
  matrix: { zh: '权限矩阵', en: 'Matrix' },
  explain: { zh: '权限说明', en: 'Explain' },
  whoCan: { zh: '谁有权限', en: 'Who can' },
  timelines: { zh: '时间线', en: 'Timelines' },
  denials: { zh: '拒绝记录', en: 'Denials' },
  role: { zh: '角色', en: 'Role' },
  subject: { zh: '对象', en: 'Subject' },
  clause: { zh: '条款', en: 'Clause' },
  all: { zh: '全部', en: 'all' },
  action: { zh: '操作', en: 'Action' },
  account: { zh: '账号', en: 'Account' },
  row: { zh: '对象标识', en: 'Row id' },
  field: { zh: '字段（可选）', en: 'Field (optional)' },
  search: { zh: '搜索（户主姓名）', en: 'Search (household head)' },
  run: { zh: '说明', en: 'Explain' },
  allowed: { zh: '允许', en: 'allowed' },
  refused: { zh: '不允许', en: 'refused' },
  deny: { zh: '禁止', en: 'deny' },
  fields: { zh: '字段', en: 'fields' },
  decidingRule: { zh: '决定规则', en: 'Deciding rule' },
  heldFor: { zh: '授权区划', en: 'Held for' },
  failed: { zh: '未满足条件', en: 'Failed conditions' },
  noRule: { zh: '无适用规则（默认拒绝）', en: 'No rule applies (deny by default)' },
  pickCase: { zh: '选择案件', en: 'Pick a case' },
  step: { zh: '环节', en: 'Step' },
  unmet: { zh: '未满足', en: 'Unmet' },
  accounts: { zh: '有权账号', en: 'Accounts allowed' },
  rule: { zh: '依据规则', en: 'Rule' },
  nobody: { zh: '暂无有权账号', en: 'Nobody may take it yet' },
  delegations: { zh: '各乡镇委托记录', en: 'Delegations per township' },
  roleGrants: { zh: '各账号角色授予', en: 'Role grants per account' },
  proposedBy: { zh: '提议人', en: 'proposed by' },
  confirmedBy: { zh: '确认人', en: 'confirmed by' },
  revokedBy: { zh: '撤销人', en: 'revoked by' },
  seed: { zh: '初始数据', en: 'seed' },
  from: { zh: '自', en: 'from' },
  until: { zh: '至', en: 'until' },
  pending: { zh: '待确认', en: 'awaiting confirmation' },
  grant: { zh: '委托', en: 'delegation' },
  revocation: { zh: '撤销委托', en: 'revocation' },
  byAccount: { zh: '按账号和理由分组', en: 'Grouped by account and reason' },
  count: { zh: '次数', en: 'count' },
  latest: { zh: '最近', en: 'latest' },
  actions: { zh: '操作', en: 'actions' },
  reason: { zh: '理由', en: 'reason' },
  total: { zh: '条拒绝记录', en: 'denied attempts' },
  viewAs: { zh: '以此账号视角查看', en: 'View as this account' },
  viewing: { zh: '正在以 {viewed} 的视角查看（只读，所有修改都会被拒绝），查看人 {viewer}，至 {until} 结束。', en: 'Viewing the API as {viewed} (read-only: every change is refused), looked at by {viewer}, until {until}.' },
  endView: { zh: '结束查看', en: 'End view' },
  openGraphiql: { zh: '在 GraphiQL 中打开', en: 'Open in GraphiQL' },
  signInFirst: { zh: '请先登录。', en: 'Sign in first.' },
  loading: { zh: '加载中…', en: 'Loading…' },
  grants: { zh: '条规则', en: 'rules' },
  none: { zh: '无', en: 'none' },
  find: { zh: '搜索', en: 'Search' },
};
let lang = localStorage.getItem(KEY.lang) || 'zh';
let view = 'matrix';
const cache = {};
const $ = (id) => document.getElementById(id);
const t = (key, params) => ((T[key] && T[key][lang]) || key).replace(/\\{(\\w+)\\}/g, (_, name) => (params && name in params ? params[name] : ''));
function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of [].concat(children || [])) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function viewSession() {
  const stored = localStorage.getItem(KEY.view);
  if (!stored) return null;
  const session = JSON.parse(stored);
  if (new Date(session.expiresAt).getTime() <= Date.now()) { endView(); return null; }
  return session;
}
function endView() {
  if (localStorage.getItem(KEY.own) !== null) {
    localStorage.setItem(KEY.token, localStorage.getItem(KEY.own));
    localStorage.setItem(KEY.who, localStorage.getItem(KEY.ownWho) || '');
  }
  localStorage.removeItem(KEY.own);
  localStorage.removeItem(KEY.ownWho);
  localStorage.removeItem(KEY.view);
}

async function gql(query, variables) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'accept-language': lang };
  const token = localStorage.getItem(KEY.token);
  if (token) headers.authorization = 'Bearer ' + token;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables: variables || {} }) });
  return response.json();
}
/** Data of an operation, or an error naming the API's own message (a refusal included). */
async function data(query, variables) {
  const result = await gql(query, variables);
  if (result.errors && result.errors.length) {
    const error = new Error(result.errors.map((e) => e.message).join(' '));
    error.code = result.errors[0].extensions && result.errors[0].extensions.code;
    throw error;
  }
  return result.data;
}
/** Every page of a connection. */
async function all(query, path, variables) {
  const nodes = [];
  let after = null;
  for (let page = 0; page < 50; page++) {
    const connection = (await data(query, Object.assign({}, variables, { after })))[path];
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return nodes;
}
async function once(name, load) {
  const key = lang + ':' + name;
  if (!(key in cache)) cache[key] = await load();
  return cache[key];
}
const vocabulary = () => once('vocabulary', () => data(Q.vocabulary));
const accounts = () => once('accounts', () => all(Q.accounts, 'accounts'));

function clauseBadge(grant) {
  const hover = [grant.clause + (grant.clauseTitle ? ' ' + grant.clauseTitle : ''), grant.clauseText, grant.reason].filter(Boolean).join('\\n');
  return el('span', { class: 'clause', title: hover, 'data-clause': grant.clause, text: grant.clause });
}
function grantBox(grant, withRole) {
  const deny = grant.effect === 'DENY';
  return el('div', { class: 'grant ' + (deny ? 'deny' : 'allow'), 'data-effect': grant.effect, 'data-clause': grant.clause, title: grant.reason }, [
    (deny ? '✕ ' + t('deny') + ' · ' : '') + (withRole ? grant.role + ' · ' + grant.action + ' ' + grant.subject + ' · ' : '') + grant.scope,
    clauseBadge(grant),
    grant.condition ? el('span', { class: 'cond', text: '⟂ ' + grant.condition }) : null,
    grant.fields ? el('span', { class: 'fields', text: t('fields') + ': ' + grant.fields.join(', ') }) : null,
  ]);
}
function select(id, options, value, onchange) {
  return el('select', { id, onchange }, options.map(([v, label]) => el('option', { value: v, selected: v === value, text: label })));
}
function fail(target, error) {
  target.append(el('div', { class: 'error', 'data-code': error.code || '', text: error.message }));
}

// ── Matrix ────────────────────────────────────────────────────────────────────────────
const matrixFilter = { role: '', subject: '', clause: '' };
async function renderMatrix(root) {
  const grants = await once('matrix', async () => (await data(Q.matrix)).permissionMatrix);
  const distinct = (key) => [...new Set(grants.map((g) => g[key]))];
  const clauses = distinct('clause').sort();
  const rerender = () => { root.replaceChildren(); renderMatrix(root); };
  root.append(el('div', { class: 'filters' }, [
    t('role'), select('filter-role', [['', t('all')]].concat(distinct('role').map((r) => [r, r])), matrixFilter.role, (e) => { matrixFilter.role = e.target.value; rerender(); }),
    t('subject'), select('filter-subject', [['', t('all')]].concat(distinct('subject').sort().map((s) => [s, s])), matrixFilter.subject, (e) => { matrixFilter.subject = e.target.value; rerender(); }),
    t('clause'), select('filter-clause', [['', t('all')]].concat(clauses.map((c) => [c, c])), matrixFilter.clause, (e) => { matrixFilter.clause = e.target.value; rerender(); }),
  ]));
  const shown = grants.filter((g) => (!matrixFilter.role || g.role === matrixFilter.role) && (!matrixFilter.subject || g.subject === matrixFilter.subject) && (!matrixFilter.clause || g.clause === matrixFilter.clause));
  root.append(el('p', { class: 'muted', id: 'matrix-count', 'data-count': String(shown.length), text: shown.length + ' ' + t('grants') }));
  const actions = [...new Set(shown.map((g) => g.action))];
  const rows = new Map();
  for (const g of shown) {
    const key = g.role + '|' + g.subject;
    if (!rows.has(key)) rows.set(key, { role: g.role, subject: g.subject, cells: {} });
    (rows.get(key).cells[g.action] = rows.get(key).cells[g.action] || []).push(g);
  }
  root.append(el('table', { id: 'matrix-table' }, [
    el('thead', {}, el('tr', {}, [el('th', { text: t('role') }), el('th', { text: t('subject') })].concat(actions.map((a) => el('th', { text: a }))))),
    el('tbody', {}, [...rows.values()].map((row) => el('tr', { 'data-role': row.role, 'data-subject': row.subject },
      [el('td', { text: row.role }), el('td', { text: row.subject })].concat(actions.map((a) => el('td', { 'data-action': a }, (row.cells[a] || []).map((g) => grantBox(g, false)))))))),
  ]));
}

// ── Explain ───────────────────────────────────────────────────────────────────────────
const explainForm = { accountId: '', action: 'decide', subjectType: 'Case', subjectId: '', field: '', search: '' };
async function renderExplain(root) {
  const [vocab, people] = await Promise.all([vocabulary(), accounts()]);
  if (!explainForm.accountId && people.length) explainForm.accountId = people[0].id;
  const found = el('div', { id: 'explain-search-results' });
  const result = el('div', { id: 'explain-result' });
  const set = (key) => (e) => { explainForm[key] = e.target.value; };
  root.append(el('div', { class: 'filters' }, [
    t('account'), select('explain-account', people.map((a) => [a.id, a.username + ' · ' + a.displayName]), explainForm.accountId, set('accountId')),
    t('action'), select('explain-action', vocab.actions.enumValues.map((v) => [v.name, v.name]), explainForm.action, set('action')),
    t('subject'), select('explain-subject', vocab.subjects.enumValues.map((v) => [v.name, v.name]), explainForm.subjectType, set('subjectType')),
  ]));
  root.append(el('div', { class: 'filters' }, [
    t('row'), el('input', { id: 'explain-row', size: 44, value: explainForm.subjectId, oninput: set('subjectId') }),
    t('field'), el('input', { id: 'explain-field', size: 14, value: explainForm.field, oninput: set('field') }),
    el('button', { id: 'explain-run', text: t('run'), onclick: () => runExplain(result) }),
    el('button', { id: 'view-as', text: t('viewAs'), onclick: () => startView(explainForm.accountId, result) }),
  ]));
  const search = el('input', { id: 'explain-search', placeholder: t('search'), value: explainForm.search });
  root.append(el('div', { class: 'filters' }, [search, el('button', { id: 'explain-find', text: t('find'), onclick: async () => {
    explainForm.search = search.value;
    found.replaceChildren();
    try {
      const cases = (await data(Q.cases, { search: search.value || null })).cases.nodes;
      for (const c of cases) found.append(el('button', { class: 'pick', text: c.applicantName + ' · ' + c.programme + ' · ' + c.status, onclick: () => {
        explainForm.subjectType = 'Case'; explainForm.subjectId = c.id; $('explain-subject').value = 'Case'; $('explain-row').value = c.id;
      } }));
    } catch (error) { fail(found, error); }
  } })]));
  root.append(found, result);
}
async function runExplain(result) {
  result.replaceChildren();
  try {
    const e = (await data(Q.explain, { accountId: explainForm.accountId, action: explainForm.action, subjectType: explainForm.subjectType,
      subjectId: explainForm.subjectId || null, field: explainForm.field || null })).explainPermission;
    result.append(el('div', { class: 'card' }, [
      el('span', { class: 'badge ' + (e.allowed ? 'allow' : 'deny'), 'data-allowed': String(e.allowed), text: e.allowed ? t('allowed') : t('refused') }),
      ' ', el('strong', { text: e.username }), ' ', el('span', { id: 'explain-message', text: e.message }),
      el('h4', { text: t('decidingRule') }), e.decidingGrant ? grantBox(e.decidingGrant, true) : el('p', { class: 'muted', text: t('noRule') }),
      e.heldFor ? el('p', { text: t('heldFor') + ': ' + e.heldFor }) : null,
      e.failedConditions.length ? el('div', {}, [el('h4', { text: t('failed') }), el('ul', {}, e.failedConditions.map((f) => el('li', { text: f })))]) : null,
    ]));
  } catch (error) { fail(result, error); }
}

// ── Who can ───────────────────────────────────────────────────────────────────────────
let whoCanCase = '';
async function renderWhoCan(root) {
  const picker = el('div', { class: 'card', id: 'whocan-cases' }, [el('h4', { text: t('pickCase') })]);
  const result = el('div', { id: 'whocan-result' });
  const search = el('input', { id: 'whocan-search', placeholder: t('search') });
  const list = async () => {
    picker.querySelectorAll('.pick, .error').forEach((n) => n.remove());
    try {
      for (const c of (await data(Q.cases, { search: search.value || null })).cases.nodes) {
        picker.append(el('button', { class: 'pick', 'data-case': c.id, text: c.applicantName + ' · ' + c.programme + ' · ' + c.status, onclick: () => { whoCanCase = c.id; showWhoCan(result); } }));
      }
    } catch (error) { fail(picker, error); }
  };
  root.append(el('div', { class: 'filters' }, [search, el('button', { id: 'whocan-find', text: t('find'), onclick: list })]), el('div', { class: 'columns' }, [picker, result]));
  await list();
  if (whoCanCase) await showWhoCan(result);
}
async function showWhoCan(result) {
  result.replaceChildren(el('p', { class: 'muted', text: t('loading') }));
  try {
    const c = (await data(Q.pendingSteps, { id: whoCanCase })).case;
    const table = el('table', { id: 'whocan-table', 'data-case': c.id }, el('tr', {}, [t('step'), t('unmet'), t('accounts'), t('rule')].map((h) => el('th', { text: h }))));
    for (const step of c.pendingSteps) {
      const allowed = new Set(step.accounts.map((a) => a.id));
      const entries = [];
      for (const action of step.actions) {
        try {
          const who = (await data(Q.whoCan, { action, subjectType: step.subjectType, subjectId: step.subjectType === 'Case' ? c.id : null })).whoCan;
          entries.push(...who.filter((w) => allowed.has(w.account.id) && !entries.some((e) => e.account.id === w.account.id)));
        } catch (error) {
          // The rule may depend on data the caller may not read (who declared kin): the accounts, without the rule.
          for (const a of step.accounts) if (!entries.some((e) => e.account.id === a.id)) entries.push({ account: a, heldFor: '', refusal: error });
        }
      }
      const first = [el('td', { rowspan: Math.max(entries.length, 1), text: step.step + ' (' + step.actions.join(', ') + ')' }),
        el('td', { rowspan: Math.max(entries.length, 1), text: step.unmet.join(lang === 'zh' ? '；' : '; ') || '—' })];
      if (!entries.length) table.append(el('tr', { 'data-step': step.step }, first.concat([el('td', { colspan: 2, class: 'muted', text: t('nobody') })])));
      entries.forEach((w, i) => table.append(el('tr', { 'data-step': step.step, 'data-account': w.account.username },
        (i === 0 ? first : []).concat([el('td', { text: w.account.username + (w.heldFor ? ' @' + w.heldFor : '') }),
          el('td', {}, w.grant ? grantBox(w.grant, true) : el('span', { class: 'error', 'data-code': w.refusal.code || '', text: w.refusal.message }))]))));
    }
    result.replaceChildren(el('h4', { text: c.applicantName + ' · ' + c.programme + ' · ' + c.status }), table);
  } catch (error) { result.replaceChildren(); fail(result, error); }
}

// ── Timelines ─────────────────────────────────────────────────────────────────────────
async function renderTimelines(root) {
  const left = el('div', { id: 'timeline-delegations' }, el('h3', { text: t('delegations') }));
  const right = el('div', { id: 'timeline-grants' }, el('h3', { text: t('roleGrants') }));
  root.append(el('div', { class: 'columns' }, [left, right]));
  try {
    const [regions, delegations] = await Promise.all([data(Q.regions), all(Q.delegations, 'delegations')]);
    const names = new Map(regions.regions.map((r) => [r.code, r.name]));
    const byTownship = new Map();
    for (const d of delegations) (byTownship.get(d.townshipCode) || byTownship.set(d.townshipCode, []).get(d.townshipCode)).push(d);
    for (const [code, records] of [...byTownship.entries()].sort()) {
      records.sort((a, b) => (a.effectiveFrom + a.createdAt).localeCompare(b.effectiveFrom + b.createdAt));
      left.append(el('div', { class: 'card', 'data-township': code }, [el('strong', { text: (names.get(code) || '') + ' ' + code }),
        el('ul', { class: 'timeline' }, records.map((d) => el('li', { class: d.effectiveUntil ? 'ended' : '', 'data-delegation': d.id },
          d.effectiveFrom + ' · ' + d.programme + ' · ' + (d.kind === 'REVOCATION' ? t('revocation') : t('grant')) + (d.effectiveUntil ? ' → ' + d.effectiveUntil : '') + ' · ' + d.documentReference)))]));
    }
    if (!delegations.length) left.append(el('p', { class: 'muted', text: t('none') }));
  } catch (error) { fail(left, error); }
  try {
    const grants = await all(Q.roleGrants, 'roleGrants');
    const byAccount = new Map();
    for (const g of grants) {
      const who = g.account ? g.account.username : '?';
      (byAccount.get(who) || byAccount.set(who, []).get(who)).push(g);
    }
    for (const [who, records] of [...byAccount.entries()].sort()) {
      records.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      right.append(el('div', { class: 'card', 'data-account': who }, [el('strong', { text: who }),
        el('ul', { class: 'timeline' }, records.map((g) => el('li', { class: g.revokedFrom ? 'ended' : '', 'data-grant': g.id },
          g.effectiveFrom.slice(0, 10) + ' · ' + g.role + ' @' + g.regionCode + ' · ' + t('proposedBy') + ' ' + (g.proposedBy ? g.proposedBy.username : g.proposedAs || t('seed')) +
          ' · ' + (g.confirmedAt ? t('confirmedBy') + ' ' + (g.confirmedBy ? g.confirmedBy.username : t('seed')) : t('pending')) +
          (g.revokedFrom ? ' · ' + t('revokedBy') + ' ' + (g.revokedBy ? g.revokedBy.username : '?') + ' ' + g.revokedFrom.slice(0, 10) : ''))))]));
    }
  } catch (error) { fail(right, error); }
}

// ── Denials ───────────────────────────────────────────────────────────────────────────
async function renderDenials(root) {
  try {
    const entries = await all(Q.denials, 'auditLog');
    const groups = new Map();
    for (const e of entries) {
      const key = (e.actorUsername || t('anonymous')) + '\\u0000' + (e.reason || '');
      if (!groups.has(key)) groups.set(key, { who: e.actorUsername || t('anonymous'), reason: e.reason || '', count: 0, latest: e.at, actions: new Set() });
      const group = groups.get(key);
      group.count += 1;
      group.actions.add(e.action + ' ' + e.subjectType);
      if (e.at > group.latest) group.latest = e.at;
    }
    root.append(el('p', { id: 'denials-total', 'data-count': String(entries.length), text: entries.length + ' ' + t('total') + ' · ' + t('byAccount') }));
    root.append(el('table', { id: 'denials-table' }, [
      el('tr', {}, [t('account'), t('reason'), t('count'), t('actions'), t('latest')].map((h) => el('th', { text: h }))),
    ].concat([...groups.values()].sort((a, b) => a.who.localeCompare(b.who) || b.count - a.count).map((g) => el('tr', { 'data-account': g.who, 'data-count': String(g.count) }, [
      el('td', { text: g.who }), el('td', { text: g.reason }), el('td', { text: String(g.count) }), el('td', { text: [...g.actions].join(', ') }), el('td', { text: g.latest.slice(0, 19).replace('T', ' ') }),
    ])))));
  } catch (error) { fail(root, error); }
}

// ── View as ───────────────────────────────────────────────────────────────────────────
async function startView(accountId, target) {
  try {
    const v = (await data(Q.viewAs, { input: { accountId } })).viewAs;
    localStorage.setItem(KEY.own, localStorage.getItem(KEY.token) || '');
    localStorage.setItem(KEY.ownWho, localStorage.getItem(KEY.who) || '');
    localStorage.setItem(KEY.token, v.token);
    localStorage.setItem(KEY.who, v.viewer.username + ' → ' + v.account.username + ' (read-only 只读)');
    localStorage.setItem(KEY.view, JSON.stringify({ viewed: v.account.username, viewer: v.viewer.username, expiresAt: v.expiresAt }));
    refresh();
  } catch (error) { fail(target, error); }
}

const VIEWS = { matrix: renderMatrix, explain: renderExplain, whoCan: renderWhoCan, timelines: renderTimelines, denials: renderDenials };
async function refresh() {
  for (const key of Object.keys(cache)) delete cache[key];
  await render();
}
// A render overtaken by a later one (ending a view re-renders while a tab is clicked) must neither
// add to the later one's page nor mark it ready: each render draws into its own container, which a
// later render detaches, and only the latest marks the view ready.
let renders = 0;
async function render() {
  const mine = ++renders;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  $('title').textContent = t('title');
  $('username').placeholder = t('username');
  $('password').placeholder = t('password');
  $('signin-button').textContent = t('signIn');
  $('signout').textContent = t('signOut');
  $('who').textContent = localStorage.getItem(KEY.who) || t('anonymous');
  for (const code of ['zh', 'en']) $('lang-' + code).classList.toggle('active', code === lang);
  const session = viewSession();
  $('banner').classList.toggle('on', !!session);
  $('banner-text').textContent = session ? t('viewing', { viewed: session.viewed, viewer: session.viewer, until: new Date(session.expiresAt).toLocaleTimeString() }) : '';
  $('end-view').textContent = t('endView');
  $('open-graphiql').textContent = t('openGraphiql');
  const tabs = $('tabs');
  tabs.replaceChildren(...Object.keys(VIEWS).map((name) => el('button', { id: 'tab-' + name, class: name === view ? 'active' : '', text: t(name), onclick: () => { view = name; render(); } })));
  const root = $('view');
  const own = el('div', {});
  root.replaceChildren(own);
  root.dataset.view = view;
  root.dataset.ready = 'false';
  if (!localStorage.getItem(KEY.token)) {
    own.append(el('p', { class: 'muted', text: t('signInFirst') }));
  } else {
    try { await VIEWS[view](own); } catch (error) { fail(own, error); }
  }
  if (mine === renders) root.dataset.ready = 'true';
}

$('signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  endView();
  localStorage.removeItem(KEY.token);
  const result = await gql(Q.login, { u: $('username').value, p: $('password').value });
  if (result.errors) { $('signin-error').textContent = result.errors[0].message; return; }
  const login = result.data.login;
  localStorage.setItem(KEY.token, login.token);
  localStorage.setItem(KEY.who, login.account.username + ' · ' + login.account.roles.map((r) => r.role + '@' + r.regionCode).join(', '));
  $('password').value = '';
  refresh();
});
$('signout').addEventListener('click', () => { endView(); localStorage.removeItem(KEY.token); localStorage.removeItem(KEY.who); refresh(); });
$('end-view').addEventListener('click', () => { endView(); refresh(); });
$('lang-zh').addEventListener('click', () => { lang = 'zh'; localStorage.setItem(KEY.lang, lang); render(); });
$('lang-en').addEventListener('click', () => { lang = 'en'; localStorage.setItem(KEY.lang, lang); render(); });
render();
`;

export function auditPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>权限审计台 · Permission audit console</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <style>${STYLE}</style>
</head>
<body>
  <header>
    <h1 id="title">权限审计台</h1>
    <form id="signin">
      <input id="username" autocomplete="username">
      <input id="password" type="password" autocomplete="current-password">
      <button type="submit" id="signin-button"></button>
      <span id="signin-error" class="error"></span>
    </form>
    <span class="spacer"></span>
    <span class="who"><span id="who"></span><button type="button" id="signout"></button></span>
    <span><button type="button" id="lang-zh">中文</button><button type="button" id="lang-en">English</button></span>
    <a href="/graphiql">GraphiQL</a>
  </header>
  <div id="banner"><span id="banner-text"></span><button type="button" id="end-view"></button><a id="open-graphiql" href="/graphiql"></a></div>
  <nav id="tabs"></nav>
  <main id="view"></main>
  <script>${SCRIPT.replace('__QUERIES__', () => JSON.stringify(AUDIT_QUERIES))}</script>
</body>
</html>
`;
}
