import { Department } from '../../permissions/roles';
import { Case, CaseEvent, CaseStatus, Channel, DecisionAuthority, Programme, SupportForm } from '../modules/case/case.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { LegalSupporters, SpotCheckOutcome } from '../modules/case/case-records.entity';
import type { SelfCareItems } from '../modules/case/amounts';
import { dueAtFor } from '../modules/case/deadlines';
import type { StepInput } from '../modules/case/workflow';
import { CommitteeFunction, Vote } from '../modules/committee/committee.entity';
import { LabourCapacity, Relation, Residence } from '../modules/household/household.entity';
import { idNumberCheckChar } from '../modules/household/id-number';
import { PetitionKind } from '../modules/petition/petition.entity';
import type { TenantKey } from '../db/tenant-keys';
import { DemoStaff, districtOfficerOf } from './demo-staff';

/** The demo townships by the prefix of their staff's usernames. */
const TOWNSHIPS: Record<string, string> = {
  '510199001000': 'chengguan',
  '510199101000': 'hexi',
  '510199102000': 'shiqiao',
  '510199201000': 'baiyun',
  '510197103000': 'longtan',
};

/** Every township's joint review committee (P3.2, D§4): the head in the chair, civil affairs,
 * discipline inspection, finance, poverty alleviation and a village-assigned cadre. */
const COMMITTEE_SEATS: [name: string, fn: CommitteeFunction][] = [
  ['head', CommitteeFunction.CHAIR],
  ['caseworker2', CommitteeFunction.CIVIL_AFFAIRS],
  ['member1', CommitteeFunction.DISCIPLINE_INSPECTION],
  ['member2', CommitteeFunction.FINANCE],
  ['member3', CommitteeFunction.POVERTY_ALLEVIATION],
  ['member4', CommitteeFunction.VILLAGE_CADRE],
];
/** The deputy chair of every township's committee (D§4). */
const DEPUTY_CHAIR = 'member3';

/** The departments' integration accounts and what each found, in the words an answer would use (D§7). */
const DEPARTMENT_ANSWERS: { username: string; department: Department; findings: string }[] = [
  {
    username: 'dept.police',
    department: Department.PUBLIC_SECURITY,
    findings: '户籍信息与申请一致，名下无机动车 (registration as declared; no vehicle)',
  },
  { username: 'dept.tax', department: Department.TAX, findings: '无纳税记录 (no tax record)' },
  {
    username: 'dept.hrss',
    department: Department.HR_SOCIAL_SECURITY,
    findings: '无社保缴费及养老金领取记录 (no contributions, no pension)',
  },
  { username: 'dept.market', department: Department.MARKET_REGULATION, findings: '无工商登记 (no business registration)' },
  { username: 'dept.bank', department: Department.BANK, findings: '存款余额合计3000元 (deposits of 3,000 yuan in all)' },
];

interface Member {
  name: string;
  birth: string;
  relation: Relation;
  labourCapacity?: LabourCapacity;
  healthDetail?: string;
}

interface Application {
  villageCode: string;
  programme: Programme;
  members: Member[];
  cause?: string;
  /** A cause category of the district's list (D§6). */
  causeCategory?: string;
  emergency?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * One run of the seed: the demo accounts that act, and the people it registers, each with an ID
 * number of their own (the sequence digits, positions 15–17, count up per run).
 */
class DemoRun {
  private sequence = 700;

  /** `districtPrefix`: the first six digits of the ID numbers, those of the district registering them. */
  constructor(
    readonly staff: DemoStaff,
    private readonly districtPrefix = '510199',
  ) {}

