import type { DelegationInForce } from './ability';
import type { Grant } from './policy';
import { Role, ROLE_TIER, Tier } from './roles';
import { DERIVED_PERSONAL_FIELDS, PERSONAL_FIELDS } from './subjects';
import type { Action, Localized, SubjectName } from './vocabulary';

/**
 * The separation of duties the plan demands, as properties of the whole policy table over every way
 * roles can be combined (issue #17). Each invariant names the clause it protects, says itself in both
 * languages, and checks itself over a `World`: the exhaustive enumeration of holdings, delegations and
 * rows that `permissions/invariant-check.ts` builds with the server's own `defineAbilityFor`.
 */

/** One role held for one region: an account's powers are the union of its holdings' rows. */
export interface Holding {
  role: Role;
  regionCode: string;
  /** The region in words, e.g. "township A (110101001000)". */
  where: Localized;
}

export type Combination = readonly Holding[];

/** The delegations in force (D§13) while a combination acts. */
export interface Situation {
  delegations: readonly DelegationInForce[];
  text: Localized;
}

/** One row of a subject: the scope columns of a position plus one choice for every condition column. */
export interface Target {
  subject: SubjectName;
  row: Readonly<Record<string, unknown>>;
  /** The row's position and its non-scope columns in words. */
  where: Localized;
}

/** An act a combination may do, and the policy row that allows it. */
export interface Act {
  action: Action;
  target: Target;
  field?: string;
  allowedBy: Grant;
}

/** Why an invariant fails: the smallest combination of holdings that breaks it, the situation, and
 * the acts (each with its allowing row) that make the breach. */
export interface Violation {
  combination: Combination;
  situation: Situation | null;
  acts: Act[];
  /** For breaches that are not an allowed act (a dead step, an orphan row): what is wrong. */
  note?: Localized;
  /** Further rows of the table the breach concerns, each with what it is to the breach. */
  rows?: { grant: Grant; is: Localized }[];
}

export type Outcome =
  | { status: 'HOLDS'; checked: number }
  | { status: 'VIOLATED'; violation: Violation; checked: number }
  | { status: 'SUBJECT_NOT_IN_TABLE'; note: Localized };

/** A step of the case workflow and the action it needs (from `src/modules/case/workflow.ts`; `permissions/`
 * does not import `src/`, so scripts and tests pass these in). */
export interface WorkflowNeed {
  step: string;
  action: Action;
  subject: SubjectName;
}

/** What an invariant checks over: built once per run by the checker. */
export interface World {
  /** The account every combination belongs to, and another account of the same district. */
  me: string;
  other: string;
  holdings: readonly Holding[];
  situations: readonly Situation[];
  grants: readonly Grant[];
  actions: readonly Action[];
  subjects: readonly SubjectName[];
  workflow: readonly WorkflowNeed[];
  /** Combinations of exactly `size` holdings. */
  combinations(size: 1 | 2): Combination[];
  /** Every row of a subject the table can tell apart, with `fixed` columns set; the same order for the
   * same subject whatever `fixed` says, so that rows of two calls correspond one to one. */
  targets(subject: SubjectName, fixed?: Record<string, unknown>): Target[];
  /** The row of the table that allows the act, or null when the combination may not do it. */
  allowedBy(combination: Combination, situation: Situation, action: Action, target: Target, field?: string): Grant | null;
  /** Whether the row's township holds a delegation in force for its programme. */
  delegated(situation: Situation, target: Target): boolean;
  /** The position a target is in, relative to a holding's region. */
  isHome(holding: Holding, target: Target): boolean;
  /** Counts acts evaluated, for the report. */
  evaluated(): number;
}

export interface Invariant {
  id: string;
  /** The plan clauses and DOMAIN sections it protects. */
  clause: string;
  text: Localized;
  check(world: World): Outcome;
}

/** What an invariant says, apart from how it is checked. */
type InvariantText = Omit<Invariant, 'check'>;

/** The text of an invariant out of a builder's spec, leaving the spec's own fields behind. */
const textOf = ({ id, clause, text }: InvariantText): InvariantText => ({ id, clause, text });

/** Runs `find` over combinations of one holding, then of two, and stops at the first breach:
 * the first combination found is therefore among the smallest. */
