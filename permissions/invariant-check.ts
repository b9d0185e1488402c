import { subject as asSubject } from '@casl/ability';
import { Actor, AppAbility, defineAbilityFor, PolicyRule } from './ability';
import { ACTIONS } from './explain';
import { Combination, Holding, INVARIANTS, Invariant, Outcome, Situation, Target, Violation, WorkflowNeed, World } from './invariants';
import { Action, Grant, POLICY, SCOPE_WORDS, SubjectName } from './policy';
import { Department, Role, ROLE_TIER, Tier } from './roles';
import { SUBJECT_NAMES, SUBJECT_SCOPE_FIELDS } from './subjects';
import type { Localized } from './vocabulary';

/**
 * The exhaustive checker of `permissions/invariants.ts` (issue #17).
 *
 * What it enumerates, and why that is every case:
 * - **Places.** District D with townships A (villages A1, A2) and B (village B1), and another district E.
 *   Every scope is an equality on a district, township or village code, so any place relates to a
 *   holding in one of these ways: own village, another village of the own township, another
 *   township, the district itself, another district. Townships and villages are interchangeable
 *   otherwise, so these places stand for all of them.
 * - **Holdings.** Each role held for every region of its tier in D (a village role for A1, A2 and B1,
 *   a township role for A and B, a district role for D): with rows at every place above, that gives
 *   every relative position of two holdings to one row. An account belongs to one district, so
 *   "another district" is the row's position, not the holding's.
 * - **Combinations.** Not all 2^n subsets: a holding's rows and denials do not depend on the account's
 *   other holdings (only on the account, its district, department and the delegations), so a
 *   combination's rules are the union of its holdings' rules, and an act is allowed when some grant
 *   matches and no denial does. Hence a breach by a combination of an act no one may do is a breach
 *   by the one holding that grants it (it carries fewer denials), and a breach of a two-person rule is
 *   a breach by the two holdings that grant the two acts. Singletons are exhaustive for the first kind,
 *   singletons and pairs for the second; each invariant says which kind it is.
 * - **Rows.** Per subject, every choice of the columns its grants test: the scope columns at each
 *   place, the account itself or another for `self` scopes and `'$accountId'` conditions, the own
 *   department or another, and for every other condition column each value the table names plus one
 *   it does not (the table's conditions are equalities, D§1, so these are all the cases a row can be in).
 * - **Delegations.** None; township A for every programme; township B for every programme; both. A
 *   `$delegated` condition matches a row exactly when the row's own township holds a delegation for the
 *   row's own programme, so with rows of every programme in both townships this is every case of it,
 *   for the holding's own township and for another.
 */

const ME = 'account-checked';
const OTHER = 'account-other';
const OTHER_VALUE = '(any other value)';
const PROGRAMMES = ['DIBAO', 'LINSHI'];

interface Place {
  districtCode: string;
  townshipCode: string | null;
  villageCode: string | null;
  words: Localized;
}

const D = '110101000000';
/** The province of D and E: the province tier is held for it, and belongs to no district. */
const P = '110000000000';
const place = (code: string, zh: string, en: string): Place => ({
  districtCode: code.slice(0, 6) + '000000',
  townshipCode: code.endsWith('000000') ? null : code.slice(0, 9) + '000',
  villageCode: code.endsWith('000') ? null : code,
  words: { zh: `${zh}（${code}）`, en: `${en} (${code})` },
});

const PLACES = {
  D: place(D, '区 D', 'district D'),
  A: place('110101001000', '乡镇 A', 'township A'),
  B: place('110101002000', '乡镇 B', 'township B'),
  A1: place('110101001001', '村 A1', 'village A1'),
  A2: place('110101001002', '村 A2', 'village A2'),
  B1: place('110101002001', '村 B1', 'village B1'),
  E1: place('110102001001', '另一区 E 的村 E1', 'village E1 of another district E'),
};

const HOLDING_PLACES: Record<Tier, Place[]> = {
  PROVINCE: [place(P, '省 P', 'province P')],
  VILLAGE: [PLACES.A1, PLACES.A2, PLACES.B1],
  TOWNSHIP: [PLACES.A, PLACES.B],
  DISTRICT: [PLACES.D],
};

/** Where rows are: a village of each kind, a district-level row (no township), another district. */
const ROW_PLACES: Place[] = [PLACES.A1, PLACES.A2, PLACES.B1, PLACES.D, PLACES.E1];

const regionOf = (p: Place): string => p.villageCode ?? p.townshipCode ?? p.districtCode;