  /** The village assistant registers the household and applies for it (P4.1). */
  async apply(application: Application): Promise<DemoCase> {
    const { villageCode } = application;
    const n = this.sequence;
    const members = application.members.map((m) => ({
      name: m.name,
      idNumber: this.idNumberOf(m.birth),
      relation: m.relation,
      labourCapacity: m.labourCapacity ?? LabourCapacity.NONE,
      healthDetail: m.healthDetail ?? null,
    }));
    const applied = await this.staff.as(`va.${villageCode.slice(6)}`, async (caller, services) => {
      const household = await services.households.create(caller, {
        villageCode,
        // Communities of the street office are urban, villages rural (D§8: the standards differ).
        residence: villageCode.slice(6, 9) === '001' ? Residence.URBAN : Residence.RURAL,
        address: `${(n % 8) + 1}组 ${n - 690}号`,
        phone: `1390813${String(n).padStart(4, '0')}`,
        bankName: '农村信用社 (rural credit cooperative)',
        bankAccount: `622848000${String(n).padStart(10, '0')}`,
        members,
      });
      const head = household.members!.find((m) => m.relation === Relation.HEAD)!;
      const submitted = await services.cases.submit(
        caller,
        { districtCode: household.districtCode, id: household.id },
        {
          programme: application.programme,
          channel: Channel.WINDOW,
          cause: application.cause ?? null,
          causeCategory: application.causeCategory ?? null,
          emergency: application.emergency ?? false,
        },
      );
      return { submitted, head: { districtCode: head.districtCode, id: head.id } };
    });
    const { submitted, head } = applied;
    return new DemoCase(this.staff, { districtCode: submitted.districtCode, id: submitted.id }, submitted.townshipCode, villageCode, head);
  }

  /** A committee meeting on cases of one township (D§4): the caseworker schedules it and records
   * every member present, each member votes on each case unless recused as its investigator
   * (approving unless `votes` says otherwise), and the head concludes unless `conclude` is false. */
  async meeting(agenda: { case: DemoCase; votes?: Record<string, Vote>; reasons?: string }[], conclude = true): Promise<void> {
    const { townshipCode, prefix } = agenda[0].case;
    const members = COMMITTEE_SEATS.map(([name]) => `${prefix}.${name}`);
    const held = await this.staff.as(`${prefix}.caseworker`, async (caller, services) => {
      const scheduled = await services.committees.scheduleMeeting(
        caller,
        townshipCode,
        today(),
        agenda.map((item) => item.case.key),
      );
      return services.committees.recordAttendance(
        caller,
        scheduled,
        members.map((m) => this.staff.idOf(m)),
      );
    });
    for (const item of agenda) {
      for (const member of members.filter((m) => !item.case.investigators.includes(m))) {
        const vote = item.votes?.[member] ?? Vote.APPROVE;
        const note = vote === Vote.APPROVE ? null : '收入高于标准 (income above the standard)';
        await this.staff.as(member, (caller, services) => services.committees.castVote(caller, held, item.case.key, vote, note));
      }
    }
    if (!conclude) return;
    for (const item of agenda) {
      await item.case.step(item.case.head, 'concludeReview', { meetingId: held.id, reasons: item.reasons ?? null });
    }
  }

  /** The village assistant records a change the village's recipient reported (D§9), which brings its review forward to today. */
  async reportChange(assistant: string, content: string): Promise<void> {
    await this.staff.as(assistant, async (caller, services) => {
      const {
        nodes: [enrolment],
      } = await services.enrolments.list(caller, {}, { first: 1 });
      await services.reviews.recordChangeReport(caller, enrolment, { reportedOn: today(), content });
    });
  }

  private idNumberOf(birth: string): string {
    const first17 = `${this.districtPrefix}${birth}${String(this.sequence++).padStart(3, '0')}`;
    return first17 + idNumberCheckChar(first17);
  }
}

/** One demo application, moved on by the demo accounts that take each step in practice. */
class DemoCase {
  constructor(
    private readonly staff: DemoStaff,
    readonly key: TenantKey,
    readonly townshipCode: string,
    private readonly villageCode: string,
    /** The head of household: the person a TEKUN investigation examines. */
    private readonly headKey: TenantKey,
  ) {}

  get prefix(): string {
    return TOWNSHIPS[this.townshipCode];
  }

  get caseworker(): string {
    return `${this.prefix}.caseworker`;
  }

  get head(): string {
    return `${this.prefix}.head`;
  }

  get assistant(): string {
    return `va.${this.villageCode.slice(6)}`;
  }

  /** The investigators: two caseworkers of the township (D§3). The second sits on the committee
   * and so recuses from the vote on the case (D§4). */
  get investigators(): string[] {
    return [this.caseworker, `${this.prefix}.caseworker2`];
  }

  /** A transition of the workflow table, at the version the account has just read. */
  async step(username: string, step: string, input: StepInput = {}): Promise<Case> {
    return this.staff.as(username, async (caller, services) => {
      const { version } = await services.cases.findOrThrow(caller, this.key);
      return services.workflow.transition(caller, step, this.key, version, input);
    });
  }