function smallestFirst(
  world: World,
  sizes: readonly (1 | 2)[],
  find: (combination: Combination) => Omit<Violation, 'combination'> | null,
): Outcome {
  const before = world.evaluated();
  for (const size of sizes) {
    for (const combination of world.combinations(size)) {
      const found = find(combination);
      if (found) return { status: 'VIOLATED', violation: { combination, ...found }, checked: world.evaluated() - before };
    }
  }
  return { status: 'HOLDS', checked: world.evaluated() - before };
}

const hasSubject = (world: World, subject: string): boolean => world.subjects.includes(subject as SubjectName);

/**
 * Two acts on one row that must be two accounts' (a two-person rule): the second act is tried on the
 * row as it stands after the first, with `marker` (the column that records who did the first) naming
 * the account itself. Pairs of holdings are exhaustive: if a combination may do both, one of its
 * holdings allows the first and one the second, and the pair of them has no more denials than the
 * whole combination (grants and denials of a holding do not depend on the others), so it may do both too.
 */
function twoPeople(
  spec: InvariantText & {
    subject: string;
    first: Action;
    second: Action;
    marker: string;
    firstField?: string;
    missing?: Localized;
  },
): Invariant {
  return {
    ...textOf(spec),
    check(world) {
      if (!hasSubject(world, spec.subject)) {
        return {
          status: 'SUBJECT_NOT_IN_TABLE',
          note: spec.missing ?? {
            zh: `权限表中尚无“${spec.subject}”对象，本条暂无可检查的规则。`,
            en: `The table has no ${spec.subject} subject yet: nothing to check.`,
          },
        };
      }
      const subject = spec.subject as SubjectName;
      const before = world.targets(subject, { [spec.marker]: world.other });
      const after = world.targets(subject, { [spec.marker]: world.me });
      return smallestFirst(world, [1, 2], (combination) => {
        for (const situation of world.situations) {
          for (let i = 0; i < before.length; i++) {
            const first = world.allowedBy(combination, situation, spec.first, before[i], spec.firstField);
            if (!first) continue;
            const second = world.allowedBy(combination, situation, spec.second, after[i]);
            if (!second) continue;
            // The separation rows of the combination's roles that should have refused the second act.
            const separations = world.grants.filter(
              (g) =>
                g.inverted &&
                g.subject === subject &&
                g.action === spec.second &&
                g.when?.conditions[spec.marker] === '$accountId' &&
                combination.some((h) => h.role === g.role),
            );
            return {
              situation,
              acts: [
                { action: spec.first, target: before[i], field: spec.firstField, allowedBy: first },
                { action: spec.second, target: after[i], allowedBy: second },
              ],
              rows: separations.map((grant) => ({ grant, is: { zh: '未能拒绝的分离规则', en: 'separation row that did not refuse it' } })),
            };
          }
        }
        return null;
      });
    },
  };
}

/**
 * Acts no combination may do on some rows. One holding is exhaustive: an act a combination may do
 * is allowed by a row of one of its holdings, and that holding alone carries only a subset of the
 * combination's denials, so it may do the act too.
 */
function never(
  spec: InvariantText & {
    /** Which holdings the rule is about (all when absent). */
    holdings?: (holding: Holding) => boolean;
    acts: (
      world: World,
      holding: Holding,
    ) => {
      subject: SubjectName;
      actions: readonly Action[];
      fields?: readonly (string | undefined)[];
      rows: (situation: Situation, target: Target) => boolean;
    }[];
  },
): Invariant {
  return {
    ...textOf(spec),
    check(world) {
      return smallestFirst(world, [1], ([holding]) => {
        if (spec.holdings && !spec.holdings(holding)) return null;
        for (const { subject, actions, fields, rows } of spec.acts(world, holding)) {
          const targets = world.targets(subject);
          for (const situation of world.situations) {
            for (const target of targets) {
              if (!rows(situation, target)) continue;
              for (const action of actions) {
                for (const field of fields ?? [undefined]) {
                  const allowedBy = world.allowedBy([holding], situation, action, target, field);
                  if (allowedBy) return { situation, acts: [{ action, target, field, allowedBy }] };
                }
              }
            }
          }
        }
        return null;
      });
    },
  };
}

/** What kin-registered staff take no part in on the household's case (P6.3; D§4 adds concluding the review). */
export const KIN_BARRED_ACTIONS: readonly Action[] = ['investigate', 'assess', 'adopt', 'appraise', 'vote', 'review', 'decide', 'pay'];

/** The personal fields a role's row in D§2 lets it read: finance pays the payee's bank account (D§10);
 * a department verifies by the ID number (D§7). The bank batch file (`PaymentBatch.file`) is nothing
 * but payees' names and accounts: finance exports it and the bank it is sent to reads it (D§10).
 * Every other personal field is closed to these roles. */