/**
 * Whether a grant's `$delegated` matches a row depends only on whether the row's own township holds a
 * delegation for the row's own programme, so these situations, with rows of every programme in both
 * townships, give every case of it for the holding's own township and for another.
 */
function situationsFor(programmes: readonly string[]): Situation[] {
  const holds = (township: Place) =>
    programmes.map((programme) => ({
      id: `delegation-${township.townshipCode}-${programme}`,
      townshipCode: township.townshipCode!,
      programme,
    }));
  return [
    { delegations: [], text: { zh: '无有效委托', en: 'no delegation in force' } },
    {
      delegations: holds(PLACES.A),
      text: { zh: '乡镇 A 持有各救助类别的有效委托', en: 'township A holds delegations in force for every programme' },
    },
    {
      delegations: holds(PLACES.B),
      text: { zh: '乡镇 B 持有各救助类别的有效委托', en: 'township B holds delegations in force for every programme' },
    },
    {
      delegations: [...holds(PLACES.A), ...holds(PLACES.B)],
      text: { zh: '乡镇 A 和 B 都持有各救助类别的有效委托', en: 'townships A and B hold delegations in force for every programme' },
    },
  ];
}

/** For each condition column of a subject's grants, the values that tell its rows apart. */
function conditionValues(grants: readonly Grant[], subject: SubjectName): Map<string, unknown[]> {
  const values = new Map<string, unknown[]>();
  const add = (key: string, value: unknown) => values.set(key, [...new Set([...(values.get(key) ?? []), value])]);
  for (const grant of grants) {
    if (grant.subject !== subject) continue;
    for (const [key, value] of Object.entries(grant.when?.conditions ?? {})) {
      if (key === '$delegated') PROGRAMMES.forEach((programme) => add('programme', programme));
      else if (value === '$accountId') [OTHER, ME].forEach((v) => add(key, v));
      else if (typeof value === 'boolean') [value, !value].forEach((v) => add(key, v));
      else [value, OTHER_VALUE].forEach((v) => add(key, v));
    }
  }
  // The delegation invariants ask about cases of every programme whatever the grants test.
  if (subject === 'Case') PROGRAMMES.forEach((programme) => add('programme', programme));
  return values;
}

const show = (value: unknown): string => (value === ME ? 'self' : value === OTHER ? 'another account' : JSON.stringify(value));

