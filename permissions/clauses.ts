import type { Localized } from './vocabulary';

/** A clause a policy row cites: its heading and its text, in both languages. */
export interface ClauseText {
  title: Localized;
  text: Localized;
}

/**
 * The texts behind the clause ids the policy table cites, so that a reader of the matrix (the audit
 * console shows them on hover) sees what a row implements without opening the plan. `P…` are the
 * district plan's clauses (Chinese from the plan itself, English from its working rendering);
 * `D§…` are the sections of the domain description that carry the national rules the plan works under.
 * Every clause a row cites has a text here (`test/policy-clauses.test.ts`).
 */
// prettier-ignore
export const CLAUSE_TEXTS: Readonly<Record<string, ClauseText>> = {
  P1: {
    title: { zh: '目标要求', en: 'Objectives' },
    text: {
      zh: '优化城乡低保、特困供养、临时救助等工作流程，实现审核确认和监督管理职能的有效分离，提高救助对象的准确度和时效性，维护社会救助公平公正。',
      en: 'Delegate approval of the three assistance types to townships; streamline the workflows; separate approval from supervision (townships decide, the district supervises); make identification more accurate and approval more timely; keep assistance fair.',
    },
  },
  'P2.1': {
    title: { zh: '应救尽救原则', en: 'Cover everyone entitled' },
    text: { zh: '及时将符合条件的困难对象纳入救助范围，做到不落一户，不漏一人。', en: 'Bring every eligible household in promptly; miss no household, no person.' },
  },
  'P2.2': {
    title: { zh: '公平公正原则', en: 'Fairness and openness' },
    text: {
      zh: '优化办理流程，畅通城乡居民参与渠道，加大政府信息公开力度，接受群众监督，做到审批过程公开透明，审批结果公平公正。',
      en: 'Open channels for residents, publish government information, accept public supervision; the approval process is transparent, its results fair.',
    },
  },
  'P2.3': {
    title: { zh: '动态管理原则', en: 'Dynamic management' },
    text: {
      zh: '采取低保对象定期报告和管理审批单位分类复核相结合等方法，做到保障对象有进有出，补助水平有升有降。',
      en: 'Recipients report periodically and the approving unit re-reviews them by category; recipients enter and leave, benefit levels go up and down.',
    },
  },
  'P2.4': {
    title: { zh: '统筹兼顾原则', en: 'Balance' },
    text: {
      zh: '促进社会救助效果与本地经济社会发展水平和困难群众基本生活需求相适应，加强社会救助制度与其他社会保障制度的有效衔接。',
      en: 'Assistance matches local economic capacity and needs; link assistance with the other social-security schemes.',
    },
  },
  'P3.1': {
    title: { zh: '全面实施审核确认权限下放', en: 'Delegation' },
    text: {
      zh: '委托乡镇（街）行使城乡低保、特困供养、临时救助审核确认权限；乡镇（街）负责入户调查、民主评议、公开公示、审核确认、动态管理及审批结果汇总上报备案，区民政部门负责监督检查。',
      en: 'Townships exercise approval authority for DIBAO, TEKUN and LINSHI: investigation, appraisal, notice, approval, dynamic management, and filing results upward. The district bureau supervises and inspects.',
    },
  },
  'P3.2': {
    title: { zh: '联审联批制度', en: 'Joint review committee' },
    text: {
      zh: '乡镇（街）成立由政府主要负责同志任组长、人数不少于5人的社会救助联审联批小组，定期召开联审联批会议，集体评审、互相监督。',
      en: "Each township forms a committee led by the township's principal official, at least 5 members; it meets regularly, reviews collectively, and members supervise each other.",
    },
  },
  'P3.3': {
    title: { zh: '规范审批管理', en: 'Operating rules' },
    text: {
      zh: '区民政部门制定乡镇（街）社会救助事项审核确认及规范管理的操作规程，确保权限下放放得下、接得住、用得顺、管得好。',
      en: 'The district bureau writes the operating procedures for township approval, so that delegated authority is handed down, taken up, used smoothly and managed well.',
    },
  },
  'P4.1': {
    title: { zh: '村（社区）职责', en: 'Village / community' },
    text: {
      zh: '受理社会救助事项申请，协助做好入户调查、收入核算、民主评议、公开公示、动态管理、文书送达、政策宣传以及主动发现报告等具体工作。',
      en: 'Accepts applications; assists with household investigation, income accounting, democratic appraisal, public notice, dynamic management, delivery of documents, publicity, and reports people in need.',
    },
  },
  'P4.2': {
    title: { zh: '乡镇人民政府（街道办事处）职责', en: 'Township / street' },
    text: {
      zh: '负责入户调查、民主评议、审核审批、政策宣传，做好救助对象档案管理、动态管理、信息系统维护、报表填报、辖区内社会救助违纪违规查处等日常工作。',
      en: 'Household investigation, democratic appraisal, review and approval, publicity; recipient archives, dynamic management, information-system upkeep, statistics; investigates violations within its area.',
    },
  },
  'P4.3': {
    title: { zh: '区民政部门职责', en: 'District civil affairs' },
    text: {
      zh: '负责政策制定、宣传、执行，对新申请低保对象、特困人员家庭进行监督抽查，开展业务培训和指导，负责信访事项调查和办理，做好核对系统审批，及时申请社会救助资金并按月发放。',
      en: 'Sets policy; spot-checks new DIBAO and TEKUN households; trains and guides; handles petitions; approves economic-status verifications; requests funds from finance and pays monthly.',
    },
  },
  'P4.4': {
    title: { zh: '其他相关部门职责', en: 'Other departments' },
    text: {
      zh: '财政部门将社会救助资金纳入预算并及时足额拨付；扶贫部门做好扶贫开发与农村低保的衔接；审计部门对社会救助资金的使用发放情况进行审计；公安、人社、市场监管、税务、金融等部门配合做好有关工作。',
      en: 'Finance budgets and allocates the funds; poverty alleviation links development with rural DIBAO; audit audits how assistance funds are used and paid; public security, HR and social security, market regulation, tax, banks and others cooperate within their duties.',
    },
  },
  P5: {
    title: { zh: '时间安排', en: 'Timeline' },
    text: {
      zh: '筹备动员、组织实施、评估总结三个阶段；权限下放前由区民政局审核确认。',
      en: 'Preparation, implementation and evaluation; until a township has taken up the authority, the district decides.',
    },
  },
  'P5.1': {
    title: { zh: '筹备动员阶段', en: 'Preparation' },
    text: {
      zh: '出台区级实施意见；各乡镇（街）成立联审联批小组，制定具体工作方案，并报送区民政局备案。',
      en: 'The district issues its implementation opinion; each township forms its joint review committee and files its own work plan with the district bureau.',
    },
  },
  'P5.2': {
    title: { zh: '组织实施阶段', en: 'Implementation' },
    text: {
      zh: '区民政局指导乡镇（街）组织实施；乡镇（街）对村（社区）各阶段工作认真小结，及时反馈进展情况。',
      en: 'The district guides, trains and improves the workflow; townships implement, summarise each village stage and report progress.',
    },
  },
  'P5.3': {
    title: { zh: '评估总结阶段', en: 'Evaluation' },
    text: { zh: '各乡镇（街）于年底前向区民政局报送工作评估总结报告。', en: 'Each township files an evaluation report with the district bureau by year end.' },
  },
  'P6.2': {
    title: { zh: '配强队伍、提升能力', en: 'Staffing' },
    text: {
      zh: '乡镇（街）民政工作人员按3万人口不少于3人配备，每增加1万人口增配1名；村（社区）要明确民政工作协理员。',
      en: 'Each township has at least 3 civil-affairs staff per 30,000 residents, plus 1 for every further 10,000; every village designates a civil-affairs assistant.',
    },
  },
  'P6.3': {
    title: { zh: '明确分工、严肃责任', en: 'Responsibility' },
    text: {
      zh: '各级认真履行各自职责，坚决杜绝“人情保”“关系保”，严防“错保”“漏保”；对工作落实不力的从严追究责任。',
      en: 'Every tier does its part; no favour or connection cases; prevent wrongful inclusion and exclusion. Those who fail their duties are held accountable.',
    },
  },
  'D§1': {
    title: { zh: '行政区划与租户', en: 'Places and tenants' },
    text: {
      zh: '每个地方有12位统计区划代码；区是租户，案件相关的每一行都带有区、乡镇、村代码。',
      en: 'Every place has its 12-digit division code; the district is the tenant, and every case-bearing row carries its district, township and village codes.',
    },
  },
  'D§2': {
    title: { zh: '谁来办理（层级与角色）', en: 'Who acts (tiers and roles)' },
    text: {
      zh: '村、乡镇、区及各部门的角色及其范围；一人可兼多个角色，权限取并集，职责分离规则除外。',
      en: 'The roles of village, township, district and departments and their scopes; one person may hold several roles, rights are the union except where separation of duties forbids it.',
    },
  },
  'D§3': {
    title: { zh: '案件办理流程（低保、特困）', en: 'The case workflow (DIBAO and TEKUN)' },
    text: {
      zh: '申请、受理、入户调查、收入核算、民主评议、公示、联审联批、审核确认、送达、备案，各有时限。',
      en: 'Application, acceptance, investigation, income accounting, appraisal, notice, committee review, decision, delivery and filing, each with its deadline.',
    },
  },
  'D§4': {
    title: { zh: '联审联批小组', en: 'Joint review committee' },
    text: {
      zh: '小组至少5人，由乡镇主要负责同志任组长；组长须回避时由副组长主持并签署。',
      en: "At least 5 members, chaired by the township's principal official; the deputy chairs and signs where the chair must recuse.",
    },
  },
  'D§6': {
    title: { zh: '临时救助', en: 'Temporary assistance (LINSHI)' },
    text: {
      zh: '乡镇在限额内审批并发放临时救助，超过限额由区确认；紧急情况先行救助、事后补办手续。',
      en: 'The township decides and pays temporary assistance up to its limit; above it the district confirms; in an emergency it pays first and completes the paperwork after.',
    },
  },
  'D§7': {
    title: { zh: '家庭经济状况核对', en: 'Economic-status verification' },
    text: {
      zh: '乡镇申请核对，区审批后分发至本区设定的各核对部门；各部门只见发给本部门的请求并反馈结果，区审批核对报告。',
      en: 'The township requests a verification; approved by the district, it goes to the departments the district has set; each sees only its own requests and answers, and the district approves the report.',
    },
  },
  'D§8': {
    title: { zh: '收入核算与救助金额', en: 'Income accounting and amounts' },
    text: {
      zh: '以乡镇的收入核算为准；村（社区）可起草，经乡镇采纳后方确定救助金额。',
      en: "The township's income accounting is the authoritative one; the village may draft one, which sets the amount only once the township adopts it.",
    },
  },
  'D§9': {
    title: { zh: '动态管理', en: 'Dynamic management' },
    text: {
      zh: '按类别定期复核，家庭变化情况报告，待遇有增有减、有进有出。',
      en: 'Periodic review by class, change reports from recipients; benefits go up and down, recipients enter and leave.',
    },
  },
  'D§10': {
    title: { zh: '资金', en: 'Funds' },
    text: {
      zh: '乡镇报送月度花名册，区申请资金，财政审批，银行代发并反馈结果；财政只看到收款人信息。',
      en: 'Townships submit monthly rosters, the district requests funds, finance approves, the bank pays and reports results; finance sees only the payee.',
    },
  },
  'D§12': {
    title: { zh: '监督与公开', en: 'Supervision and openness' },
    text: {
      zh: '审计日志记录每次变更、拒绝的操作和个人敏感信息的查看；信访、公示和监督抽查。',
      en: 'The audit log records every change, every refused attempt and every read of personal data; petitions, public notices and spot checks.',
    },
  },
  'D§13': {
    title: { zh: '委托本身', en: 'Delegation itself' },
    text: {
      zh: '委托按乡镇和救助类别记录并有生效日期；委托生效期间由乡镇审核确认，否则由区审核确认；每个决定记录其依据。',
      en: 'A delegation is recorded per township and programme from a date; while in force the township decides, otherwise the district; each decision records its authority.',
    },
  },
  'D§14': {
    title: { zh: '谁可以授予权限', en: 'Who may grant a power' },
    text: {
      zh: '角色授予由一个账号提议、另一个有权账号确认后生效，直至撤销；任何人不能为自己提议或确认。',
      en: 'A role is held by a grant one account proposes and another with the authority confirms, until revoked; nobody proposes or confirms a grant for themselves.',
    },
  },
};