export const PERSONAL_READS: Partial<Record<Role, readonly string[]>> = {
  [Role.FINANCE_OFFICER]: ['bankAccount', 'file'],
  [Role.AUDITOR]: [],
  [Role.POVERTY_OFFICER]: [],
  [Role.DEPARTMENT]: ['idNumber', 'file'],
};

/** What ADMIN's row in D§2 lets it touch: accounts, places, keys, role grants, the policy and settings,
 * and the audit trail of its own acts. Everything else, case data and whatever is added later, is closed. */
export const ADMIN_REACH: Partial<Record<SubjectName, (target: Target, world: World) => boolean>> = {
  Region: () => true,
  Account: () => true,
  ApiKey: () => true,
  RoleGrant: () => true,
  Policy: () => true,
  Settings: () => true,
  // Which townships lack the staff or village assistants the plan requires: a count of accounts (D§11).
  StaffingReport: () => true,
  AuditEntry: (target, world) => target.row.actorId === world.me,
};

/** What the province tier may touch (D§1, issue #15): the districts of its province in the register of
 * places, and the proposals to create them. No row inside a district — cases, households, persons,
 * enrolments, payments, its audit log, its accounts — and nothing added later. */
export const PROVINCE_REACH: Partial<Record<SubjectName, (target: Target, world: World) => boolean>> = {
  Region: () => true,
  DistrictProposal: () => true,
};

/** Every action on every subject, on every row but those `reach` admits: what a tier must never do. */
const beyondReach = (reach: typeof ADMIN_REACH) => (world: World) =>
  world.subjects.map((subject) => ({
    subject,
    actions: world.actions,
    rows: (_situation: Situation, target: Target) => !reach[subject]?.(target, world),
  }));

/** Democratic appraisal and public notice are duties of both tiers: the village assists (P4.1), the
 * township is responsible (P4.2). */
const VILLAGE_ASSISTS_TOWNSHIP = [
  { tier: 'VILLAGE', clause: 'P4.1' },
  { tier: 'TOWNSHIP', clause: 'P4.2' },
] as const;

/** The tiers the plan names for each workflow action (D§3, D§6); `delegated` says under which mode
 * of D§13 the tier decides. An action missing here must still be granted to someone. */
export const PLAN_TIERS: Partial<Record<Action, readonly { tier: Tier; delegated?: boolean; clause: string }[]>> = {
  submit: [
    { tier: 'VILLAGE', clause: 'P4.1' },
    { tier: 'TOWNSHIP', clause: 'D§3' },
  ],
  accept: [{ tier: 'TOWNSHIP', clause: 'D§3' }],
  investigate: [{ tier: 'TOWNSHIP', clause: 'P4.2' }],
  assess: [
    { tier: 'TOWNSHIP', clause: 'P4.2' },
    { tier: 'VILLAGE', clause: 'P4.1' },
  ],
  adopt: [{ tier: 'TOWNSHIP', clause: 'D§8' }],
  appraise: VILLAGE_ASSISTS_TOWNSHIP,
  notice: VILLAGE_ASSISTS_TOWNSHIP,
  vote: [{ tier: 'TOWNSHIP', clause: 'P3.2' }],
  review: [{ tier: 'TOWNSHIP', clause: 'P3.2' }],
  decide: [
    { tier: 'TOWNSHIP', delegated: true, clause: 'P3.1' },
    { tier: 'DISTRICT', delegated: false, clause: 'P5' },
  ],
  deliver: [{ tier: 'VILLAGE', clause: 'P4.1' }],
  file: [{ tier: 'TOWNSHIP', clause: 'P3.1' }],
  spotCheck: [{ tier: 'DISTRICT', clause: 'P4.3' }],
  pay: [{ tier: 'TOWNSHIP', clause: 'D§6' }],
  confirm: [{ tier: 'DISTRICT', clause: 'D§6' }],
};

/** The clause ids a row may cite: the plan's (plan-en.md) and DOMAIN.md's sections. */
export const KNOWN_CLAUSES: ReadonlySet<string> = new Set([
  'P1',
  'P2',
  'P2.1',
  'P2.2',
  'P2.3',
  'P2.4',
  'P3',
  'P3.1',
  'P3.2',
  'P3.3',
  'P4',
  'P4.1',
  'P4.2',
  'P4.3',
  'P4.4',
  'P5',
  'P5.1',
  'P5.2',
  'P5.3',
  'P6',
  'P6.1',
  'P6.2',
  'P6.3',
  'P6.4',
  ...Array.from({ length: 14 }, (_, i) => `D§${i + 1}`),
]);

