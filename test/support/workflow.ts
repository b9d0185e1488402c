import type { TestApp } from './harness';
import { householdInput, idNumber } from './households';

/** Runs an operation as `username` and returns its data, failing loudly with the errors otherwise. */
export async function as<T = Record<string, any>>(
  t: TestApp,
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await t.gql<T>(query, variables, await t.login(username));
  if (result.errors || !result.data) throw new Error(`${username}: ${query.slice(0, 60)}… failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export const CASE_FIELDS =
  'id status version programme amount kinRegistered dueAt overdue nextSteps refusalReasons noticeEndsAt duplicateFindings';

export async function caseOf(t: TestApp, username: string, id: string) {
  return (await as(t, username, `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id })).case;
}

export async function accountIdOf(t: TestApp, username: string): Promise<string> {
  const result = await as(t, 'admin', '{ accounts(first: 100) { nodes { id username } } }');
  return result.accounts.nodes.find((a: { username: string }) => a.username === username).id;
}

/** The input type of a mutation: `approveCase` → `ApproveCaseInput`. */
export const inputTypeOf = (mutation: string) => `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;

/** Runs a transition mutation with the case's current version; `fields` go into its input. The
 * result's `data[mutation]` is the case after the step (unwrapped from the payload). */
export async function step(t: TestApp, username: string, mutation: string, caseId: string, fields: Record<string, unknown> = {}) {
  const current = await caseOf(t, 'district.officer', caseId);
  const query = `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { case { ${CASE_FIELDS} } } }`;
  const result = await t.gql(query, { input: { caseId, version: current.version, ...fields } }, await t.login(username));
  if (result.data?.[mutation]) result.data[mutation] = result.data[mutation].case;
  return result;
}

export async function stepOk(t: TestApp, username: string, mutation: string, caseId: string, fields: Record<string, unknown> = {}) {
  const result = await step(t, username, mutation, caseId, fields);
  if (result.errors) throw new Error(`${username} ${mutation} failed: ${JSON.stringify(result.errors)}`);
  return result.data![mutation];
}

const HEXI = '510199101000';

/** Hexi's joint review committee: head as chair and five voting members in all (P3.2). A valid one
 * also takes up the district's delegations (D§13), so that Hexi's head decides as in the demo. */
export async function setHexiCommittee(
  t: TestApp,
  usernames = ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2', 'hexi.member3'],
  deputy = 'hexi.member3',
) {
  const functions = ['CHAIR', 'CIVIL_AFFAIRS', 'DISCIPLINE_INSPECTION', 'FINANCE', 'POVERTY_ALLEVIATION', 'VILLAGE_CADRE'];
  const members = await Promise.all(usernames.map(async (u, i) => ({ accountId: await accountIdOf(t, u), function: functions[i] })));
  const deputyChairId = usernames.includes(deputy) ? await accountIdOf(t, deputy) : null;
  // The township forms its committee: its head records it (P3.2, P5.1).
  const { committee } = (
    await as(t, 'hexi.head', 'mutation($input: SetCommitteeInput!) { setCommittee(input: $input) { committee { id valid problems } } }', {
      input: { townshipCode: HEXI, members, deputyChairId },
    })
  ).setCommittee;
  if (committee.valid) await delegate(t, HEXI);
  return committee;
}

const TOWNSHIP_HEADS: Record<string, string> = {
  '510199001000': 'chengguan.head',
  '510199101000': 'hexi.head',
  '510199102000': 'shiqiao.head',
  '510199201000': 'baiyun.head',
};

/** A work plan of the township, drafted and filed by its head and accepted by the district (P5.1), unless one is already accepted. */
export async function acceptedWorkPlan(t: TestApp, townshipCode: string) {
  const accepted = await as(
    t,
    'district.officer',
    'query($t: String) { workPlans(townshipCode: $t, kind: WORK_PLAN, status: ACCEPTED) { totalCount } }',
    { t: townshipCode },
  );
  if (accepted.workPlans.totalCount > 0) return;
  const head = TOWNSHIP_HEADS[townshipCode];
  const { draftWorkPlan } = await as(t, head, 'mutation($i: DraftWorkPlanInput!) { draftWorkPlan(input: $i) { workPlan { id } } }', {
    i: { townshipCode, kind: 'WORK_PLAN', year: 2026, title: '工作方案', body: '按区实施意见开展工作。', documentDate: '2026-01-05' },
  });
  const i = { workPlanId: draftWorkPlan.workPlan.id };
  await as(t, head, 'mutation($i: FileWorkPlanInput!) { fileWorkPlan(input: $i) { workPlan { id } } }', { i });
  await as(t, 'district.officer', 'mutation($i: AcceptWorkPlanInput!) { acceptWorkPlan(input: $i) { workPlan { id } } }', { i });
}

/** The district officer's delegations to a township, effective today, for each programme it does not hold yet (D§13);
 * the township's work plan is accepted first, a precondition of taking one up. */
export async function delegate(t: TestApp, townshipCode: string, programmes = ['DIBAO', 'TEKUN', 'LINSHI']) {
  await acceptedWorkPlan(t, townshipCode);
  const held = await as(
    t,
    'district.officer',
    'query($t: String) { delegations(townshipCode: $t, first: 100) { nodes { kind programme } } }',
    {
      t: townshipCode,
    },
  );
  const granted = new Set(
    held.delegations.nodes.filter((d: { kind: string }) => d.kind === 'GRANT').map((d: { programme: string }) => d.programme),
  );
  for (const programme of programmes.filter((p) => !granted.has(p))) {
    await as(t, 'district.officer', 'mutation($i: GrantDelegationInput!) { grantDelegation(input: $i) { delegation { id } } }', {
      i: { townshipCode, programme, effectiveFrom: new Date().toISOString().slice(0, 10), documentReference: '测试〔2026〕1号' },
    });
  }
}

/**
 * A case for a relative a staff member has declared (P6.3): `declarer` declares `kin`, whose
 * household the assistant of `kin.village` registers and for whom it applies with `application`
 * (programme and the rest; the household and channel are filled in). Returns the case.
 */
export async function applyForKin(
  t: TestApp,
  kin: { declarer: string; name: string; idNumber: string; relation: string; village: string; address: string },
  application: Record<string, unknown>,
) {
  await as(t, kin.declarer, 'mutation($i: DeclareKinInput!) { declareKin(input: $i) { kinDeclaration { id } } }', {
    i: { name: kin.name, idNumber: kin.idNumber, relation: kin.relation },
  });
  const assistant = `va.${kin.village.slice(6)}`;
  const household = (
    await as(t, assistant, 'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } } }', {
      input: {
        villageCode: kin.village,
        residence: 'RURAL',
        address: kin.address,
        members: [{ name: kin.name, idNumber: kin.idNumber, relation: 'HEAD', labourCapacity: 'NONE' }],
      },
    })
  ).createHousehold.household;
  return (
    await as(t, assistant, `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { ${CASE_FIELDS} } } }`, {
      input: { householdId: household.id, channel: 'WINDOW', ...application },
    })
  ).submitApplication.case;
}

/**
 * A case the Hexi head must recuse from (P6.3, D§4): the head declares a sibling, whose household
 * village 101203 registers and for whom it applies for `programme`. Returns the case, kin-registered.
 */
export function applyForHeadsKin(t: TestApp, programme: string) {
  return applyForKin(
    t,
    {
      declarer: 'hexi.head',
      name: '组长亲',
      idNumber: idNumber('19520505', 905),
      relation: 'SIBLING',
      village: '510199101203',
      address: '组长亲属家',
    },
    { programme },
  );
}

/** Registers a household in a Hexi village and applies, as the village assistant. */
export async function apply(
  t: TestApp,
  programme: string,
  options: {
    village?: string;
    head?: string;
    extra?: { name: string; birth: string; relation: string }[];
    /** Birth date (YYYYMMDD) and work capacity of the head. */
    headBirth?: string;
    headCapacity?: 'FULL' | 'PARTIAL' | 'NONE';
    emergency?: boolean;
    cause?: string;
    /** A LINSHI cause category of the district's list (D§6); fire unless given. */
    causeCategory?: string;
  } = {},
) {
  const village = options.village ?? '510199101201';
  const assistant = `va.${village.slice(6)}`;
  const household = (
    await as(
      t,
      assistant,
      'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id members { id name } } } }',
      { input: householdInput(village, options.head ?? '李大山', options.extra ?? [], options) },
    )
  ).createHousehold.household;
  const submitted = (
    await as(t, assistant, `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { ${CASE_FIELDS} } } }`, {
      input: {
        householdId: household.id,
        programme,
        channel: 'WINDOW',
        emergency: options.emergency ?? false,
        cause: programme === 'LINSHI' ? (options.cause ?? '火灾 (house fire)') : undefined,
        causeCategory: programme === 'LINSHI' ? (options.causeCategory ?? 'FIRE') : undefined,
      },
    })
  ).submitApplication.case;
  return { household, case: submitted };
}

/** The verification round: district approves the request, every department answers, district approves the report. */
export async function verify(t: TestApp, caseId: string) {
  const [request] = (
    await as(t, 'district.officer', 'query($c: ID!) { verificationRequests(caseId: $c) { nodes { id status } } }', { c: caseId })
  ).verificationRequests.nodes;
  await as(
    t,
    'district.officer',
    'mutation($r: ID!) { approveVerificationRequest(input: { requestId: $r }) { verificationRequest { status } } }',
    { r: request.id },
  );
  for (const department of ['dept.police', 'dept.tax', 'dept.hrss', 'dept.market', 'dept.bank']) {
    const pending = (
      await as(t, department, 'query($r: ID!) { verificationAnswers(pending: true, requestId: $r) { nodes { id } } }', { r: request.id })
    ).verificationAnswers.nodes;
    for (const answer of pending) {
      await as(
        t,
        department,
        'mutation($a: ID!) { answerVerification(input: { answerId: $a, findings: "No record found (无记录)" }) { verificationAnswer { answeredAt } } }',
        { a: answer.id },
      );
    }
  }
  await as(
    t,
    'district.officer',
    'mutation($r: ID!) { approveVerificationReport(input: { requestId: $r }) { verificationRequest { status } } }',
    { r: request.id },
  );
}

/** What a TEKUN investigation found about the head of household (D§3): by default, eligible. */
export interface TekunFindings {
  workCapacity?: 'FULL' | 'PARTIAL' | 'NONE';
  inSchool?: boolean;
  legalSupporters?: 'NONE' | 'UNABLE' | 'ABLE';
}

/** Investigation by two Hexi caseworkers, both signing; for TEKUN, with the findings about the head. */
export async function investigate(
  t: TestApp,
  caseId: string,
  investigators = ['hexi.caseworker', 'hexi.caseworker2'],
  tekun?: TekunFindings,
) {
  const ids = await Promise.all(investigators.map((u) => accountIdOf(t, u)));
  const headId = tekun
    ? (
        await as(t, 'hexi.caseworker', 'query($c: ID!) { case(id: $c) { household { members { id relation } } } }', { c: caseId })
      ).case.household.members.find((m: { relation: string }) => m.relation === 'HEAD').id
    : null;
  const findings = tekun && { personId: headId, workCapacity: 'NONE', legalSupporters: 'NONE', ...tekun };
  const investigation = (
    await as(t, 'hexi.caseworker', 'mutation($i: RecordInvestigationInput!) { recordInvestigation(input: $i) { investigation { id } } }', {
      i: {
        caseId,
        visitedOn: '2026-11-20',
        findings: 'Household visited; situation as declared (入户核实属实).',
        investigatorIds: ids,
        tekun: findings,
      },
    })
  ).recordInvestigation.investigation;
  for (const u of investigators)
    await as(t, u, 'mutation($i: ID!) { signInvestigation(input: { investigationId: $i }) { investigation { id } } }', {
      i: investigation.id,
    });
  return investigation;
}

export async function accountIncome(t: TestApp, caseId: string, monthlyYuan = 400) {
  return (
    await as(
      t,
      'hexi.caseworker',
      'mutation($i: RecordIncomeAccountingInput!) { recordIncomeAccounting(input: $i) { incomeAccounting { perCapitaIncomeYuan amountYuan belowStandard } } }',
      {
        i: {
          caseId,
          items: [{ source: 'farming (务农)', monthlyYuan, counted: true }],
          assets: [{ kind: 'deposit (存款)', description: '活期', valueYuan: 3000 }],
          deductionsYuan: 0,
        },
      },
    )
  ).recordIncomeAccounting.incomeAccounting;
}

/** From SUBMITTED to TOWNSHIP_REVIEW for a DIBAO (or TEKUN) case of Hexi. */
export async function prepareForReview(
  t: TestApp,
  caseId: string,
  options: { tekun?: boolean; findings?: TekunFindings; incomeYuan?: number } = {},
) {
  await stepOk(t, 'hexi.caseworker', 'acceptCase', caseId);
  await stepOk(t, 'hexi.caseworker', 'startInvestigation', caseId);
  await verify(t, caseId);
  await investigate(t, caseId, undefined, options.tekun ? (options.findings ?? {}) : undefined);
  await accountIncome(t, caseId, options.incomeYuan);
  if (options.tekun) {
    const items = { eating: true, dressing: false, transferring: false, toileting: true, walkingIndoors: true, bathing: false };
    await as(
      t,
      'hexi.caseworker',
      'mutation($c: ID!, $i: SelfCareInput!) { recordCareAssessment(input: { caseId: $c, items: $i, supportForm: DISPERSED }) { case { careLevel } } }',
      { c: caseId, i: items },
    );
  }
  return stepOk(t, 'hexi.caseworker', 'submitForReview', caseId);
}

/** A meeting with everyone present; each voter votes as given. */
export async function meetingWithVotes(
  t: TestApp,
  caseIds: string[],
  votes: Record<string, string>,
  present = ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2', 'hexi.member3'],
) {
  const meeting = (
    await as(
      t,
      'hexi.caseworker',
      `mutation($c: [ID!]!) { scheduleMeeting(input: { townshipCode: "${HEXI}", heldOn: "2026-11-25", caseIds: $c }) { meeting { id } } }`,
      { c: caseIds },
    )
  ).scheduleMeeting.meeting;
  const presentIds = await Promise.all(present.map((u) => accountIdOf(t, u)));
  await as(
    t,
    'hexi.caseworker',
    'mutation($m: ID!, $p: [ID!]!) { recordAttendance(input: { meetingId: $m, presentIds: $p }) { meeting { id } } }',
    { m: meeting.id, p: presentIds },
  );
  for (const caseId of caseIds) {
    for (const [voter, vote] of Object.entries(votes)) {
      await as(
        t,
        voter,
        `mutation($m: ID!, $c: ID!) { castVote(input: { meetingId: $m, caseId: $c, vote: ${vote} }) { committeeVote { vote } } }`,
        { m: meeting.id, c: caseId },
      );
    }
  }
  return meeting.id as string;
}

/** Every member who may vote approves; hexi.caseworker2 investigated and recuses (D§4). */
export const ALL_APPROVE = { 'hexi.head': 'APPROVE', 'hexi.member1': 'APPROVE', 'hexi.member2': 'APPROVE', 'hexi.member3': 'APPROVE' };

/** As if the notice period had passed: moves the case's notice (and its deadline) into the past. */
export async function letNoticePass(t: TestApp, caseId: string) {
  const id = Buffer.from(caseId, 'base64url').toString().split(':')[2];
  await t.dataSource.query(
    `UPDATE cases SET notice_starts_at = notice_starts_at - interval '8 days', notice_ends_at = notice_ends_at - interval '8 days' WHERE id = $1`,
    [id],
  );
}

export const rawId = (caseId: string) => Buffer.from(caseId, 'base64url').toString().split(':')[2];

/** Cases in TOWNSHIP_REVIEW through one meeting that approves them all, the head's conclusion and
 * the notice period: each then awaits the head's decision. */
export async function throughNotice(t: TestApp, caseIds: string[]) {
  const meetingId = await meetingWithVotes(t, caseIds, ALL_APPROVE);
  for (const id of caseIds) {
    await stepOk(t, 'hexi.head', 'concludeReview', id, { meetingId });
    await letNoticePass(t, id);
  }
}

/** A Hexi DIBAO application of a household headed by `head`, reviewed and through its notice: it awaits the head's decision. */
export async function awaitingDecision(t: TestApp, head: string) {
  const applied = await apply(t, 'DIBAO', { head });
  await prepareForReview(t, applied.case.id);
  await throughNotice(t, [applied.case.id]);
  return applied;
}

/** A Hexi DIBAO application of a household headed by `head`, approved by the township head: the household is enrolled. */
export async function approvedDibao(t: TestApp, head: string) {
  const applied = await awaitingDecision(t, head);
  await stepOk(t, 'hexi.head', 'approveCase', applied.case.id);
  return applied;
}

/** Dynamic management of a Hexi enrolment (D§9): village 101201 reports a change, and the caseworker's review keeps the enrolment. */
export async function reportChangeAndKeep(t: TestApp, enrolmentId: string) {
  await as(
    t,
    'va.101201',
    'mutation($e: ID!) { recordChangeReport(input: { enrolmentId: $e, reportedOn: "2026-11-27", content: "外出务工" }) { changeReport { id } } }',
    { e: enrolmentId },
  );
  await as(
    t,
    'hexi.caseworker',
    'mutation($e: ID!) { recordReviewOutcome(input: { enrolmentId: $e, outcome: KEEP, reasons: "收入未变" }) { review { id } } }',
    { e: enrolmentId },
  );
}

/** A DIBAO case of Hexi under investigation, verified and investigated, without an accounting yet. Returns its id. */
export async function investigating(t: TestApp, head: string): Promise<string> {
  const { case: applied } = await apply(t, 'DIBAO', { head });
  await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
  await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
  await verify(t, applied.id);
  await investigate(t, applied.id);
  return applied.id;
}

/** `count` decisions of the Hexi head on a case awaiting one, denials and approvals in turn, all sent at once with the case's current version. */
export async function decisionsAtOnce(t: TestApp, caseId: string, count: number) {
  const { version } = await caseOf(t, 'hexi.head', caseId);
  const token = await t.login('hexi.head');
  const approve = `mutation($id: ID!, $v: Int!) { approveCase(input: { caseId: $id, version: $v }) { case { status } } }`;
  const deny = `mutation($id: ID!, $v: Int!) { denyCase(input: { caseId: $id, version: $v, reasons: "收入超标 (income above the standard)" }) { case { status } } }`;
  return Promise.all(Array.from({ length: count }, (_, i) => t.gql(i % 2 ? approve : deny, { id: caseId, v: version }, token)));
}