  /** The head's approval once the public notice has run its course. */
  async approveAfterNotice(): Promise<void> {
    await this.letNoticePass();
    await this.step(this.head, 'approveCase');
  }

  /** The district's spot check of a filed case (P4.3), with what it found. */
  async spotCheck(spotCheckOutcome: SpotCheckOutcome, note: string): Promise<void> {
    await this.step('district.officer', 'spotCheck', { spotCheckOutcome, note });
  }

  /** The decision to pay an emergency LINSHI first (D§6), by whoever decides the township's cases (D§13). */
  async decideEmergencyPayment(username: string, amount: number): Promise<void> {
    await this.staff.as(username, (caller, services) => services.steps.decideEmergencyPayment(caller, this.key, amount));
  }

  /** The verification round (D§7): the district approves the request, the departments answer —
   * all of them unless `answering` names fewer — and, once all have, the district approves the report. */
  async verify(answering: Department[] = DEPARTMENT_ANSWERS.map((a) => a.department)): Promise<void> {
    const request = await this.staff.as('district.officer', async (caller, services) => {
      const {
        nodes: [requested],
      } = await services.verification.listRequests(caller, { caseId: this.key.id }, { first: 1 });
      return services.verification.approveRequest(caller, requested.id);
    });
    for (const { username, findings } of DEPARTMENT_ANSWERS.filter((a) => answering.includes(a.department))) {
      await this.staff.as(username, async (caller, services) => {
        const { nodes: pending } = await services.verification.listAnswers(caller, { requestId: request.id, pending: true }, {});
        for (const answer of pending) {
          await services.verification.answer(caller, answer.id, findings);
        }
      });
    }
    if (answering.length === DEPARTMENT_ANSWERS.length) {
      await this.staff.as('district.officer', (caller, services) => services.verification.approveReport(caller, request.id));
    }
  }

  /** The household investigation, recorded by the caseworker and signed by both investigators; for
   * TEKUN it found the head without capacity to work and without a legal supporter (D§3). */
  async investigate(findings: string, tekun = false): Promise<void> {
    const investigation = await this.staff.as(this.caseworker, (caller, services) =>
      services.steps.recordInvestigation(caller, this.key, {
        visitedOn: today(),
        findings,
        investigatorIds: this.investigators.map((u) => this.staff.idOf(u)),
        tekun: tekun
          ? { personKey: this.headKey, workCapacity: LabourCapacity.NONE, inSchool: false, legalSupporters: LegalSupporters.NONE }
          : null,
      }),
    );
    for (const investigator of this.investigators) {
      await this.staff.as(investigator, (caller, services) => services.steps.signInvestigation(caller, investigation));
    }
  }

  async accountIncome(items: { source: string; monthlyYuan: number; counted?: boolean }[]): Promise<void> {
    await this.staff.as(this.caseworker, (caller, services) =>
      services.steps.recordIncomeAccounting(caller, this.key, {
        items: items.map((i) => ({ ...i, counted: i.counted ?? true })),
        assets: [{ kind: '存款 (deposit)', description: '活期 (current account)', valueYuan: 3000 }],
        deductionsYuan: 0,
      }),
    );
  }

  async assessCare(items: SelfCareItems): Promise<void> {
    await this.staff.as(this.caseworker, (caller, services) =>
      services.steps.recordCareAssessment(caller, this.key, items, SupportForm.DISPERSED),
    );
  }

  /** From SUBMITTED to TOWNSHIP_REVIEW: acceptance, verification, investigation, income accounting
   * of `incomeYuan` a month for the whole household (and for TEKUN the self-care assessment). */
  async prepareForReview(incomeYuan: number, options: { findings?: string; care?: SelfCareItems } = {}): Promise<DemoCase> {
    await this.step(this.caseworker, 'acceptCase');
    await this.step(this.caseworker, 'startInvestigation');
    await this.verify();
    await this.investigate(
      options.findings ?? '入户核实，家庭情况与申报一致 (household visited; situation as declared)',
      Boolean(options.care),
    );
    await this.accountIncome([{ source: '务农及零工 (farming and odd jobs)', monthlyYuan: incomeYuan }]);
    if (options.care) await this.assessCare(options.care);
    await this.step(this.caseworker, 'submitForReview');
    return this;
  }