const tierOf = (holding: Holding): Tier => ROLE_TIER[holding.role];

/** The invariants, in the order the matrix document and `policyInvariants` list them. */
export const INVARIANTS: readonly Invariant[] = [
  twoPeople({
    id: 'duties.decideAndPay',
    clause: 'D§6, D§10',
    text: {
      zh: '任何账号都不能既对案件作出审批决定，又登记该案的发放：决定者不发放。',
      en: 'No single account both decides a case and records its payment: the one who decides does not also pay.',
    },
    subject: 'Case',
    first: 'decide',
    second: 'pay',
    marker: 'decidedById',
  }),
  twoPeople({
    id: 'duties.proposeAndConfirmRole',
    clause: 'D§14',
    text: {
      zh: '任何账号都不能既提议又确认同一项角色授予：授予须经两个账号。',
      en: 'No single account both proposes and confirms the same role grant: a grant takes two accounts.',
    },
    subject: 'RoleGrant',
    first: 'create',
    second: 'confirm',
    marker: 'proposedById',
  }),
  twoPeople({
    id: 'duties.changeAndConfirmBankAccount',
    clause: 'D§10, D§14',
    text: {
      zh: '任何账号都不能既更改领款人的银行账户，又确认该项更改。',
      en: "No single account both changes a payee's bank account and confirms the change.",
    },
    subject: 'BankAccountChange',
    first: 'create',
    second: 'confirm',
    marker: 'proposedById',
  }),
  twoPeople({
    id: 'duties.changeAndConfirmInstitutionAccount',
    clause: 'D§10, D§14',
    text: {
      zh: '任何账号都不能既提出供养机构收款账户的变更，又确认该项变更。',
      en: "No single account both proposes a change of a care institution's account and confirms it.",
    },
    subject: 'InstitutionAccountChange',
    first: 'create',
    second: 'confirm',
    marker: 'proposedById',
  }),
  decideUnderDelegation(),
  decideWithoutDelegation(),
  kinNeverActs(),
  ...(Object.keys(PERSONAL_READS) as Role[]).map(personalReads),
  never({
    id: 'reads.adminNoCaseData',
    clause: 'D§2, D§14',
    text: {
      zh: '系统管理员只管理账号、区划、密钥和角色授予，看不到也不能处理任何案件数据。',
      en: 'ADMIN manages accounts, places, keys and role grants; it never reads or acts on case data.',
    },
    holdings: (holding) => holding.role === Role.ADMIN,
    acts: beyondReach(ADMIN_REACH),
  }),
  twoPeople({
    id: 'duties.proposeAndConfirmDistrict',
    clause: 'D§1, D§14',
    text: {
      zh: '任何账号都不能既提议又确认同一个新设区：新设区须经两名省级操作员。',
      en: 'No single account both proposes and confirms the same new district: a district takes two province operators.',
    },
    subject: 'DistrictProposal',
    first: 'create',
    second: 'confirm',
    marker: 'proposedById',
  }),
  never({
    id: 'reads.provinceNoDistrictData',
    clause: 'D§1, D§14',
    text: {
      zh: '省级操作员只查看本省的区和新设区提议，看不到也不能处理任何区内数据（案件、家庭、人员、救助、发放、审计日志）。',
      en: "A province operator sees the districts of its province and the proposals to create them; it never reads or acts on any district's data (cases, households, persons, enrolments, payments, audit log).",
    },
    holdings: (holding) => tierOf(holding) === 'PROVINCE',
    acts: beyondReach(PROVINCE_REACH),
  }),
  never({
    id: 'power.neverAlone',
    clause: 'D§14',
    text: {
      zh: '任何账号都不能独自为自己或他人创设权限：不能为自己提议或确认角色，不能修改角色授予记录，不能为其他账号创建接口密钥。',
      en: "No account creates a power alone, for itself or anyone: it never proposes or confirms its own role, never edits a role grant, never creates another account's integration key.",
    },
    acts: (world) => [
      { subject: 'RoleGrant', actions: ['create', 'confirm'], rows: (_s, target) => target.row.accountId === world.me },
      { subject: 'RoleGrant', actions: ['update'], rows: () => true },
      { subject: 'ApiKey', actions: ['create'], rows: (_s, target) => target.row.accountId !== world.me },
    ],
  }),
  clausesCited(),
  noDeadSteps(),
];

