import type { Action, Localized, Scope, SubjectName } from './vocabulary';
import { Role } from './roles';
import { ENROLMENT_PAYEE_FIELDS, nonPersonalFields } from './subjects';

export type { Action, Localized, Scope, SubjectName } from './vocabulary';

/** A scope in words, as the matrix, explanations and refusals show it. */
export const SCOPE_WORDS: Record<Scope, Localized> = {
  village: { zh: '本村（社区）', en: 'own village' },
  township: { zh: '本乡镇（街道）', en: 'own township' },
  district: { zh: '本区', en: 'own district' },
  department: { zh: '本部门', en: 'own department' },
  self: { zh: '本人账号', en: 'own account' },
  province: { zh: '本省', en: 'own province' },
};

export interface Grant {
  role: Role;
  action: Action;
  subject: SubjectName;
  scope: Scope;
  /** Fields the grant covers; absent means every field, personal data included. */
  fields?: readonly string[];
  /** Extra equality conditions on top of the scope, with their meaning in words. The value
   * `'$accountId'` stands for the holder's account id (an array column matches when it contains it);
   * the key `$delegated: true` for "the row's township holds a delegation in force for the row's programme" (D§13). */
  when?: { conditions: Record<string, unknown>; text: Localized };
  /** An explicit denial that overrides grants (separation of duties). */
  inverted?: boolean;
  /** Plan clause (`P4.1`) or DOMAIN.md section (`D§2`) the row implements. */
  clause: string;
  /** One line in each language; also the message a refused caller sees, in the caller's language. */
  reason: Localized;
}

/** The scope at which a role's separation-of-duty denials apply: its own area. */
const ROLE_SCOPE: Partial<Record<Role, Scope>> = {
  [Role.VILLAGE_ASSISTANT]: 'village',
  [Role.TOWNSHIP_CASEWORKER]: 'township',
  [Role.COMMITTEE_MEMBER]: 'township',
  [Role.TOWNSHIP_HEAD]: 'township',
  [Role.DISTRICT_OFFICER]: 'district',
};

/** What staff related to an applicant may not do on that case, by the role that would do it (P6.3). */
const KIN_BARRED: Partial<Record<Role, Action[]>> = {
  [Role.VILLAGE_ASSISTANT]: ['appraise', 'assess'],
  [Role.TOWNSHIP_CASEWORKER]: ['investigate', 'appraise', 'assess', 'adopt', 'pay'],
  [Role.COMMITTEE_MEMBER]: ['vote', 'review', 'decide'],
  [Role.TOWNSHIP_HEAD]: ['decide', 'review', 'pay'],
  // Before a delegation the district decides (P5); a district officer who also holds a staff role may have declared kin.
  [Role.DISTRICT_OFFICER]: ['decide'],
};

/** What a committee member or head who investigated a case may not do on it (D§4): the deputy chair
 * stands in for a chair who recuses. */
const INVESTIGATOR_BARRED: Partial<Record<Role, Action[]>> = {
  [Role.COMMITTEE_MEMBER]: ['vote', 'review', 'decide'],
  [Role.TOWNSHIP_HEAD]: ['review', 'decide'],
};

/** The deputy chair of the case's committee, while the chair must recuse on it (D§4). */
const ACTING_CHAIR = {
  conditions: { actingChairIds: '$accountId' },
  text: { zh: '本人为组长回避案件的代理组长（副组长）', en: 'the holder is the deputy chair standing in for a recused chair' },
};

const {
  VILLAGE_ASSISTANT,
  TOWNSHIP_CASEWORKER,
  COMMITTEE_MEMBER,
  TOWNSHIP_HEAD,
  DISTRICT_OFFICER,
  FINANCE_OFFICER,
  AUDITOR,
  POVERTY_OFFICER,
  DEPARTMENT,
  ADMIN,
  PROVINCE_OPERATOR,
} = Role;

const g = (
  role: Role,
  action: Action,
  subject: SubjectName,
  scope: Scope,
  clause: string,
  en: string,
  zh: string,
  extra: Partial<Grant> = {},
): Grant => ({ role, action, subject, scope, clause, reason: { zh, en }, ...extra });

/** The condition of the rows a delegation in force covers (D§13), resolved per actor by the ability builder. */
const DELEGATED = {
  conditions: { $delegated: true },
  text: { zh: '该案所在乡镇（街道）已获得该救助类别的有效委托', en: "the case's township holds a delegation in force for its programme" },
};

const forAllRoles = (make: (role: Role) => Grant): Grant[] => Object.values(Role).map(make);

/** What finance may see of a household: the payee and where the money goes (P4.4). */
const PAYEE_FIELDS = ['id', 'districtCode', 'townshipCode', 'villageCode', 'headName', 'bankName', 'bankAccount'];

/**
 * The policy: every grant in the system. Nothing is allowed that is not here (deny by default).
 * `permissions/ability.ts` is its only reader; `docs/permission-matrix.md` is generated from it.
 */