  /**
   * A refusal the township head signed without the authority to (D§13): Baiyun has never held a
   * delegation, so the workflow now refuses the head and only the district may decide there. The
   * seed records it as a system act — as a decision taken before delegations were enforced would
   * stand in the records — so that the historical check (`decisionsWithoutAuthority`) has one to
   * flag: decided by the head, claiming the township's authority, under no delegation.
   */
  async recordDecisionWithoutAuthority(reasons: string): Promise<void> {
    const { dataSource, services } = this.staff;
    const calendar = await services.settings.calendarOf(this.key.districtCode);
    await dataSource.transaction(async (manager) => {
      const found = await manager.findOneByOrFail(Case, { districtCode: this.key.districtCode, id: this.key.id });
      const from = found.status;
      const now = new Date();
      Object.assign(found, {
        status: CaseStatus.DENIED,
        statusSince: now,
        refusalReasons: reasons,
        decidedById: this.staff.idOf(this.head),
        decidedAt: now,
        decisionAuthority: DecisionAuthority.DELEGATION,
        decidedUnderId: null,
        decisionDueAt: null,
      });
      found.dueAt = dueAtFor(CaseStatus.DENIED, found, calendar, now);
      await manager.save(found);
      const place = { districtCode: found.districtCode, townshipCode: found.townshipCode, villageCode: found.villageCode };
      await manager.insert(CaseEvent, {
        ...place,
        caseId: found.id,
        fromStatus: from,
        toStatus: CaseStatus.DENIED,
        action: 'concludeReview',
        actorId: null,
        actorUsername: 'system',
        note: `Refused by ${this.head} while the township held no delegation; recorded by the seed (D§13).`,
      });
      await manager.insert(AuditEntry, {
        ...place,
        kind: 'CHANGE',
        action: 'concludeReview',
        subjectType: 'Case',
        subjectId: found.id,
        actorId: null,
        actorUsername: null,
        requestId: null,
        details: { recordedBy: 'seed', decidedBy: this.head, decisionAuthority: DecisionAuthority.DELEGATION, decidedUnder: null },
      });
    });
  }