function buildWorld(grants: readonly Grant[], workflow: readonly WorkflowNeed[]): World & { abilities: number } {
  const roles = Object.values(Role);
  const holdings: Holding[] = roles.flatMap((role) =>
    HOLDING_PLACES[ROLE_TIER[role]].map((p) => ({ role, regionCode: regionOf(p), where: p.words })),
  );
  const situations = situationsFor([
    ...new Set([
      ...PROGRAMMES,
      ...grants.flatMap((g) => (typeof g.when?.conditions.programme === 'string' ? [g.when.conditions.programme] : [])),
    ]),
  ]);
  const keyOf = (combination: Combination) => combination.map((h) => `${h.role}@${h.regionCode}`).join('+');
  const abilities = new Map<string, AppAbility>();
  const tagged = new WeakMap<Target, object>();
  const targetCache = new Map<string, Target[]>();
  let evaluated = 0;

  const abilityOf = (combination: Combination, situation: Situation): AppAbility => {
    const key = `${keyOf(combination)}|${situations.indexOf(situation)}`;
    let ability = abilities.get(key);
    if (!ability) {
      const actor: Actor = {
        accountId: ME,
        username: 'invariant-check',
        // An account of the province is homed at the province and holds no district's role.
        districtCode: combination.some((h) => ROLE_TIER[h.role] === 'PROVINCE') ? P : D,
        departmentCode: Department.TAX,
        roles: combination.map(({ role, regionCode }) => ({ role, regionCode })),
        delegations: [...situation.delegations],
      };
      ability = defineAbilityFor(actor);
      abilities.set(key, ability);
    }
    return ability;
  };

  const targets = (subject: SubjectName, fixed: Record<string, unknown> = {}): Target[] => {
    const cacheKey = `${subject}|${JSON.stringify(fixed)}`;
    const cached = targetCache.get(cacheKey);
    if (cached) return cached;
    const scopes = SUBJECT_SCOPE_FIELDS[subject] ?? {};
    const columns = [...conditionValues(grants, subject)];
    if (scopes.self) columns.push([scopes.self, [OTHER, ME]]);
    if (scopes.department) columns.push([scopes.department, [Department.TAX, Department.BANK]]);
    const free = columns.filter(([key]) => !(key in fixed)).sort(([a], [b]) => a.localeCompare(b));
    let rows: { row: Record<string, unknown>; p: Place }[] = ROW_PLACES.map((p) => ({
      p,
      row: {
        [scopes.district ?? 'districtCode']: p.districtCode,
        ...(scopes.township ? { [scopes.township]: p.townshipCode } : {}),
        ...(scopes.village ? { [scopes.village]: p.villageCode } : {}),
        ...(scopes.province ? { [scopes.province]: p.districtCode.slice(0, 2) } : {}),
      },
    }));
    for (const [key, values] of free) rows = rows.flatMap(({ row, p }) => values.map((value) => ({ p, row: { ...row, [key]: value } })));
    const built = rows.map(({ row, p }) => {
      const full = { ...row, ...fixed };
      const scopeColumns = new Set(Object.values(scopes));
      const details = Object.entries(full)
        .filter(([key]) => !scopeColumns.has(key) || key === scopes.self || key === scopes.department)
        .map(([key, value]) => `${key}=${show(value)}`)
        .join(', ');
      return {
        subject,
        row: full,
        where: { zh: `${p.words.zh}${details ? `，${details}` : ''}`, en: `${p.words.en}${details ? `, ${details}` : ''}` },
      };
    });
    targetCache.set(cacheKey, built);
    return built;
  };

  const combinations = (size: 1 | 2): Combination[] =>
    size === 1 ? holdings.map((h) => [h]) : holdings.flatMap((a, i) => holdings.slice(i + 1).map((b) => [a, b]));

  const depthColumn: Record<Tier, 'villageCode' | 'townshipCode' | 'districtCode' | 'provinceCode'> = {
    PROVINCE: 'provinceCode',
    VILLAGE: 'villageCode',
    TOWNSHIP: 'townshipCode',
    DISTRICT: 'districtCode',
  };

  return {
    me: ME,
    other: OTHER,
    holdings,
    situations,
    grants,
    actions: [...new Set<Action>([...ACTIONS, ...grants.map((g) => g.action)])],
    subjects: [...new Set<SubjectName>([...SUBJECT_NAMES, ...grants.map((g) => g.subject)])],
    workflow,
    combinations,
    targets,
    allowedBy(combination, situation, action, target, field) {
      evaluated++;
      let row = tagged.get(target);
      if (!row) {
        row = asSubject(target.subject, { ...target.row });
        tagged.set(target, row);
      }
      const ability = abilityOf(combination, situation);
      if (!ability.can(action, row, field)) return null;
      return (ability.relevantRuleFor(action, row, field)!.origin as PolicyRule).grant;
    },
    delegated(situation, target) {
      return (
        target.row.districtCode === D &&
        situation.delegations.some((d) => d.townshipCode === target.row.townshipCode && d.programme === target.row.programme)
      );
    },
    isHome(holding, target) {
      return target.row[depthColumn[ROLE_TIER[holding.role]]] === holding.regionCode;
    },
    evaluated: () => evaluated,
    get abilities() {
      return abilities.size;
    },
  };
}

export interface InvariantResult {
  invariant: Invariant;
  outcome: Outcome;
}

export interface CheckReport {
  results: InvariantResult[];
  holdings: number;
  combinations: number;
  situations: number;
  abilities: number;
  evaluated: number;
  millis: number;
  /** The table checked, for row numbers in the report. */
  grants: readonly Grant[];
}

/**
 * Checks every invariant (or those named in `only`) against the policy table the server uses.
 * `workflow`: the steps of `src/modules/case/workflow.ts` and the actions they need.
 */
export function checkInvariants(options: { workflow: readonly WorkflowNeed[]; only?: readonly string[] }): CheckReport {
  const started = performance.now();
  const world = buildWorld(POLICY, options.workflow);
  const results = INVARIANTS.filter((invariant) => !options.only || options.only.includes(invariant.id)).map((invariant) => ({
    invariant,
    outcome: invariant.check(world),
  }));
  const n = world.holdings.length;
  return {
    results,
    holdings: n,
    combinations: n + (n * (n - 1)) / 2,
    situations: world.situations.length,
    abilities: world.abilities,
    evaluated: world.evaluated(),
    millis: Math.round(performance.now() - started),
    grants: POLICY,
  };
}

export type Language = keyof Localized;