/** P1, D§13: under a delegation in force, the township's own staff decide; no one else. */
function decideUnderDelegation(): Invariant {
  return never({
    id: 'delegation.districtNeverDecidesDelegated',
    clause: 'P1, P3.1, D§13',
    text: {
      zh: '乡镇（街道）持有某救助类别的有效委托期间，只有本乡镇（街道）的人员能对其该类案件作出审批决定，区民政绝不能。',
      en: "While a township holds a delegation in force for a programme, only that township's own staff decide its cases of that programme; the district never does.",
    },
    acts: (world, holding) => [
      {
        subject: 'Case',
        actions: ['decide'],
        rows: (situation, target) =>
          world.delegated(situation, target) && !(tierOf(holding) === 'TOWNSHIP' && world.isHome(holding, target)),
      },
    ],
  });
}

/** P3.1, P5, D§13: without a delegation the district decides (pre-delegation mode), no township or village. */
function decideWithoutDelegation(): Invariant {
  return never({
    id: 'delegation.townshipNeverDecidesWithout',
    clause: 'P3.1, P5, D§13',
    text: {
      zh: '乡镇（街道）未持有某救助类别的有效委托时，绝不能对该类案件作出审批决定；此前由区民政审核确认。',
      en: 'A township never decides a case of a programme it holds no delegation in force for; until then the district decides.',
    },
    holdings: (holding) => tierOf(holding) !== 'DISTRICT',
    acts: (world) => [{ subject: 'Case', actions: ['decide'], rows: (situation, target) => !world.delegated(situation, target) }],
  });
}

/**
 * P6.3, D§5: staff registered as kin of a household take no part in its case. Only an account that
 * may declare kin is ever registered (D§5), so the rule is about combinations that may declare and
 * act; pairs are exhaustive as for a two-person rule (one holding declares, one acts). Where the
 * table lets nobody declare kin, every combination is taken as registrable.
 */
function kinNeverActs(): Invariant {
  return {
    id: 'kin.neverActs',
    clause: 'P6.3, D§4, D§5',
    text: {
      zh: '已备案为申请家庭近亲属的工作人员，绝不参与该案的调查、核算评估、民主评议、表决、主持审核、审批和发放。',
      en: 'Staff registered as kin of a household never investigate, assess, appraise, vote on, conclude the review of, decide or pay its case.',
    },
    check(world) {
      const declarable = world.grants.some((g) => g.action === 'create' && g.subject === 'KinDeclaration' && !g.inverted);
      const declarations = declarable ? world.targets('KinDeclaration', { accountId: world.me }) : [];
      const cases = world.targets('Case', { kinStaffIds: world.me });
      return smallestFirst(world, [1, 2], (combination) => {
        let declared: Act | null = null;
        for (const target of declarations) {
          const allowedBy = world.allowedBy(combination, world.situations[0], 'create', target);
          if (allowedBy) {
            declared = { action: 'create', target, allowedBy };
            break;
          }
        }
        if (declarable && !declared) return null;
        for (const situation of world.situations) {
          for (const target of cases) {
            for (const action of KIN_BARRED_ACTIONS) {
              const allowedBy = world.allowedBy(combination, situation, action, target);
              if (allowedBy) return { situation, acts: [...(declared ? [declared] : []), { action, target, allowedBy }] };
            }
          }
        }
        return null;
      });
    },
  };
}

/** D§2, D§10, D§12: the personal fields a role may read are those its row in D§2 lists, and the
 * fields derived from them. */
function personalReads(role: Role): Invariant {
  const allowed = PERSONAL_READS[role]!;
  const closed = (subject: SubjectName): string[] => {
    const derived = DERIVED_PERSONAL_FIELDS[subject] ?? {};
    return [...(PERSONAL_FIELDS[subject] ?? []), ...Object.keys(derived)].filter(
      (field) => !allowed.includes(field) && !allowed.includes(derived[field]),
    );
  };
  const subjects = [...new Set([...Object.keys(PERSONAL_FIELDS), ...Object.keys(DERIVED_PERSONAL_FIELDS)])] as SubjectName[];
  const listed = allowed.length ? allowed.join(', ') : null;
  return never({
    id: `reads.personal.${role}`,
    clause: 'D§2, D§10, D§12',
    text: {
      zh: `${role} 只能看到 DOMAIN §2 为其列明的个人信息字段（${listed ?? '无'}），看不到其他任何个人信息。`,
      en: `${role} never reads a personal field beyond what its row in DOMAIN §2 lists (${listed ?? 'none'}).`,
    },
    holdings: (holding) => holding.role === role,
    acts: () => subjects.map((subject) => ({ subject, actions: ['read'], fields: closed(subject), rows: () => true })),
  });
}