  /**
   * The demo does not wait out the public notice: its window (and the deadline and state time that
   * follow from it) is moved into the past, as if the committee had concluded `noticeDays + 1` days
   * ago. This is the seed's one shortcut past the service layer; nothing else about the case changes.
   */
  async letNoticePass(): Promise<void> {
    const { dataSource, services } = this.staff;
    const calendar = await services.settings.calendarOf(this.key.districtCode);
    const { settings } = calendar;
    const found = await dataSource.getRepository(Case).findOneByOrFail({ districtCode: this.key.districtCode, id: this.key.id });
    const shiftMs = (settings.noticeDays + 1) * 24 * 3600 * 1000;
    found.noticeStartsAt = new Date(found.noticeStartsAt!.getTime() - shiftMs);
    found.noticeEndsAt = new Date(found.noticeEndsAt!.getTime() - shiftMs);
    const dueAt = dueAtFor(CaseStatus.PUBLIC_NOTICE, found, calendar, found.noticeStartsAt);
    await dataSource.query(
      'UPDATE cases SET notice_starts_at = $3, notice_ends_at = $4, status_since = $3, due_at = $5 WHERE district_code = $1 AND id = $2',
      [this.key.districtCode, this.key.id, found.noticeStartsAt, found.noticeEndsAt, dueAt],
    );
  }
}

/** Records every township's committee, as its head forms it (P3.2, P5.1), with the poverty
 * alleviation member (`.member3`) as deputy chair, who chairs a case on which the head recuses (D§4). */
export async function formDemoCommittees(staff: DemoStaff): Promise<void> {
  for (const [code, prefix] of Object.entries(TOWNSHIPS)) {
    await staff.as(`${prefix}.head`, (caller, services) =>
      services.committees.setCommittee(
        caller,
        code,
        COMMITTEE_SEATS.map(([name, fn]) => ({ accountId: staff.idOf(`${prefix}.${name}`), function: fn })),
        staff.idOf(`${prefix}.${DEPUTY_CHAIR}`),
      ),
    );
  }
}

/** Baiyun stays in pre-delegation mode (D§13): the district decides its cases, so both modes can be tried. */
const PRE_DELEGATION_TOWNSHIP = '510199201000';

/** Qingshan, the second district, delegates one programme only: Longtan decides DIBAO, the district the rest (D§13). */
const QINGSHAN_DELEGATION = { townshipCode: '510197103000', programme: Programme.DIBAO, documentReference: '青山民发〔2026〕3号' };

/** Yunxi's delegations to every township but Baiyun, for every programme, and Qingshan's one, as
 * each district's officer records them (P3.1, P5). */
export async function delegateDemoTownships(staff: DemoStaff): Promise<void> {
  const yunxi = Object.keys(TOWNSHIPS).filter((c) => c.startsWith('510199') && c !== PRE_DELEGATION_TOWNSHIP);
  const delegations = [
    ...yunxi.flatMap((townshipCode) =>
      Object.values(Programme).map((programme) => ({ townshipCode, programme, documentReference: '云溪民发〔2026〕12号' })),
    ),
    QINGSHAN_DELEGATION,
  ];
  for (const delegation of delegations) {
    await staff.as(districtOfficerOf(delegation.townshipCode), (caller, services) =>
      services.delegations.grant(caller, { ...delegation, effectiveFrom: today() }),
    );
  }
}

const head = (name: string, birth: string, extra: Partial<Member> = {}): Member => ({ name, birth, relation: Relation.HEAD, ...extra });
const spouse = (name: string, birth: string, extra: Partial<Member> = {}): Member => ({ name, birth, relation: Relation.SPOUSE, ...extra });
const dibao = (villageCode: string, ...members: Member[]): Application => ({ villageCode, programme: Programme.DIBAO, members });

/**
 * The demo's cases, each moved by the real workflow to the stage the README lists, so that every
 * stage can be looked at and its next step tried at once; the household head's name and village
 * find each. Townships share no case and no committee, so they are seeded side by side, and so
 * are the cases of one township up to its committee meeting.
 */
export async function seedDemoCases(staff: DemoStaff): Promise<void> {
  // A township limit on LINSHI, so that the district's confirmation above it can be tried (D§6).
  await staff.as('district.officer', (caller, services) => services.settings.update(caller, 'linshiTownshipLimitYuan', 2000));
  const run = new DemoRun(staff);
  await Promise.all([seedHexi(run), seedShiqiao(run), seedChengguan(run), seedBaiyun(run)]);
}

/**
 * Qingshan's few cases, all in Longtan, so that the two districts can be compared: what
 * `qingshan.officer` sees and `district.officer` does not, and the other way round (D§1). Two
 * applications waiting, one accepted, one under investigation.
 */
export async function seedQingshanCases(staff: DemoStaff): Promise<void> {
  const run = new DemoRun(staff, '510197');
  await run.apply(dibao('510197103201', head('邓永富', '19590214')));
  await run.apply({ villageCode: '510197103202', programme: Programme.TEKUN, members: [head('唐秀珍', '19440923')] });
  const accepted = await run.apply(dibao('510197103203', head('杨国强', '19670530'), spouse('何丽', '19700811')));
  await accepted.step(accepted.caseworker, 'acceptCase');
  const investigating = await run.apply(dibao('510197103201', head('邓桂芳', '19620306')));
  await investigating.step(investigating.caseworker, 'acceptCase');
  await investigating.step(investigating.caseworker, 'startInvestigation');
}

/** Hexi Town: two applications waiting, one case before the committee, one whose notice has ended
 * (the head can approve it at once), one filed, and a LINSHI case paid on the general path. */
async function seedHexi(run: DemoRun): Promise<void> {
  await run.apply(dibao('510199101201', head('刘桂兰', '19580312')));
  await run.apply({ villageCode: '510199101202', programme: Programme.TEKUN, members: [head('张守义', '19420705')] });
  const [noticeEnded, filed] = await Promise.all([
    run.apply(dibao('510199101201', head('李德福', '19610902'), spouse('王翠英', '19630517'))).then((c) => c.prepareForReview(800)),
    run.apply(dibao('510199101204', head('王秀英', '19551220'))).then((c) => c.prepareForReview(400)),
    // Left in TOWNSHIP_REVIEW, for a meeting to be scheduled.
    run
      .apply(dibao('510199101203', head('陈玉珍', '19660418'), spouse('吴长林', '19630211', { healthDetail: '尿毒症 (kidney failure)' })))
      .then((c) => c.prepareForReview(700)),
    seedPaidLinshi(run),
  ]);
  await run.meeting([{ case: noticeEnded }, { case: filed }]);
  await noticeEnded.letNoticePass();
  await filed.approveAfterNotice();
  await filed.step(filed.caseworker, 'fileCase');
  await run.reportChange('va.101204', '本人住院治疗，医疗支出增加 (in hospital; medical costs have risen)');
}

async function seedPaidLinshi(run: DemoRun): Promise<void> {
  const linshi = await run.apply({
    villageCode: '510199101202',
    programme: Programme.LINSHI,
    cause: '火灾 (house fire)',
    causeCategory: 'FIRE',
    members: [head('杨国强', '19790615', { labourCapacity: LabourCapacity.FULL })],
  });
  await linshi.step(linshi.caseworker, 'acceptCase');
  await linshi.step(linshi.caseworker, 'startInvestigation');
  await linshi.verify();
  await linshi.investigate('房屋因火灾损毁，需临时安置 (house destroyed by fire; needs temporary shelter)');
  await linshi.step(linshi.caseworker, 'startNotice', { amount: 3000 });
  await linshi.letNoticePass();
  // 3,000 yuan is above the township's 2,000: the district confirms before the head approves.
  await run.staff.as('district.officer', (caller, services) => services.steps.confirmAmount(caller, linshi.key));
  await linshi.step(linshi.head, 'approveCase');
  await linshi.step(linshi.caseworker, 'recordPayment');
}

/** Shiqiao Town: a LINSHI application waiting, one accepted, a notice running, a TEKUN case
 * approved and enrolled, and a case spot-checked and confirmed. */
async function seedShiqiao(run: DemoRun): Promise<void> {
  await run.apply({
    villageCode: '510199102201',
    programme: Programme.LINSHI,
    cause: '突发重病 (sudden illness)',
    causeCategory: 'SERIOUS_ILLNESS',
    members: [head('王春燕', '19860921', { labourCapacity: LabourCapacity.FULL })],
  });
  const accepted = await run.apply(dibao('510199102202', head('黄建军', '19720208')));
  await accepted.step(accepted.caseworker, 'acceptCase');
  const [noticeRunning, tekun, spotChecked] = await Promise.all([
    run.apply(dibao('510199102203', head('周桂芳', '19641130'))).then((c) => c.prepareForReview(350)),
    run.apply({ villageCode: '510199102204', programme: Programme.TEKUN, members: [head('孙福来', '19490125')] }).then((c) =>
      c.prepareForReview(0, {
        findings: '独居，无劳动能力、无收入、无法定赡养人 (lives alone; unable to work, no income, no supporter)',
        care: { eating: true, dressing: false, transferring: false, toileting: true, walkingIndoors: true, bathing: false },
      }),
    ),
    run.apply(dibao('510199102201', head('马淑华', '19680514'))).then((c) => c.prepareForReview(450)),
  ]);
  await run.meeting([{ case: noticeRunning }, { case: tekun }, { case: spotChecked }]);
  for (const c of [tekun, spotChecked]) await c.approveAfterNotice();
  await spotChecked.step(spotChecked.caseworker, 'fileCase');
  await spotChecked.spotCheck(SpotCheckOutcome.CONFIRMED, '入户抽查，情况属实 (checked on site: as recorded)');
  await run.reportChange('va.102201', '女儿外出务工，每月寄回600元 (a daughter working away sends 600 yuan a month)');
}

/** Chengguan Street: an application waiting, an investigation waiting for the bank's answer, an
 * objection to a notice, and a filed case the district ordered corrected. */
async function seedChengguan(run: DemoRun): Promise<void> {
  await run.apply(dibao('510199001001', head('赵建华', '19750130', { labourCapacity: LabourCapacity.PARTIAL })));
  const [objected, corrected] = await Promise.all([
    run
      .apply(
        dibao('510199001003', head('郭丽娟', '19810303', { labourCapacity: LabourCapacity.PARTIAL }), {
          name: '郭晓雨',
          birth: '20120915',
          relation: Relation.CHILD,
        }),
      )
      .then((c) => c.prepareForReview(900)),
    run.apply(dibao('510199001004', head('何长生', '19571010'))).then((c) => c.prepareForReview(500)),
    seedInvestigating(run),
  ]);
  await run.meeting([{ case: objected }, { case: corrected }]);
  await objected.step(objected.assistant, 'raiseObjection', {
    objector: '居民李某 (a resident)',
    content: '申请人家中有一辆营运出租车 (the household runs a taxi)',
  });
  await corrected.approveAfterNotice();
  await corrected.step(corrected.caseworker, 'fileCase');
  await corrected.spotCheck(
    SpotCheckOutcome.CORRECTION,
    '儿子每月给付赡养费800元未计入收入 (800 yuan a month of support from a son was not counted)',
  );
}

/** Investigated, accounted, and verified by every department but the bank. */
async function seedInvestigating(run: DemoRun): Promise<void> {
  const investigating = await run.apply(dibao('510199001002', head('林志明', '19690808')));
  await investigating.step(investigating.caseworker, 'acceptCase');
  await investigating.step(investigating.caseworker, 'startInvestigation');
  await investigating.verify([Department.PUBLIC_SECURITY, Department.TAX, Department.HR_SOCIAL_SECURITY, Department.MARKET_REGULATION]);
  await investigating.investigate('入户核实，申请人患慢性病，无固定收入 (visited; chronic illness, no regular income)');
  await investigating.accountIncome([{ source: '零工 (odd jobs)', monthlyYuan: 500 }]);
}

/** Baiyun Township, short of staff and without a delegation: materials missing, an application
 * refused, a refusal by the committee with its reasons that its head signed without the authority
 * to (the one decision the historical check flags, D§13), and an emergency payment whose paperwork
 * is still to do. */
async function seedBaiyun(run: DemoRun): Promise<void> {
  const materials = await run.apply(dibao('510199201201', head('罗大勇', '19760707')));
  await materials.step(materials.caseworker, 'requestMaterials', {
    missingMaterials: ['户口簿 (household register)', '收入证明 (proof of income)'],
  });
  const refused = await run.apply(dibao('510199201204', head('冉老五', '19650606')));
  await refused.step(refused.caseworker, 'refuseAcceptance', {
    reasons: '申请人户籍不在本乡 (the applicant is not registered in the township)',
  });
  // The refused applicant appeals through the village assistant, and the appeal waits for the district (D§12).
  await run.staff.as(refused.assistant, (caller, services) =>
    services.petitions.submit(
      caller,
      { caseKey: refused.key },
      {
        kind: PetitionKind.APPEAL,
        title: '对不予受理决定申请复核 (appeal against the refusal to accept)',
        content:
          '申请人称已于三年前将户籍迁入本乡，可提供迁移证明 (the applicant says the household registration moved here three years ago)',
        residentName: '冉老五',
      },
    ),
  );
  const denied = await (await run.apply(dibao('510199201202', head('谢秋菊', '19701201')))).prepareForReview(700);
  await run.meeting(
    [
      {
        case: denied,
        votes: { 'baiyun.head': Vote.REJECT, 'baiyun.member1': Vote.REJECT, 'baiyun.member2': Vote.REJECT, 'baiyun.member4': Vote.REJECT },
      },
    ],
    false,
  );
  await denied.recordDecisionWithoutAuthority(
    '家庭人均月收入700元，高于农村低保标准620元 (per-capita income of 700 yuan a month is above the rural standard of 620)',
  );
  const emergency = await run.apply({
    villageCode: '510199201203',
    programme: Programme.LINSHI,
    cause: '车祸 (traffic accident)',
    causeCategory: 'TRAFFIC_ACCIDENT',
    emergency: true,
    members: [
      head('唐小兵', '19880422', { labourCapacity: LabourCapacity.FULL, healthDetail: '车祸致腿部骨折 (leg broken in the accident)' }),
    ],
  });
  // Baiyun holds no delegation, so the district decides to pay first (D§6, D§13); a caseworker of
  // the township, not the one who decided, records the payment.
  await emergency.decideEmergencyPayment('district.officer', 1500);
  await emergency.step(emergency.caseworker, 'emergencyPay', { amount: 1500 });
}