/** A row of the table as the report names it: its number in `permissions/policy.ts`'s POLICY and its content. */
export function describeRow(grant: Grant, grants: readonly Grant[], language: Language): string {
  const condition = grant.when ? (language === 'zh' ? `，条件：${grant.when.text.zh}` : `, where ${grant.when.text.en}`) : '';
  const fields = grant.fields ? (language === 'zh' ? `，字段：${grant.fields.join(', ')}` : `, fields ${grant.fields.join(', ')}`) : '';
  const effect = grant.inverted ? 'deny' : 'allow';
  const rowNumber = grants.indexOf(grant) + 1;
  const head = language === 'zh' ? `第 ${rowNumber} 行` : `row #${rowNumber}`;
  return `${head}: ${effect} ${grant.role} ${grant.action} ${grant.subject} (${SCOPE_WORDS[grant.scope][language]}${condition}${fields}) [${grant.clause}]`;
}

const describeHolding = (h: Holding, language: Language): string =>
  language === 'zh' ? `${h.role}（授权区划：${h.where.zh}）` : `${h.role} held for ${h.where.en}`;

/** A violation in words: the smallest combination of roles, the situation, and the rows that produce it. */
export function describeViolation(violation: Violation, grants: readonly Grant[], language: Language): string[] {
  const zh = language === 'zh';
  const { combination } = violation;
  const lines = [
    combination.length
      ? zh
        ? `最小角色组合（${combination.length} 个）：${combination.map((h) => describeHolding(h, language)).join(' + ')}`
        : `Smallest combination (${combination.length} role${combination.length > 1 ? 's' : ''}): ${combination.map((h) => describeHolding(h, language)).join(' + ')}`
      : zh
        ? '最小角色组合：无（没有任何角色组合能做到）'
        : 'Smallest combination: none (no combination of roles can do it)',
  ];
  if (violation.situation) lines.push(zh ? `情形：${violation.situation.text.zh}` : `Situation: ${violation.situation.text.en}`);
  if (violation.note) lines.push(violation.note[language]);
  violation.acts.forEach((act, i) => {
    const field = act.field ? (zh ? `（字段 ${act.field}）` : ` (field ${act.field})`) : '';
    lines.push(
      zh
        ? `${i + 1}. ${act.action} ${act.target.subject}${field}，对象：${act.target.where.zh} — 由${describeRow(act.allowedBy, grants, language)} 允许`
        : `${i + 1}. ${act.action} ${act.target.subject}${field} in ${act.target.where.en} — allowed by ${describeRow(act.allowedBy, grants, language)}`,
    );
  });
  for (const { grant, is } of violation.rows ?? []) lines.push(`${is[language]}${zh ? '：' : ': '}${describeRow(grant, grants, language)}`);
  return lines;
}

export const STATUS_WORDS: Record<Outcome['status'], Localized> = {
  HOLDS: { zh: '成立', en: 'holds' },
  VIOLATED: { zh: '被违反', en: 'VIOLATED' },
  SUBJECT_NOT_IN_TABLE: { zh: '对象尚未加入权限表', en: 'subject not yet in the table' },
};

/** The whole report, as `npm run permissions:check` prints it. */
export function renderReport(report: CheckReport, language: Language = 'en'): string {
  const zh = language === 'zh';
  const lines = [
    zh
      ? `权限不变式：${report.results.length} 条；${report.holdings} 个角色持有位置、${report.combinations} 个组合（单个及两两）、${report.situations} 种委托情形；构建 ${report.abilities} 个权限、判定 ${report.evaluated} 次，用时 ${report.millis} ms`
      : `Policy invariants: ${report.results.length} checked over ${report.holdings} holdings, ${report.combinations} combinations (singletons and pairs), ${report.situations} delegation situations; ${report.abilities} abilities built, ${report.evaluated} acts evaluated, in ${report.millis} ms`,
    '',
  ];
  for (const { invariant, outcome } of report.results) {
    const mark = outcome.status === 'HOLDS' ? '✓' : outcome.status === 'VIOLATED' ? '✗' : '○';
    lines.push(`${mark} ${invariant.id} [${invariant.clause}] — ${STATUS_WORDS[outcome.status][language]}`);
    lines.push(`  ${invariant.text[language]}`);
    if (outcome.status === 'VIOLATED') lines.push(...describeViolation(outcome.violation, report.grants, language).map((l) => `  ${l}`));
    if (outcome.status === 'SUBJECT_NOT_IN_TABLE') lines.push(`  ${outcome.note[language]}`);
  }
  return lines.join('\n');
}

/** Whether the table passes: no invariant violated. */
export const passes = (report: CheckReport): boolean => report.results.every((r) => r.outcome.status !== 'VIOLATED');