/** No orphan powers: every row cites a clause that exists, with its reason in both languages. */
function clausesCited(): Invariant {
  return {
    id: 'grants.fromClauses',
    clause: 'P2.2, D§14',
    text: {
      zh: '权限表的每一行都引用方案条款或 DOMAIN 章节，并附中英文理由：没有无来源的权限。',
      en: 'Every row of the table cites a clause of the plan or a DOMAIN section, with its reason in Chinese and English: no power without a source.',
    },
    check(world) {
      for (const grant of world.grants) {
        const unknown = grant.clause
          .split(',')
          .map((part) => part.trim())
          .filter((part) => !KNOWN_CLAUSES.has(part));
        if (unknown.length === 0 && grant.reason.zh.trim() && grant.reason.en.trim()) continue;
        const holding = world.holdings.find((h) => h.role === grant.role);
        const cited = unknown.length ? unknown.join(', ') : grant.clause;
        return {
          status: 'VIOLATED',
          checked: world.grants.length,
          violation: {
            combination: holding ? [holding] : [],
            situation: null,
            acts: [],
            rows: [{ grant, is: { zh: '无来源的规则', en: 'row without a source' } }],
            note: unknown.length
              ? {
                  zh: `引用的条款“${cited}”在方案和 DOMAIN 中都不存在。`,
                  en: `It cites "${cited}", which is neither a plan clause nor a DOMAIN section.`,
                }
              : { zh: '缺少中文或英文理由。', en: 'Its reason is missing in Chinese or in English.' },
          },
        };
      }
      return { status: 'HOLDS', checked: world.grants.length };
    },
  };
}

/** No dead steps: each action the workflow needs is granted, at every tier the plan names for it (in
 * the mode of D§13 the plan names), to some role acting in its own area. */
function noDeadSteps(): Invariant {
  return {
    id: 'workflow.noDeadSteps',
    clause: 'D§3, D§6, D§13',
    text: {
      zh: '办理流程每一步所需的操作，在方案指定的每一级都至少授予了一个角色（在其本辖区内）：没有无人能走的步骤。',
      en: 'Every action a step of the case workflow needs is granted, at each tier the plan names for it, to at least one role in its own area: no dead steps.',
    },
    check(world) {
      const before = world.evaluated();
      for (const need of world.workflow) {
        const tiers = PLAN_TIERS[need.action] ?? [{ tier: undefined, delegated: undefined, clause: '' }];
        for (const { tier, delegated } of tiers) {
          const targets = world.targets(need.subject);
          const granted = world.holdings.some(
            (holding) =>
              (!tier || tierOf(holding) === tier) &&
              world.situations.some((situation) =>
                targets.some(
                  (target) =>
                    world.isHome(holding, target) &&
                    (delegated === undefined || world.delegated(situation, target) === delegated) &&
                    world.allowedBy([holding], situation, need.action, target) !== null,
                ),
              ),
          );
          if (granted) continue;
          const mode =
            delegated === undefined
              ? { zh: '', en: '' }
              : delegated
                ? { zh: '（委托生效时）', en: ' (under a delegation in force)' }
                : { zh: '（委托前）', en: ' (before a delegation)' };
          const by = tier ?? 'any';
          return {
            status: 'VIOLATED',
            checked: world.evaluated() - before,
            violation: {
              combination: [],
              situation: null,
              acts: [],
              rows: world.grants
                .filter((g) => g.action === need.action && g.subject === need.subject && (!tier || ROLE_TIER[g.role] === tier))
                .map((grant) => ({ grant, is: { zh: '该级相关规则', en: 'row of that tier for the action' } })),
              note: {
                zh: `步骤 ${need.step} 需要对 ${need.subject} 的 ${need.action} 操作，方案指定由 ${by} 级办理${mode.zh}，但该级没有任何角色在本辖区内获得此权限。`,
                en: `Step ${need.step} needs ${need.action} on ${need.subject} by the ${by} tier${mode.en}, as the plan names it, but no role of that tier is granted it in its own area.`,
              },
            },
          };
        }
      }
      return { status: 'HOLDS', checked: world.evaluated() - before };
    },
  };
}