// A table: one grant to a line or two, as reviewers read it (Prettier would spread each over several).
// prettier-ignore
export const POLICY: readonly Grant[] = [
  // ── Everyone signed in ─────────────────────────────────────────────────────────────────────
  ...forAllRoles((role) => g(role, 'read', 'Region', 'district', 'D§1', 'Every tier works with the places of its own district.',
    '各级人员都使用本区的行政区划。')),
  ...forAllRoles((role) => g(role, 'read', 'Account', 'self', 'D§2', 'Everyone may see their own account and roles.',
    '每个人都可以查看自己的账号和角色。')),
  ...forAllRoles((role) => g(role, 'explain', 'Account', 'self', 'P2.2', 'Everyone may ask why they may or may not do something.',
    '每个人都可以查询自己能否做某事及其原因。')),
  ...forAllRoles((role) => g(role, 'read', 'Policy', 'district', 'P2.2', 'The permission matrix is open to every account: who does what is public policy.',
    '权限矩阵对所有账号公开：谁做什么是公开的政策。')),

  // ── Village / community (P4.1) ─────────────────────────────────────────────────────────────
  g(VILLAGE_ASSISTANT, 'create', 'Household', 'village', 'P4.1', 'The village accepts applications and registers the household.',
    '村（社区）受理申请并登记家庭。'),
  g(VILLAGE_ASSISTANT, 'read', 'Household', 'village', 'P4.1', 'The village helps with the households of its own village.',
    '村（社区）协助办理本村（社区）家庭的事项。'),
  g(VILLAGE_ASSISTANT, 'update', 'Household', 'village', 'P4.1', 'The village keeps the application data of its own village up to date.',
    '村（社区）及时更新本村（社区）的申请信息。'),
  g(VILLAGE_ASSISTANT, 'read', 'Person', 'village', 'P4.1', 'The village helps with the households of its own village.',
    '村（社区）协助办理本村（社区）家庭的事项。'),
  g(VILLAGE_ASSISTANT, 'read', 'Case', 'village', 'P4.1', 'The village follows the cases of its own village.',
    '村（社区）跟进本村（社区）的案件。'),
  g(VILLAGE_ASSISTANT, 'read', 'CaseRecord', 'village', 'P4.1', 'The village follows the cases of its own village.',
    '村（社区）跟进本村（社区）的案件。'),

  // ── Township / street: caseworker (P4.2) ───────────────────────────────────────────────────
  g(TOWNSHIP_CASEWORKER, 'read', 'Account', 'township', 'P4.2', 'Township caseworkers assign investigations to the staff of their own township.',
    '乡镇民政经办人员为本乡镇（街道）工作人员分派调查任务。'),
  g(TOWNSHIP_CASEWORKER, 'create', 'Household', 'township', 'D§3', 'The township may also take an application itself.',
    '乡镇（街道）也可以直接受理申请。'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Household', 'township', 'P4.2', 'The township investigates and keeps the archives of its own households.',
    '乡镇（街道）对本乡镇（街道）的家庭开展调查并管理档案。'),
  g(TOWNSHIP_CASEWORKER, 'update', 'Household', 'township', 'P4.2', 'The township corrects household data found in investigation.',
    '乡镇（街道）更正入户调查中发现有误的家庭信息。'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Person', 'township', 'P4.2', 'The township investigates and keeps the archives of its own households.',
    '乡镇（街道）对本乡镇（街道）的家庭开展调查并管理档案。'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Case', 'township', 'P4.2', 'The township handles the cases of its own township.',
    '乡镇（街道）办理本乡镇（街道）的案件。'),
  g(TOWNSHIP_CASEWORKER, 'read', 'CaseRecord', 'township', 'P4.2', 'The township handles the cases of its own township.',
    '乡镇（街道）办理本乡镇（街道）的案件。'),

  // ── A payee's bank account: one account proposes a change, a second confirms it (D§10, D§14) ──
  g(VILLAGE_ASSISTANT, 'read', 'BankAccountChange', 'village', 'D§10', 'The village follows the bank account changes it proposes for its households.',
    '村（社区）查看本村家庭的银行账户变更及其确认情况。'),
  g(VILLAGE_ASSISTANT, 'create', 'BankAccountChange', 'village', 'D§10', 'The village proposes a change of an enrolled household\'s bank account; a second account must confirm it.',
    '村（社区）提出在保家庭银行账户的变更，须经另一账号确认后生效。'),
  g(TOWNSHIP_CASEWORKER, 'read', 'BankAccountChange', 'township', 'D§10', 'The township confirms the bank account changes of its own households.',
    '乡镇（街道）确认本乡镇（街道）家庭的银行账户变更。'),
  g(TOWNSHIP_CASEWORKER, 'create', 'BankAccountChange', 'township', 'D§10', 'The township proposes a change of an enrolled household\'s bank account; a second account must confirm it.',
    '乡镇（街道）提出在保家庭银行账户的变更，须经另一账号确认后生效。'),
  g(TOWNSHIP_CASEWORKER, 'confirm', 'BankAccountChange', 'township', 'D§10', 'A township caseworker confirms or rejects a bank account change another account proposed.',
    '乡镇（街道）经办人员确认或驳回他人提出的银行账户变更。'),
  g(TOWNSHIP_HEAD, 'read', 'BankAccountChange', 'township', 'D§10', 'The township head sees the bank account changes of the own township.',
    '乡镇（街道）主要负责人查看本乡镇（街道）的银行账户变更。'),
  g(DISTRICT_OFFICER, 'read', 'BankAccountChange', 'district', 'P4.3', 'The district supervises where payments go.',
    '区民政监督救助资金的发放去向。'),
  g(AUDITOR, 'read', 'BankAccountChange', 'district', 'P4.4', 'Audit reads who changed a payee\'s account, and who confirmed it.',
    '审计查看谁变更了领款人账户、由谁确认。'),
  ...forAllRoles((role) => g(role, 'confirm', 'BankAccountChange', 'district', 'D§14', 'No account confirms its own proposal: a bank account change needs a second account.',
    '任何账号都不能确认自己提出的银行账户变更：须经另一账号确认。',
    { inverted: true, when: { conditions: { proposedById: '$accountId' }, text: { zh: '本人提出的变更', en: 'changes it proposed itself' } } })),

  // ── Township: joint review committee member (P3.2) ─────────────────────────────────────────
  g(COMMITTEE_MEMBER, 'read', 'Household', 'township', 'P3.2', 'Committee members review the township\'s cases collectively; they see the situation, not identity numbers.',
    '联审联批成员集体评审本乡镇（街道）的案件；只看家庭情况，不看身份证号。',
    { fields: nonPersonalFields('Household') }),
  g(COMMITTEE_MEMBER, 'read', 'Person', 'township', 'P3.2', 'Committee members review the township\'s cases collectively; they see the situation, not identity numbers.',
    '联审联批成员集体评审本乡镇（街道）的案件；只看家庭情况，不看身份证号。',
    { fields: nonPersonalFields('Person') }),
  g(COMMITTEE_MEMBER, 'read', 'Case', 'township', 'P3.2', 'Committee members review the cases of their own township.',
    '联审联批成员审核本乡镇（街道）的案件。'),
  g(COMMITTEE_MEMBER, 'read', 'CaseRecord', 'township', 'P3.2', 'Committee members review the cases of their own township.',
    '联审联批成员审核本乡镇（街道）的案件。'),
  g(COMMITTEE_MEMBER, 'read', 'Account', 'township', 'P3.2', 'Committee members see who sits with them and who investigated the cases they review.',
    '联审联批成员知道同组成员及所审案件的调查人。'),

  // ── Township head: chairs the committee and signs decisions (P3.1, P3.2) ───────────────────
  g(TOWNSHIP_HEAD, 'read', 'Account', 'township', 'P3.2', 'The township head forms the committee from the staff of the own township.',
    '乡镇（街道）主要负责同志从本乡镇（街道）工作人员中组成联审联批小组。'),
  g(TOWNSHIP_HEAD, 'read', 'Household', 'township', 'P3.1', 'The township head signs decisions on the township\'s households.',
    '乡镇（街道）主要负责同志签发涉及本乡镇（街道）家庭的审批决定。'),
  g(TOWNSHIP_HEAD, 'read', 'Person', 'township', 'P3.1', 'The township head signs decisions on the township\'s households.',
    '乡镇（街道）主要负责同志签发涉及本乡镇（街道）家庭的审批决定。'),
  g(TOWNSHIP_HEAD, 'read', 'Case', 'township', 'P3.1', 'The township head signs decisions on the township\'s cases.',
    '乡镇（街道）主要负责同志签发本乡镇（街道）案件的审批决定。'),
  g(TOWNSHIP_HEAD, 'read', 'CaseRecord', 'township', 'P3.1', 'The township head signs decisions on the township\'s cases.',
    '乡镇（街道）主要负责同志签发本乡镇（街道）案件的审批决定。'),
  g(TOWNSHIP_HEAD, 'decide', 'Case', 'township', 'P3.1', 'A township decides only under a delegation from the district in force for the case\'s programme.',
    '乡镇（街道）须在区民政对该救助类别的委托生效后，方可行使审核确认权。',
    { when: DELEGATED }),

  // ── District civil affairs: supervises, never decides (P1, P4.3) ───────────────────────────
  g(DISTRICT_OFFICER, 'read', 'Account', 'district', 'P4.3', 'The district trains, guides and supervises the staff of its townships and villages.',
    '区民政对乡镇（街道）和村（社区）工作人员进行培训、指导和监督。'),
  g(DISTRICT_OFFICER, 'explain', 'Account', 'district', 'P4.3', 'The district supervises what every account of the district may do.',
    '区民政监督本区每个账号的权限。'),
  g(DISTRICT_OFFICER, 'read', 'Household', 'district', 'P4.3', 'The district spot-checks new households and investigates petitions.',
    '区民政对新申请家庭进行抽查，并调查信访事项。'),
  g(DISTRICT_OFFICER, 'read', 'Person', 'district', 'P4.3', 'The district spot-checks new households and investigates petitions.',
    '区民政对新申请家庭进行抽查，并调查信访事项。'),
  g(DISTRICT_OFFICER, 'read', 'Case', 'district', 'P4.3', 'The district supervises and spot-checks the cases of all its townships.',
    '区民政监督、抽查全区各乡镇（街道）的案件。'),
  g(DISTRICT_OFFICER, 'read', 'CaseRecord', 'district', 'P4.3', 'The district supervises and spot-checks the cases of all its townships.',
    '区民政监督、抽查全区各乡镇（街道）的案件。'),
  g(DISTRICT_OFFICER, 'read', 'AuditEntry', 'district', 'D§12', 'The district supervises through the audit log.',
    '区民政通过审计日志实施监督。'),
  g(DISTRICT_OFFICER, 'verify', 'AuditEntry', 'district', 'D§12', 'The district checks that its audit log has not been altered.',
    '区民政核验本区审计日志未被篡改。'),
  g(DISTRICT_OFFICER, 'decide', 'Case', 'district', 'P5', 'Until a township holds a delegation for a programme, the district itself decides its cases (pre-delegation mode).',
    '乡镇（街道）获得某救助类别的委托之前，由区民政对其案件作出审核确认（委托前模式）。'),
  g(DISTRICT_OFFICER, 'decide', 'Case', 'district', 'P1', 'Approval and supervision are separate: the district supervises and never approves or refuses a delegated township\'s case.',
    '审核确认与监督管理相分离：区民政只监督，不对已下放乡镇（街道）的案件作出确认或不予确认。',
    { inverted: true, when: DELEGATED }),

  // ── Delegations: the district entrusts the authority to decide (P3.1, P3.3, P5, D§13) ──────
  g(DISTRICT_OFFICER, 'create', 'Delegation', 'district', 'P3.1', 'The district entrusts a ready township with the authority to decide, programme by programme.',
    '区民政将审核确认权分类别委托给具备条件的乡镇（街道）。'),
  g(DISTRICT_OFFICER, 'revoke', 'Delegation', 'district', 'P3.3', 'The district takes back a delegation a township does not exercise properly.',
    '乡镇（街道）未能规范行使委托权限的，区民政收回委托。'),
  ...[DISTRICT_OFFICER, FINANCE_OFFICER, AUDITOR, POVERTY_OFFICER].map((role) =>
    g(role, 'read', 'Delegation', 'district', 'P5', 'Who holds the authority to decide is known to every district office.',
      '审核确认权的委托情况对区级各部门公开。')),
  ...[TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'Delegation', 'township', 'P3.1', 'Township staff see the delegations their township holds.',
      '乡镇（街道）工作人员查看本乡镇（街道）获得的委托。')),

  // ── Petitions and appeals: filed on a resident's behalf, handled by the district (P4.3, D§12) ─
  g(VILLAGE_ASSISTANT, 'create', 'Petition', 'village', 'D§12', "The village records a resident's petition or a refused applicant's appeal on their behalf.",
    '村（社区）代群众登记信访事项或被拒申请人的复核申请。'),
  g(TOWNSHIP_CASEWORKER, 'create', 'Petition', 'township', 'D§12', "The township records a resident's petition or a refused applicant's appeal on their behalf.",
    '乡镇（街道）代群众登记信访事项或被拒申请人的复核申请。'),
  g(DISTRICT_OFFICER, 'create', 'Petition', 'district', 'P4.3', 'The district records the petitions it receives by letter or visit.',
    '区民政登记来信来访的信访事项。'),
  g(DISTRICT_OFFICER, 'read', 'Petition', 'district', 'P4.3', 'The district investigates and handles petitions.',
    '区民政调查处理信访事项。'),
  ...(['assign', 'investigate', 'answer', 'share'] as const).map((action) =>
    g(DISTRICT_OFFICER, action, 'Petition', 'district', 'P4.3', 'The district assigns, investigates and answers petitions, and shares them with the township concerned.',
      '区民政交办、调查、答复信访事项，并转交所涉乡镇（街道）。')),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'Petition', 'township', 'D§12', 'A township sees a petition about itself once the district shares it, never who filed it.',
      '区民政转交后，乡镇（街道）可查看涉及本乡镇（街道）的信访事项，但看不到信访人。',
      { fields: nonPersonalFields('Petition'), when: { conditions: { sharedWithTownship: true },
        text: { zh: '区民政已转交本乡镇（街道）的信访事项', en: 'petitions the district shared with the township' } } })),
  // ── Township work plans, progress reports and year-end evaluations (P5.1–P5.3) ─────────────
  g(TOWNSHIP_HEAD, 'create', 'WorkPlan', 'township', 'P5.1', 'The township drafts its own work plan, progress reports and year-end evaluation.',
    '乡镇（街道）起草本乡镇（街道）的工作方案、进展报告和年度评估报告。'),
  g(TOWNSHIP_HEAD, 'update', 'WorkPlan', 'township', 'P5.1', 'The township revises its drafts and the documents the district returned.',
    '乡镇（街道）修改草稿及被区民政退回的文件。'),
  g(TOWNSHIP_HEAD, 'file', 'WorkPlan', 'township', 'P5.1', 'The township files its work plan, progress reports and evaluation with the district bureau.',
    '乡镇（街道）向区民政局报备工作方案、进展报告和评估报告。'),
  ...[TOWNSHIP_HEAD, TOWNSHIP_CASEWORKER].map((role) =>
    g(role, 'read', 'WorkPlan', 'township', 'P5.2', 'Township staff work to their own township\'s plan and report its progress.',
      '乡镇（街道）工作人员按本乡镇（街道）的工作方案开展工作并报告进展。')),
  g(DISTRICT_OFFICER, 'read', 'WorkPlan', 'district', 'P5.1', 'The district bureau receives every township\'s work plan, progress reports and evaluation.',
    '区民政局接收各乡镇（街道）的工作方案、进展报告和评估报告。'),
  g(DISTRICT_OFFICER, 'review', 'WorkPlan', 'district', 'P5.1', 'The district accepts a filed document or returns it with reasons.',
    '区民政对报备的文件予以接收，或说明理由予以退回。'),

  // ── Staffing (P6.2, D§11) and the district's figures (P4.2, P4.3) ──────────────────────────
  ...[DISTRICT_OFFICER, ADMIN].map((role) =>
    g(role, 'read', 'StaffingReport', 'district', 'P6.2', 'The district sees whether every township has the civil-affairs staff and every village the assistant the plan requires.',
      '区级掌握各乡镇（街道）民政工作人员和各村（社区）协理员是否按要求配备。')),
  g(TOWNSHIP_HEAD, 'read', 'StaffingReport', 'township', 'P6.2', 'The township head sees whether the own township is staffed as the plan requires.',
    '乡镇（街道）主要负责同志查看本乡镇（街道）人员配备是否达标。'),
  g(DISTRICT_OFFICER, 'read', 'Statistics', 'district', 'P4.3', 'The district supervises every township through its figures.',
    '区民政通过统计数据监督各乡镇（街道）。'),
  ...[TOWNSHIP_HEAD, TOWNSHIP_CASEWORKER].map((role) =>
    g(role, 'read', 'Statistics', 'township', 'P4.2', 'The township keeps the statistics of its own cases and recipients.',
      '乡镇（街道）负责本乡镇（街道）案件和救助对象的统计报表。')),
  g(DISTRICT_OFFICER, 'supervise', 'Case', 'district', 'P4.3', 'The district checks every past decision against the authority in force on its date.',
    '区民政对照决定当日有效的委托，检查每一项已作出的审核确认决定。'),
  g(AUDITOR, 'supervise', 'Case', 'district', 'D§13', 'Audit checks whether each decision behind a payment was made by the authority of its date.',
    '审计部门核查每笔发放背后的决定是否由当日有权机关作出。'),

  // ── Finance (P4.4): payees and amounts, not household detail ───────────────────────────────
  g(FINANCE_OFFICER, 'read', 'Household', 'district', 'P4.4', 'Finance pays the payee: it sees the name and bank account, not the household\'s situation.',
    '财政部门向领款人支付：只看姓名和银行账户，不看家庭情况。',
    { fields: PAYEE_FIELDS, when: { conditions: { activeEnrolment: true },
      text: { zh: '正在领取救助的家庭', en: 'households paid by an active enrolment' } } }),

  // ── Audit (P4.4): read-only funds, decisions and the audit log, plus its own findings ──────
  g(AUDITOR, 'read', 'Account', 'district', 'P4.4', 'Audit needs to know who acted on the funds and decisions it audits.',
    '审计部门需要知道谁经办了所审计的资金和审批事项。'),
  g(AUDITOR, 'explain', 'Account', 'district', 'P4.4', 'Audit asks what each account may do, and why.',
    '审计部门可查询每个账号能做什么及其依据。'),
  g(AUDITOR, 'viewAs', 'Account', 'district', 'P4.4', 'Audit looks at the API, read-only and for a limited time, exactly as an account of the district sees it.',
    '审计可在限定时间内以只读方式、按本区某一账号所见查看接口。'),
  g(AUDITOR, 'viewAs', 'Account', 'self', 'D§12', 'Looking at the API as oneself would only hide who looked: it is refused.',
    '以本人视角查看只会掩盖查看人，不予允许。', { inverted: true }),
  g(AUDITOR, 'read', 'Case', 'district', 'P4.4', 'Audit reads the decisions behind every payment.',
    '审计部门查看每笔发放背后的审批决定。'),
  g(AUDITOR, 'read', 'CaseRecord', 'district', 'P4.4', 'Audit reads who decided what, and when.',
    '审计部门查看谁在何时作出了什么决定。'),
  g(AUDITOR, 'read', 'Household', 'district', 'P4.4', 'Audit checks payees against decisions, without personal detail.',
    '审计部门对照审批结果核查领款人，不看个人敏感信息。',
    { fields: nonPersonalFields('Household') }),
  g(AUDITOR, 'read', 'AuditEntry', 'district', 'P4.4', 'Audit reads the whole audit log of the district.',
    '审计部门查看全区的审计日志。'),
  g(AUDITOR, 'verify', 'AuditEntry', 'district', 'P4.4', 'Audit checks that the audit log of the district has not been altered.',
    '审计部门核验全区审计日志未被篡改。'),

  // ── Poverty alleviation (P4.4): rural DIBAO recipients with a member able to work ──────────
  g(POVERTY_OFFICER, 'read', 'Household', 'district', 'P4.4', 'Poverty alleviation links development support with rural DIBAO households able to work.',
    '扶贫部门为有劳动能力的农村低保家庭衔接发展帮扶。',
    { fields: nonPersonalFields('Household'), when: { conditions: { activeDibaoEnrolment: true, residence: 'RURAL', hasMemberAbleToWork: true },
      text: { zh: '有劳动能力成员的农村在保低保家庭', en: 'rural households paid DIBAO with a member able to work' } } }),

  // ── Department integrations (P4.3, P4.4) ───────────────────────────────────────────────────
  g(DEPARTMENT, 'read', 'ApiKey', 'self', 'P4.4', 'A department integration may list its own keys (never their secrets).',
    '部门接口账号可以查看自己的接口密钥（看不到密钥本身）。'),
  g(DEPARTMENT, 'create', 'ApiKey', 'self', 'D§14', 'A department creates its own integration key; the secret is shown once, to it alone.',
    '部门接口账号自行创建接口密钥，密钥只向其本人显示一次。'),

  // ── Administrator: accounts, places, keys; no case data (D§2) ──────────────────────────────
  g(ADMIN, 'read', 'Account', 'district', 'D§2', 'The administrator manages the accounts of the own district.',
    '系统管理员管理本区的账号。'),
  g(ADMIN, 'create', 'Account', 'district', 'D§2', 'The administrator creates the accounts of the own district.',
    '系统管理员为本区创建账号。'),
  g(ADMIN, 'update', 'Account', 'district', 'D§2', 'The administrator maintains the accounts of the own district.',
    '系统管理员维护本区的账号。'),
  g(ADMIN, 'explain', 'Account', 'district', 'D§2', 'The administrator checks what the accounts of the district may do.',
    '系统管理员核查本区各账号的权限。'),
  g(ADMIN, 'create', 'Region', 'district', 'D§1', 'The administrator keeps the register of places of the own district.',
    '系统管理员维护本区的行政区划名录。'),
  g(ADMIN, 'update', 'Region', 'district', 'D§1', 'The administrator keeps the register of places of the own district.',
    '系统管理员维护本区的行政区划名录。'),
  g(ADMIN, 'read', 'ApiKey', 'district', 'D§14', 'The administrator lists the keys of department integrations, never their secrets.',
    '系统管理员查看部门接口的密钥记录，看不到密钥本身。'),
  g(ADMIN, 'revoke', 'ApiKey', 'district', 'P4.4', 'The administrator withdraws keys of department integrations.',
    '系统管理员吊销部门接口的密钥。'),
  g(ADMIN, 'read', 'AuditEntry', 'self', 'D§12', 'The administrator sees the audit trail of the own actions.',
    '系统管理员查看自己操作的审计记录。'),

  // ── Province: a tenant of tenants (D§1, D§14; issue #15) ────────────────────────────────────
  // The plan is a district's and has no province clause: these rows rest on D§1 (the district is the
  // tenant, so the province stands above the tenants and inside none) and D§14 (no power is created
  // alone). The province operator creates districts and sees none of their data.
  g(PROVINCE_OPERATOR, 'read', 'Region', 'province', 'D§1', 'The province sees which districts it has, not what is inside them.',
    '省级只查看本省有哪些区，不查看区内情况。',
    { when: { conditions: { level: 'DISTRICT' }, text: { zh: '区级区划', en: 'places at district level' } } }),
  g(PROVINCE_OPERATOR, 'read', 'Account', 'district', 'D§14', 'Province operators see one another: who proposed a district and who confirmed it.',
    '省级操作员相互可见：谁提议、谁确认了新设区。'),
  g(PROVINCE_OPERATOR, 'read', 'DistrictProposal', 'province', 'D§14', 'Province operators see the proposals to create districts of their province.',
    '省级操作员查看本省新设区的提议。'),
  g(PROVINCE_OPERATOR, 'create', 'DistrictProposal', 'province', 'D§1', 'A province operator proposes a new district with its first administrator and settings.',
    '省级操作员提议新设区，并提出其首个系统管理员和初始设置。'),
  g(PROVINCE_OPERATOR, 'confirm', 'DistrictProposal', 'province', 'D§14', 'A second province operator confirms a proposed district; only then does it exist.',
    '新设区须经另一名省级操作员确认后方才生效。'),
  g(PROVINCE_OPERATOR, 'reject', 'DistrictProposal', 'province', 'D§14', 'A second province operator may turn a proposed district down.',
    '另一名省级操作员可以否决新设区的提议。'),
  ...(['confirm', 'reject'] as const).map((action) =>
    g(PROVINCE_OPERATOR, action, 'DistrictProposal', 'province', 'D§14', 'No operator decides its own proposal: a district takes two province operators.',
      '省级操作员不得决定本人的提议：新设区须经两名省级操作员。',
      { inverted: true, when: { conditions: { proposedById: '$accountId' }, text: { zh: '本人提出的提议', en: 'proposals it made itself' } } })),

  // ── Role grants: every power is a record, and no account creates one alone (D§14) ──────────
  ...forAllRoles((role) => g(role, 'read', 'RoleGrant', 'self', 'D§14', 'Everyone may see the grants of their own roles and who made them.',
    '每个人都可以查看授予自己角色的记录及其授予人。')),
  g(ADMIN, 'read', 'RoleGrant', 'district', 'D§14', 'The administrator proposes the role grants of the own district and follows them.',
    '系统管理员提议并跟踪本区的角色授予。'),
  g(ADMIN, 'create', 'RoleGrant', 'district', 'D§14', 'The administrator proposes role grants; a second account must confirm each.',
    '系统管理员提议角色授予，每项须由另一账号确认。'),
  g(ADMIN, 'confirm', 'RoleGrant', 'district', 'D§14', 'The administrator confirms a township or village role the township head proposed.',
    '系统管理员确认乡镇主要负责人提议的乡镇、村级角色。',
    { when: { conditions: { districtTier: false, proposedAs: TOWNSHIP_HEAD }, text: { zh: '乡镇主要负责人提议的乡镇、村级角色', en: 'township and village roles the township head proposed' } } }),
  g(ADMIN, 'revoke', 'RoleGrant', 'district', 'D§14', 'The administrator withdraws role grants of the own district.',
    '系统管理员撤销本区的角色授予。'),
  g(TOWNSHIP_HEAD, 'read', 'RoleGrant', 'township', 'D§14', 'The township head proposes and confirms the township and village roles of the own township.',
    '乡镇主要负责人提议并确认本乡镇的乡镇、村级角色。'),
  g(TOWNSHIP_HEAD, 'create', 'RoleGrant', 'township', 'D§14', 'The township head proposes township and village roles; the administrator confirms them.',
    '乡镇主要负责人提议乡镇、村级角色，由系统管理员确认。'),
  g(TOWNSHIP_HEAD, 'confirm', 'RoleGrant', 'township', 'D§14', 'The township head confirms a township or village role the administrator proposed.',
    '乡镇主要负责人确认系统管理员提议的乡镇、村级角色。',
    { when: { conditions: { proposedAs: ADMIN }, text: { zh: '系统管理员提议的角色', en: 'roles the administrator proposed' } } }),
  g(TOWNSHIP_HEAD, 'revoke', 'RoleGrant', 'township', 'D§14', 'The township head withdraws township and village roles of the own township.',
    '乡镇主要负责人撤销本乡镇的乡镇、村级角色。'),
  g(DISTRICT_OFFICER, 'read', 'RoleGrant', 'district', 'D§14', 'The district confirms district-tier roles and supervises every grant of the district.',
    '区民政确认区级角色，并监督本区的所有角色授予。'),
  g(DISTRICT_OFFICER, 'confirm', 'RoleGrant', 'district', 'D§14', 'A district officer confirms a district-tier role (for a district officer, a second one).',
    '区级角色须由区民政确认（区民政角色须由另一名区民政确认）。',
    { when: { conditions: { districtTier: true }, text: { zh: '区级角色', en: 'district-tier roles' } } }),
  g(DISTRICT_OFFICER, 'revoke', 'RoleGrant', 'district', 'D§14', 'The district withdraws role grants of the own district.',
    '区民政撤销本区的角色授予。'),
  g(AUDITOR, 'read', 'RoleGrant', 'district', 'D§14', 'Audit reads who held which power, when, and on whose grant.',
    '审计查看谁在何时凭谁的授予拥有何种权限。'),
  ...forAllRoles((role) => g(role, 'create', 'RoleGrant', 'self', 'D§14', 'No account proposes a role for itself.',
    '任何账号都不能为自己提议角色。', { inverted: true })),
  ...forAllRoles((role) => g(role, 'confirm', 'RoleGrant', 'self', 'D§14', 'No account confirms a role for itself.',
    '任何账号都不能确认授予自己的角色。', { inverted: true })),
  ...forAllRoles((role) => g(role, 'confirm', 'RoleGrant', 'district', 'D§14', 'No account confirms its own proposal: a grant needs a second account.',
    '任何账号都不能确认自己的提议：授予须经另一账号确认。',
    { inverted: true, when: { conditions: { proposedById: '$accountId' }, text: { zh: '本人提议的授予', en: 'grants it proposed itself' } } })),

  // ── The case workflow (D§3–§8) ─────────────────────────────────────────────────────────────
  ...forAllRoles((role) => g(role, 'read', 'Settings', 'district', 'D§3', 'Deadlines and standards of the district are known to all its staff.',
    '本区的办理时限和救助标准对全区工作人员公开。')),
  g(DISTRICT_OFFICER, 'update', 'Settings', 'district', 'P4.3', 'The district sets policy: deadlines, standards and limits left to it.',
    '区民政制定由区确定的时限、标准和限额。'),
  g(DISTRICT_OFFICER, 'update', 'DistrictCatalogue', 'district', 'D§7', 'The district keeps the lists it works from: the departments its verifications ask and what each answers, and the categories of temporary-assistance causes.',
    '区民政维护本区的工作目录：核对所涉部门及各部门核对事项，以及临时救助事由类别。'),

  g(VILLAGE_ASSISTANT, 'submit', 'Case', 'village', 'P4.1', 'The village accepts applications and supplies missing materials.',
    '村（社区）受理申请，并补正所缺材料。'),
  g(TOWNSHIP_CASEWORKER, 'submit', 'Case', 'township', 'D§3', 'The township may also take an application itself.',
    '乡镇（街道）也可以直接受理申请。'),
  g(TOWNSHIP_CASEWORKER, 'accept', 'Case', 'township', 'D§3', 'The township accepts an application, lists missing materials once, or refuses it in writing.',
    '乡镇（街道）受理申请，一次性告知需补正的材料，或书面说明不予受理的理由。'),
  g(TOWNSHIP_CASEWORKER, 'investigate', 'Case', 'township', 'P4.2', 'The township investigates the household and prepares the case for review.',
    '乡镇（街道）入户调查，并准备提交审核的案件。'),
  g(TOWNSHIP_CASEWORKER, 'assess', 'Case', 'township', 'P4.2', 'The township does the income accounting and the self-care assessment.',
    '乡镇（街道）进行收入核算和生活自理能力评估。'),
  g(VILLAGE_ASSISTANT, 'assess', 'Case', 'village', 'P4.1', 'The village assists with income accounting: it may prepare a draft, which sets no amount until the township adopts it.',
    '村（社区）协助进行收入核算：可起草核算，经乡镇（街道）采纳后方确定救助金额。'),
  g(TOWNSHIP_CASEWORKER, 'adopt', 'Case', 'township', 'D§8', "The township's income accounting is the authoritative one: it adopts the village's draft, with changes or without, or records its own.",
    '乡镇（街道）的收入核算为准：采纳（可修改）村（社区）起草的核算，或自行核算。'),
  g(VILLAGE_ASSISTANT, 'appraise', 'Case', 'village', 'P4.1', 'The village runs the democratic appraisal when there is an objection or doubt.',
    '有异议或疑问时，村（社区）组织民主评议。'),
  g(TOWNSHIP_CASEWORKER, 'appraise', 'Case', 'township', 'P4.2', 'The township runs the democratic appraisal when there is an objection or doubt.',
    '有异议或疑问时，乡镇（街道）组织民主评议。'),
  g(VILLAGE_ASSISTANT, 'notice', 'Case', 'village', 'P4.1', 'The village posts public notices and records objections to them.',
    '村（社区）张贴公示并登记对公示的异议。'),
  g(TOWNSHIP_CASEWORKER, 'notice', 'Case', 'township', 'P4.2', 'The township publishes notices and handles objections.',
    '乡镇（街道）发布公示并处理异议。'),
  g(COMMITTEE_MEMBER, 'vote', 'Case', 'township', 'P3.2', 'Committee members review the township\'s cases collectively and vote.',
    '联审联批成员集体评审本乡镇（街道）的案件并表决。'),
  g(TOWNSHIP_HEAD, 'review', 'Case', 'township', 'P3.2', 'The township head chairs the committee and concludes its review.',
    '乡镇（街道）主要负责同志任联审联批小组组长，主持审核并作出结论。'),
  g(VILLAGE_ASSISTANT, 'deliver', 'Case', 'village', 'P4.1', 'The village delivers the written decision and records it.',
    '村（社区）送达书面决定并登记。'),
  g(TOWNSHIP_CASEWORKER, 'file', 'Case', 'township', 'P3.1', 'The township aggregates its approval results and files them with the district.',
    '乡镇（街道）汇总审批结果，报区民政备案。'),
  g(TOWNSHIP_CASEWORKER, 'pay', 'Case', 'township', 'D§6', 'A township caseworker records the payment of temporary assistance once it is approved, or once the head decided to pay first in an emergency.',
    '乡镇（街道）经办人登记临时救助的发放：须已批准，或急难情形下已由主要负责人决定先行救助。'),
  ...forAllRoles((role) => g(role, 'pay', 'Case', 'district', 'D§6', 'The one who decides a case does not also pay it: a second account records the payment.',
    '作出审批决定的人不办理该案的发放：发放由另一账号登记。',
    { inverted: true, when: { conditions: { decidedById: '$accountId' }, text: { zh: '本人作出了该案的审批决定', en: 'the holder decided the case' } } })),
  g(DISTRICT_OFFICER, 'spotCheck', 'Case', 'district', 'P4.3', 'The district spot-checks new DIBAO and TEKUN households.',
    '区民政对新纳入的低保、特困家庭进行监督抽查。'),
  g(DISTRICT_OFFICER, 'create', 'SpotCheckDraw', 'district', 'P4.3', 'The district draws its spot-check sample when it chooses, from a seed nobody knows before.',
    '区民政自行确定时间抽签确定抽查样本，抽签前任何人无从预知。'),
  g(DISTRICT_OFFICER, 'read', 'SpotCheckDraw', 'district', 'P4.3', 'The district keeps its draws so that each sample can be replayed from its record.',
    '区民政保存抽签记录，每次抽查样本均可据记录复现。'),
  g(AUDITOR, 'read', 'SpotCheckDraw', 'district', 'D§12', 'Audit can replay every draw to see that the sample was not chosen by hand.',
    '审计部门可据记录复现每次抽签，核实样本并非人为挑选。'),
  g(DISTRICT_OFFICER, 'confirm', 'Case', 'district', 'D§6', 'Temporary assistance above the township limit is confirmed by the district.',
    '超过乡镇（街道）审批限额的临时救助由区民政确认。'),

  ...(Object.entries(KIN_BARRED) as [Role, Action[]][]).flatMap(([role, actions]) =>
    actions.map((action) => g(role, action, 'Case', ROLE_SCOPE[role]!, 'P6.3',
      'No favour cases: staff related to the applicant\'s household take no part in investigating, assessing, appraising, voting on, deciding or paying it.',
      '杜绝“人情保”：与申请家庭有近亲属关系的工作人员，不参与本案的调查、核算评估、民主评议、表决、审批和发放。',
      { inverted: true, when: { conditions: { kinStaffIds: '$accountId' },
        text: { zh: '本人已将该户成员备案为近亲属', en: 'the holder declared a member of the household as close kin' } } }))),
  ...(Object.entries(INVESTIGATOR_BARRED) as [Role, Action[]][]).flatMap(([role, actions]) =>
    actions.map((action) => g(role, action, 'Case', ROLE_SCOPE[role]!, 'D§4', 'A member who investigated the case recuses from voting on, chairing and signing it.',
      '参与过本案入户调查的成员，在本案表决、主持审核和签发时回避。',
      { inverted: true, when: { conditions: { investigatorIds: '$accountId' }, text: { zh: '本人参与过本案入户调查', en: 'the holder investigated the case' } } }))),
  g(COMMITTEE_MEMBER, 'review', 'Case', 'township', 'D§4', 'When the chair must recuse on a case, the deputy chair chairs its review, so that no case is left undecidable.',
    '组长须回避的案件，由副组长主持审核，不使任何案件因回避而无法审批。', { when: ACTING_CHAIR }),
  // Standing in for the head, the deputy signs only what the head could: under a delegation in force (D§13).
  g(COMMITTEE_MEMBER, 'decide', 'Case', 'township', 'D§4', 'When the chair must recuse on a case, the deputy chair signs its decision, so that no case is left undecidable.',
    '组长须回避的案件，由副组长签发审批决定，不使任何案件因回避而无法审批。', {
      when: {
        conditions: { ...ACTING_CHAIR.conditions, ...DELEGATED.conditions },
        text: { zh: `${ACTING_CHAIR.text.zh}，且${DELEGATED.text.zh}`, en: `${ACTING_CHAIR.text.en}, and ${DELEGATED.text.en}` },
      },
    }),

  g(VILLAGE_ASSISTANT, 'read', 'Enrolment', 'village', 'P4.1', 'The village assists with the dynamic management of its recipients.',
    '村（社区）协助对本村（社区）救助对象实施动态管理。'),
  g(TOWNSHIP_CASEWORKER, 'read', 'Enrolment', 'township', 'P4.2', 'The township keeps the recipient archives and manages them dynamically.',
    '乡镇（街道）管理救助对象档案，实施动态管理。'),
  g(TOWNSHIP_HEAD, 'read', 'Enrolment', 'township', 'P3.1', 'The township head answers for the township\'s recipients.',
    '乡镇（街道）主要负责同志对本乡镇（街道）的救助对象负责。'),
  g(DISTRICT_OFFICER, 'read', 'Enrolment', 'district', 'P4.3', 'The district requests funds for, and supervises, all recipients.',
    '区民政为全部救助对象申请资金并实施监督。'),
  g(FINANCE_OFFICER, 'read', 'Enrolment', 'district', 'P4.4', 'Finance allocates funds: it sees programmes, payees and amounts.',
    '财政部门拨付资金：可看到救助项目、领款人和金额。',
    { fields: ENROLMENT_PAYEE_FIELDS }),
  g(AUDITOR, 'read', 'Enrolment', 'district', 'P4.4', 'Audit checks how assistance funds are used and paid.',
    '审计部门审计救助资金的使用和发放情况。'),
  g(POVERTY_OFFICER, 'read', 'Enrolment', 'district', 'P4.4', 'Poverty alleviation links development support with rural DIBAO households able to work.',
    '扶贫部门为有劳动能力的农村低保家庭衔接发展帮扶。',
    { when: { conditions: { programme: 'DIBAO', residence: 'RURAL', hasMemberAbleToWork: true },
      text: { zh: '有劳动能力成员的农村低保家庭', en: 'rural DIBAO households with a member able to work' } } }),

  // ── Dynamic management: periodic review, change reports, the history of a benefit (P2.3, D§9) ──
  g(VILLAGE_ASSISTANT, 'read', 'EnrolmentReview', 'village', 'P4.1', 'The village assists with the reviews of its recipients and sees which are due.',
    '村（社区）协助对本村（社区）救助对象开展复核，掌握应复核对象。'),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'EnrolmentReview', 'township', 'P2.3', 'The township re-reviews its recipients by category and keeps the reviews.',
      '乡镇（街道）对本乡镇（街道）救助对象分类复核，并保存复核记录。')),
  g(DISTRICT_OFFICER, 'read', 'EnrolmentReview', 'district', 'P4.3', 'The district supervises the townships\' reviews; it does not record them.',
    '区民政监督各乡镇（街道）的复核工作，不代为复核。'),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'review', 'Enrolment', 'township', 'D§9', 'The township reviews its recipients and keeps, raises, lowers or ends the benefit.',
      '乡镇（街道）复核本乡镇（街道）救助对象，决定维持、提高、降低或停止救助。')),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'reclassify', 'Enrolment', 'township', 'D§9', 'The township sets how often its recipients are reviewed and may change a class with a reason.',
      '乡镇（街道）确定本乡镇（街道）救助对象的核查频次，可说明理由调整分类。')),
  g(VILLAGE_ASSISTANT, 'read', 'EnrolmentChange', 'village', 'P4.1', 'The village follows the history of its recipients\' benefits.',
    '村（社区）了解本村（社区）救助对象的救助变动情况。'),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'EnrolmentChange', 'township', 'P2.3', 'Recipients enter and leave and benefits go up and down: the township keeps the history.',
      '救助对象有进有出、补助水平有升有降：乡镇（街道）保存变动记录。')),
  ...[DISTRICT_OFFICER, AUDITOR].map((role) =>
    g(role, 'read', 'EnrolmentChange', 'district', 'P4.3', 'The district and audit follow how each benefit changed, month by month.',
      '区民政和审计部门掌握每项救助逐月的变动情况。')),
  g(VILLAGE_ASSISTANT, 'create', 'ChangeReport', 'village', 'P4.1', 'The village records the changes its recipients report.',
    '村（社区）登记本村（社区）救助对象报告的家庭变化情况。'),
  g(TOWNSHIP_CASEWORKER, 'create', 'ChangeReport', 'township', 'P4.2', 'The township records the changes its recipients report.',
    '乡镇（街道）登记本乡镇（街道）救助对象报告的家庭变化情况。'),
  g(VILLAGE_ASSISTANT, 'read', 'ChangeReport', 'village', 'P4.1', 'The village sees the changes reported in its own village.',
    '村（社区）查看本村（社区）报告的家庭变化情况。'),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'ChangeReport', 'township', 'P2.3', 'The township reviews the changes its recipients report.',
      '乡镇（街道）根据救助对象报告的变化情况进行复核。')),
  g(DISTRICT_OFFICER, 'read', 'ChangeReport', 'district', 'P4.3', 'The district supervises dynamic management.',
    '区民政监督动态管理工作。'),

  g(TOWNSHIP_HEAD, 'create', 'Committee', 'township', 'P5.1', 'The township forms its joint review committee: the head records its members, their seats and the deputy chair.',
    '乡镇（街道）组建联审联批小组：由主要负责同志登记成员、职责和副组长。'),
  g(TOWNSHIP_HEAD, 'update', 'Committee', 'township', 'P3.2', 'The township head keeps the committee\'s membership; changes end and start memberships, never erase them.',
    '乡镇（街道）主要负责同志调整联审联批小组成员；调整只终止或新增任职，不删除记录。'),
  ...[TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'Committee', 'township', 'P3.2', 'Township staff see their own township\'s committee.',
      '乡镇（街道）工作人员查看本乡镇（街道）的联审联批小组。')),
  ...[DISTRICT_OFFICER, AUDITOR].map((role) => g(role, 'read', 'Committee', 'district', 'P3.3', 'The district supervises every township\'s committee.',
    '区民政监督各乡镇（街道）的联审联批小组。')),
  ...[TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'Meeting', 'township', 'P3.2', 'Township staff see their own committee\'s meetings.',
      '乡镇（街道）工作人员查看本乡镇（街道）联审联批小组的会议。')),
  ...[DISTRICT_OFFICER, AUDITOR].map((role) => g(role, 'read', 'Meeting', 'district', 'P3.3', 'The district supervises every committee\'s meetings.',
    '区民政监督各联审联批小组的会议。')),
  ...[COMMITTEE_MEMBER, TOWNSHIP_HEAD, TOWNSHIP_CASEWORKER].map((role) =>
    g(role, 'read', 'CommitteeVote', 'township', 'P3.2', 'The committee\'s votes, dissent included, are known to the township that prepares and answers for its decisions.',
      '联审联批表决情况（含不同意见）供本乡镇（街道）准备和落实审核决定时查看。')),
  ...[DISTRICT_OFFICER, AUDITOR].map((role) => g(role, 'read', 'CommitteeVote', 'district', 'P3.3', 'The district supervises how every committee voted.',
    '区民政监督各联审联批小组的表决情况。')),
  g(TOWNSHIP_CASEWORKER, 'create', 'Meeting', 'township', 'P4.2', 'The township caseworker prepares the committee\'s agenda.',
    '乡镇民政经办人员准备联审联批会议议程。'),
  g(TOWNSHIP_CASEWORKER, 'update', 'Meeting', 'township', 'P4.2', 'The township caseworker records the meeting\'s agenda and attendance.',
    '乡镇民政经办人员登记会议议程和出席情况。'),
  g(TOWNSHIP_HEAD, 'update', 'Meeting', 'township', 'P3.2', 'The chair records the meeting\'s attendance.',
    '组长登记会议出席情况。'),

  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'VerificationRequest', 'township', 'P4.2', 'The township requests economic-status verification for its cases.',
      '乡镇（街道）为本乡镇（街道）的案件申请家庭经济状况核对。')),
  g(DISTRICT_OFFICER, 'read', 'VerificationRequest', 'district', 'P4.3', 'The district approves verifications in the verification system.',
    '区民政在核对系统中审批核对事项。'),
  g(DISTRICT_OFFICER, 'verify', 'VerificationRequest', 'district', 'P4.3', 'The district approves verification requests and the combined report.',
    '区民政审批核对申请和汇总的核对报告。'),
  g(AUDITOR, 'read', 'VerificationRequest', 'district', 'P4.4', 'Audit reads the grounds of decisions.',
    '审计部门查看审批决定的依据。'),
  g(DISTRICT_OFFICER, 'read', 'VerificationAnswer', 'district', 'P4.3', 'The district reads the departments\' answers to approve the report.',
    '区民政查看各部门的核对答复，以审批核对报告。'),
  g(DEPARTMENT, 'read', 'VerificationAnswer', 'department', 'P4.4', 'A department sees only the verification requests addressed to it.',
    '部门只能看到发给本部门的核对请求。'),
  g(DEPARTMENT, 'answer', 'VerificationAnswer', 'department', 'P4.4', 'A department answers the verification requests addressed to it.',
    '部门答复发给本部门的核对请求。'),

  ...[VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COMMITTEE_MEMBER, TOWNSHIP_HEAD].flatMap((role) => [
    g(role, 'create', 'KinDeclaration', 'self', 'P6.3', 'Staff declare their close relatives so that favour cases are caught.',
      '工作人员备案近亲属，以便发现“人情保”“关系保”。'),
    g(role, 'read', 'KinDeclaration', 'self', 'P6.3', 'Staff see their own kin declarations.',
      '工作人员查看自己的近亲属备案。'),
    g(role, 'revoke', 'KinDeclaration', 'self', 'P6.3', 'Staff withdraw their own kin declarations; the withdrawal is recorded, never a delete.',
      '工作人员可撤回自己的近亲属备案；撤回留有记录，不删除。'),
  ]),
  g(DISTRICT_OFFICER, 'read', 'KinDeclaration', 'district', 'P6.3', 'The district oversees kin-registered cases.',
    '区民政监督近亲属备案的案件。'),

  // ── What audit and poverty alleviation add of their own (P4.4) ────────────────────────────
  g(AUDITOR, 'create', 'AuditFinding', 'district', 'P4.4', 'Audit records its findings on how assistance funds are used and paid.',
    '审计部门登记救助资金使用和发放方面的审计发现。'),
  g(AUDITOR, 'read', 'AuditFinding', 'district', 'P4.4', 'Audit reads its findings.',
    '审计部门查看自己的审计发现。'),
  g(DISTRICT_OFFICER, 'read', 'AuditFinding', 'district', 'P4.3', 'The district acts on audit findings about its townships.',
    '区民政处理涉及本区乡镇（街道）的审计发现。'),
  g(POVERTY_OFFICER, 'create', 'DevelopmentLink', 'district', 'P4.4', 'Poverty alleviation links development policy with rural DIBAO households able to work.',
    '扶贫部门将扶贫开发政策与有劳动能力的农村低保家庭相衔接。'),
  g(POVERTY_OFFICER, 'read', 'DevelopmentLink', 'district', 'P4.4', 'Poverty alleviation follows the support it linked.',
    '扶贫部门跟踪其衔接的帮扶措施。'),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].map((role) =>
    g(role, 'read', 'DevelopmentLink', 'township', 'P4.2', 'The township\'s dynamic management takes the support into account.',
      '乡镇（街道）在动态管理中考虑已衔接的帮扶措施。')),
  g(DISTRICT_OFFICER, 'read', 'DevelopmentLink', 'district', 'P4.3', 'The district supervises how assistance links with other schemes.',
    '区民政监督社会救助与其他保障制度的衔接。'),

  // ── Funds: roster, fund request, payment, reconciliation (P4.3, P4.4, D§10) ───────────────
  g(TOWNSHIP_CASEWORKER, 'create', 'Roster', 'township', 'D§10', 'The township builds its monthly roster from its active recipients.',
    '乡镇（街道）根据本乡镇（街道）在保对象生成月度发放花名册。'),
  g(TOWNSHIP_HEAD, 'submit', 'Roster', 'township', 'P3.1', 'The township head answers for the roster and submits it to the district; it is frozen from then on.',
    '乡镇（街道）主要负责同志对花名册负责并报送区民政，报送后不可更改。'),
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].flatMap((role) => [
    g(role, 'read', 'Roster', 'township', 'D§10', 'Township staff see their own township\'s rosters.',
      '乡镇（街道）工作人员查看本乡镇（街道）的花名册。'),
    g(role, 'read', 'RosterLine', 'township', 'D§10', 'Township staff see their own township\'s rosters.',
      '乡镇（街道）工作人员查看本乡镇（街道）的花名册。'),
    g(role, 'read', 'Payment', 'township', 'D§10', 'Township staff follow the payments to their own recipients.',
      '乡镇（街道）工作人员跟踪本乡镇（街道）救助对象的发放情况。'),
  ]),
  g(VILLAGE_ASSISTANT, 'read', 'Payment', 'village', 'P4.1', 'The village sees whether its recipients were paid, not their accounts.',
    '村（社区）查看本村（社区）救助对象是否已到账，不看银行账号。',
    { fields: ['id', 'districtCode', 'townshipCode', 'villageCode', 'month', 'programme', 'payeeName', 'amount', 'status', 'failureReason', 'createdAt'] }),
  g(DISTRICT_OFFICER, 'create', 'FundRequest', 'district', 'P4.3', 'The district compiles the townships\' rosters into the monthly fund request to finance.',
    '区民政汇总各乡镇（街道）花名册，向财政部门提出月度资金申请。'),
  ...(['Roster', 'RosterLine', 'FundRequest', 'PaymentBatch', 'Payment'] as const).map((subject) =>
    g(DISTRICT_OFFICER, 'read', subject, 'district', 'P4.3', 'The district requests the funds and pays monthly: it follows the whole cycle.',
      '区民政申请资金并按月发放，掌握发放全过程。')),
  g(FINANCE_OFFICER, 'decide', 'FundRequest', 'district', 'P4.4', 'Finance approves the fund request and records the allocation, or returns it with reasons.',
    '财政部门审核资金申请并登记拨付金额，或说明理由退回。'),
  g(FINANCE_OFFICER, 'create', 'PaymentBatch', 'district', 'P4.4', 'Finance sends the approved payments to the bank as a batch file.',
    '财政部门将已批准的发放以代发文件报送银行。'),
  ...(['Roster', 'FundRequest', 'PaymentBatch', 'Payment'] as const).map((subject) =>
    g(FINANCE_OFFICER, 'read', subject, 'district', 'P4.4', 'Finance allocates and pays: it sees rosters, requests, batches and payees with their accounts.',
      '财政部门拨付和发放资金：查看花名册、资金申请、代发批次及领款人账户。')),
  g(FINANCE_OFFICER, 'read', 'RosterLine', 'district', 'P4.4', 'Finance sees the payee, account and amount; the ID number only masked.',
    '财政部门查看领款人、账户和金额；身份证号只显示脱敏形式。',
    { fields: ['id', 'districtCode', 'townshipCode', 'villageCode', 'payee', 'programme', 'kind', 'institution', 'payeeName', 'bankName', 'amount', 'createdAt', 'bankAccount'] }),
  ...forAllRoles((role) => g(role, 'decide', 'FundRequest', 'district', 'D§10', 'Two people: whoever compiled a fund request does not approve it.',
    '资金申请的汇总人不得审批本人汇总的申请。',
    { inverted: true, when: { conditions: { compiledById: '$accountId' }, text: { zh: '本人汇总的资金申请', en: 'fund requests it compiled itself' } } })),
  ...(['Roster', 'FundRequest'] as const).map((subject) =>
    g(AUDITOR, 'read', subject, 'district', 'P4.4', 'Audit audits how assistance funds are used and paid: the whole monthly cycle.',
      '审计部门审计救助资金的使用和发放：查看月度发放全过程。')),
  ...(['RosterLine', 'PaymentBatch', 'Payment'] as const).map((subject) =>
    g(AUDITOR, 'read', subject, 'district', 'P4.4', 'Audit audits every payee and payment of the monthly cycle, ID numbers and accounts masked.',
      '审计部门审计月度发放的每个收款人和每笔发放，身份证号和账号脱敏显示。', { fields: nonPersonalFields(subject) })),
  // Centralised TEKUN is paid to the institution that cares for the person (D§10): the township it is
  // in keeps its payee record, the district may too; finance and audit read the accounts they pay.
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].flatMap((role) => [
    g(role, 'create', 'InstitutionPayee', 'township', 'D§10', 'The township records the account of a care institution in it that is paid for centralised TEKUN recipients.',
      '乡镇（街道）登记本乡镇（街道）供养机构的收款账户，用于集中供养特困人员的发放。'),
    g(role, 'update', 'InstitutionPayee', 'township', 'D§10', 'The township keeps the record of its care institutions up to date; an account changes only as a confirmed proposal.',
      '乡镇（街道）维护本乡镇（街道）供养机构的登记信息；收款账户须经提出并确认后变更。'),
    g(role, 'read', 'InstitutionPayee', 'township', 'D§10', 'The township sees the care institutions it pays for its centralised TEKUN recipients.',
      '乡镇（街道）查看为本乡镇（街道）集中供养特困人员收款的供养机构。'),
  ]),
  g(TOWNSHIP_CASEWORKER, 'update', 'Enrolment', 'township', 'D§10', 'The township names the care institution paid for a centralised TEKUN recipient.',
    '乡镇（街道）为集中供养特困人员指定收款的供养机构。'),
  ...(['create', 'update', 'read'] as const).map((action) =>
    g(DISTRICT_OFFICER, action, 'InstitutionPayee', 'district', 'D§10', 'The district may keep the accounts of the care institutions in any of its townships.',
      '区民政可维护本区各乡镇（街道）供养机构的收款账户。')),
  ...[FINANCE_OFFICER, AUDITOR].map((role) =>
    g(role, 'read', 'InstitutionPayee', 'district', 'P4.4', 'Finance pays, and audit checks, the institutions paid for centralised TEKUN recipients.',
      '财政部门向供养机构拨付、审计部门审计集中供养特困人员的发放。')),
  // An institution's account, as an enrolled household's, changes with two people (D§10, D§14): one
  // account of those that keep the institution proposes, a second of them confirms.
  ...[TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD].flatMap((role) => [
    g(role, 'read', 'InstitutionAccountChange', 'township', 'D§10', 'The township follows the account changes of its care institutions.',
      '乡镇（街道）查看本乡镇（街道）供养机构的收款账户变更。'),
    g(role, 'create', 'InstitutionAccountChange', 'township', 'D§10', 'The township proposes a change of its care institution\'s account; a second account must confirm it.',
      '乡镇（街道）提出本乡镇（街道）供养机构收款账户的变更，须经另一账号确认后生效。'),
    g(role, 'confirm', 'InstitutionAccountChange', 'township', 'D§10', 'The township confirms or rejects a change of its care institution\'s account another account proposed.',
      '乡镇（街道）确认或驳回他人提出的本乡镇（街道）供养机构收款账户变更。'),
  ]),
  ...(['read', 'create', 'confirm'] as const).map((action) =>
    g(DISTRICT_OFFICER, action, 'InstitutionAccountChange', 'district', 'D§10', 'The district keeps the accounts of the care institutions in any of its townships, with a second account.',
      '区民政维护本区各乡镇（街道）供养机构的收款账户，须经另一账号确认。')),
  ...[FINANCE_OFFICER, AUDITOR].map((role) =>
    g(role, 'read', 'InstitutionAccountChange', 'district', 'P4.4', 'Finance pays, and audit checks, into the accounts institutions change to, and who confirmed each.',
      '财政部门、审计部门查看供养机构收款账户的变更及其确认人。')),
  ...forAllRoles((role) => g(role, 'confirm', 'InstitutionAccountChange', 'district', 'D§14', 'No account confirms its own proposal: an institution\'s account change needs a second account.',
    '任何账号都不能确认自己提出的供养机构账户变更：须经另一账号确认。',
    { inverted: true, when: { conditions: { proposedById: '$accountId' }, text: { zh: '本人提出的变更', en: 'changes it proposed itself' } } })),
  g(DEPARTMENT, 'read', 'PaymentBatch', 'self', 'P4.4', 'A bank integration sees only the batches sent to it.',
    '银行接口只能看到发给本行的代发批次。'),
  g(DEPARTMENT, 'answer', 'PaymentBatch', 'self', 'P4.4', 'A bank integration reports the results of the batches sent to it: paid, or failed with the reason.',
    '银行接口反馈发给本行的代发批次结果：已到账，或发放失败及原因。'),
];
