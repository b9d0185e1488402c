import { codeOf, messageKeyOf, useTestApp, unmetKeysOf } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { idNumber } from './support/households';
import {
  accountIdOf,
  ALL_APPROVE,
  apply,
  applyForKin,
  as,
  awaitingDecision,
  caseOf,
  decisionsAtOnce,
  investigate,
  letNoticePass,
  meetingWithVotes,
  prepareForReview,
  rawId,
  setHexiCommittee,
  step,
  stepOk,
  verify,
} from './support/workflow';

const t = useTestApp({ fixture: OTHER_DISTRICT });
beforeAll(async () => {
  const committee = await setHexiCommittee(t);
  expect(committee).toMatchObject({ valid: true, problems: [] });
});

const DECIDE_EMERGENCY = 'mutation($i: DecideEmergencyPaymentInput!) { decideEmergencyPayment(input: $i) { case { id status amount } } }';

/** The Hexi head's decision to pay an emergency first (D§6). */
const decideEmergency = (caseId: string, amount: number) => as(t, 'hexi.head', DECIDE_EMERGENCY, { i: { caseId, amount } });

const countRows = async (table: string, caseId: string) =>
  (
    await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'audit_log' ? 'subject_id' : 'case_id'} = $1`, [
      rawId(caseId),
    ])
  )[0].n as number;

describe('a DIBAO case from a village application to filing, each actor with its own account', () => {
  it('goes SUBMITTED → ACCEPTED → INVESTIGATING → TOWNSHIP_REVIEW → PUBLIC_NOTICE → APPROVED → FILED', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '陈小明' });
    expect(applied.status).toBe('SUBMITTED');
    expect(applied.nextSteps).toEqual([]); // the village may not accept

    const reviewed = await prepareForReview(t, applied.id);
    expect(reviewed.status).toBe('TOWNSHIP_REVIEW');
    expect(reviewed.amount).toBe('220.00'); // rural standard 620 − 400 per capita, one person (D§8)
    const accounting = (
      await as(
        t,
        'hexi.member1',
        'query($id: ID!) { case(id: $id) { incomeAccountings { perCapitaIncomeYuan standardYuan assets { kind description valueYuan } } } }',
        { id: applied.id },
      )
    ).case.incomeAccountings;
    expect(accounting).toEqual([
      {
        perCapitaIncomeYuan: '400.00',
        standardYuan: '620.00',
        assets: [{ kind: 'deposit (存款)', description: '活期', valueYuan: '3000.00' }],
      },
    ]);

    // Waiting for whom: the caseworker schedules the meeting; the head cannot conclude without one.
    const PENDING = 'query($id: ID!) { case(id: $id) { nextSteps pendingSteps { step roles accounts { username } unmet dueAt } } }';
    const seen = (await as(t, 'hexi.caseworker', PENDING, { id: applied.id })).case;
    expect(seen.nextSteps).toEqual([]);
    const byStep = Object.fromEntries(seen.pendingSteps.map((p: { step: string }) => [p.step, p]));
    expect(Object.keys(byStep)).toEqual(['scheduleMeeting', 'concludeReview']);
    expect(byStep.scheduleMeeting).toMatchObject({ roles: ['TOWNSHIP_CASEWORKER'], unmet: [] });
    expect(byStep.scheduleMeeting.accounts.map((a: { username: string }) => a.username).sort()).toEqual([
      'hexi.caseworker',
      'hexi.caseworker2',
      'hexi.caseworker3',
    ]);
    expect(byStep.concludeReview.roles).toEqual(['TOWNSHIP_HEAD']);
    expect(byStep.concludeReview.accounts).toEqual([{ username: 'hexi.head' }]);
    expect(byStep.concludeReview.unmet).toEqual(['须先召开联审联批会议审议本案。']);
    expect(byStep.concludeReview.dueAt).not.toBeNull();
    // The village sees the same steps and roles, but not the township's accounts.
    const village = (await as(t, 'va.101201', PENDING, { id: applied.id })).case;
    expect(village.pendingSteps.map((p: { step: string; accounts: unknown[] }) => [p.step, p.accounts])).toEqual([
      ['scheduleMeeting', []],
      ['concludeReview', []],
    ]);

    const meetingId = await meetingWithVotes(t, [applied.id], ALL_APPROVE);
    const noticed = await stepOk(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });
    expect(noticed.status).toBe('PUBLIC_NOTICE');
    const notices = (await t.gql('{ publicNotices(villageCode: "510199101201") { maskedName householdSize programme amount } }')).data!
      .publicNotices;
    expect(notices).toContainEqual({ maskedName: '陈*明', householdSize: 1, programme: 'DIBAO', amount: '220.00' });

    const early = await step(t, 'hexi.head', 'approveCase', applied.id);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    await letNoticePass(t, applied.id);
    const approved = await stepOk(t, 'hexi.head', 'approveCase', applied.id);
    expect(approved.status).toBe('APPROVED');

    const ENROLMENTS = '{ enrolments(programme: DIBAO) { nodes { payeeName monthlyAmount startMonth reviewClass } } }';
    const enrolments = (await as(t, 'finance', ENROLMENTS)).enrolments.nodes;
    // Finance pays the payee: the amount, not the review class drawn from the household's situation (P4.4).
    expect(enrolments).toContainEqual(expect.objectContaining({ payeeName: '陈小明', monthlyAmount: '220.00', reviewClass: null }));
    expect(enrolments[0].startMonth).toMatch(/^\d{4}-\d{2}-01$/);
    expect((await as(t, 'hexi.caseworker', ENROLMENTS)).enrolments.nodes).toContainEqual(
      expect.objectContaining({ payeeName: '陈小明', reviewClass: 'B' }),
    );

    const filed = await stepOk(t, 'hexi.caseworker', 'fileCase', applied.id);
    expect(filed.status).toBe('FILED');

    const history = (
      await as(t, 'district.officer', 'query($id: ID!) { case(id: $id) { events { action fromStatus toStatus actorUsername } } }', {
        id: applied.id,
      })
    ).case.events;
    const moves = history
      .filter((e: { fromStatus: string; toStatus: string }) => e.fromStatus !== e.toStatus)
      .map((e: { action: string; actorUsername: string }) => `${e.action}:${e.actorUsername}`);
    expect(moves).toEqual([
      'submit:va.101201',
      'acceptCase:hexi.caseworker',
      'startInvestigation:hexi.caseworker',
      'submitForReview:hexi.caseworker',
      'concludeReview:hexi.head',
      'approveCase:hexi.head',
      'fileCase:hexi.caseworker',
    ]);
    const due = async () =>
      (await as(t, 'district.officer', '{ cases(filter: { spotCheckDue: true }) { edges { node { id } } } }')).cases.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    // Nothing is due before the district draws (P4.3): the sample does not exist yet.
    expect(await due()).not.toContain(applied.id);
    await as(
      t,
      'district.officer',
      'mutation { updateSetting(input: { key: "spotCheckRatePercent", value: 0 }) { settings { districtCode } } }',
    );
    await as(t, 'district.officer', 'mutation { drawSpotCheckSample(input: {}) { draw { id } } }');
    expect(await due()).not.toContain(applied.id);
    // a kin-registered case is always checked, whatever the rate and the draw (D§3)
    await t.dataSource.query('UPDATE cases SET kin_registered = true WHERE id = $1', [rawId(applied.id)]);
    expect(await due()).toContain(applied.id);
    await as(
      t,
      'district.officer',
      'mutation { updateSetting(input: { key: "spotCheckRatePercent", value: null }) { settings { districtCode } } }',
    );
    const spot = await stepOk(t, 'district.officer', 'spotCheck', applied.id, { outcome: 'CONFIRMED', findings: 'Checked on site.' });
    expect(spot.status).toBe('SPOT_CHECKED');
    const checks = (await as(t, 'auditor', 'query($id: ID!) { case(id: $id) { spotChecks { outcome findings } } }', { id: applied.id }))
      .case.spotChecks;
    expect(checks).toEqual([{ outcome: 'CONFIRMED', findings: 'Checked on site.' }]);
    const edit = t.ownerDataSource.query('UPDATE spot_checks SET findings = $1', ['rewritten']);
    await expect(edit).rejects.toThrow(/append-only/);
  });
});

describe('an objection during the notice', () => {
  it('leads to a democratic appraisal and a new committee review', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '周建国' });
    await prepareForReview(t, applied.id);
    const meetingId = await meetingWithVotes(t, [applied.id], ALL_APPROVE);
    await stepOk(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });

    const objected = await stepOk(t, 'va.101201', 'raiseObjection', applied.id, {
      objector: '村民王某',
      content: 'The household runs a shop (经营商铺).',
    });
    expect(objected.status).toBe('OBJECTION_RAISED');
    const tooSoon = await step(t, 'va.101201', 'returnToReview', applied.id);
    expect(codeOf(tooSoon)).toBe('INVALID_TRANSITION');

    await as(
      t,
      'va.101201',
      'mutation($c: ID!) { recordAppraisal(input: { caseId: $c, heldOn: "2026-11-26", participants: 15, supported: true, minutes: "The shop closed in 2024 (商铺已于2024年关闭)." }) { appraisal { outcome } } }',
      { c: applied.id },
    );
    const back = await stepOk(t, 'va.101201', 'returnToReview', applied.id, {
      note: 'The appraisal found the shop closed (评议确认已停业).',
    });
    const [objection] = (
      await as(t, 'hexi.caseworker', 'query($id: ID!) { case(id: $id) { objections { resolution resolutionNote resolvedAt } } }', {
        id: applied.id,
      })
    ).case.objections;
    expect(objection).toMatchObject({ resolution: 'APPRAISAL', resolutionNote: 'The appraisal found the shop closed (评议确认已停业).' });
    expect(objection.resolvedAt).not.toBeNull();
    expect(back.status).toBe('TOWNSHIP_REVIEW');
    const reused = await step(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });
    expect(codeOf(reused)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(reused)).toEqual(['committee.meeting.stale']);
    const again = await meetingWithVotes(t, [applied.id], ALL_APPROVE);
    expect((await stepOk(t, 'hexi.head', 'concludeReview', applied.id, { meetingId: again })).status).toBe('PUBLIC_NOTICE');
  });

  it('is not taken once the notice period has ended', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '吴海' });
    await prepareForReview(t, applied.id);
    const meetingId = await meetingWithVotes(t, [applied.id], ALL_APPROVE);
    await stepOk(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });
    await letNoticePass(t, applied.id);
    const late = await step(t, 'va.101201', 'raiseObjection', applied.id, { objector: 'x', content: 'y' });
    expect(codeOf(late)).toBe('INVALID_TRANSITION');
  });
});

describe('a refusal', () => {
  it('is refused by the committee, gets reasons, and is delivered by the village within the deadline', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '郑强' });
    await prepareForReview(t, applied.id);
    const meetingId = await meetingWithVotes(t, [applied.id], {
      'hexi.head': 'REJECT',
      'hexi.member1': 'REJECT',
      'hexi.member2': 'APPROVE',
      'hexi.member3': 'REJECT',
    });
    const denied = await stepOk(t, 'hexi.head', 'concludeReview', applied.id, {
      meetingId,
      reasons: 'Per-capita income above the standard after re-count (人均收入高于标准).',
    });
    expect(denied.status).toBe('DENIED');
    expect(denied.refusalReasons).toMatch(/above the standard/);
    expect(denied.dueAt).not.toBeNull();

    const delivered = await as(
      t,
      'va.101201',
      'mutation($c: ID!) { recordDelivery(input: { caseId: $c, deliveredOn: "2026-11-27", recipient: "郑强" }) { delivery { decision } } }',
      { c: applied.id },
    );
    expect(delivered.recordDelivery.delivery.decision).toBe('DENIED');
    const after = await caseOf(t, 'va.101201', applied.id);
    expect(after).toMatchObject({ dueAt: null, overdue: false });
  });

  it('by the committee without written reasons is refused and changes nothing; no canned sentence stands in for them', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '无理由' });
    await prepareForReview(t, applied.id);
    const meetingId = await meetingWithVotes(t, [applied.id], {
      'hexi.head': 'REJECT',
      'hexi.member1': 'REJECT',
      'hexi.member2': 'REJECT',
      'hexi.member3': 'APPROVE',
    });
    const before = await caseOf(t, 'hexi.head', applied.id);
    const eventsBefore = await countRows('case_events', applied.id);
    for (const reasons of [undefined, '   ']) {
      const refused =
        reasons === undefined
          ? await step(t, 'hexi.head', 'concludeReview', applied.id, { meetingId })
          : await step(t, 'hexi.head', 'concludeReview', applied.id, { meetingId, reasons });
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        messageKey: 'case.review.reasonsRequired',
        field: 'reasons',
      });
    }
    expect(await caseOf(t, 'hexi.head', applied.id)).toEqual(before);
    expect(before).toMatchObject({ status: 'TOWNSHIP_REVIEW', refusalReasons: null });
    expect(await countRows('case_events', applied.id)).toBe(eventsBefore);
    const denied = await stepOk(t, 'hexi.head', 'concludeReview', applied.id, {
      meetingId,
      reasons: '家庭人均收入高于当地低保标准。',
    });
    expect(denied).toMatchObject({ status: 'DENIED', refusalReasons: '家庭人均收入高于当地低保标准。' });
  });

  it('of acceptance needs written reasons', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '冯立' });
    const none = await step(t, 'hexi.caseworker', 'refuseAcceptance', applied.id, { reasons: '   ' });
    expect(codeOf(none)).toBe('BAD_USER_INPUT');
    expect(messageKeyOf(none)).toBe('case.refusal.reasonsRequired');
    expect((await caseOf(t, 'hexi.caseworker', applied.id)).status).toBe('SUBMITTED');
    const refused = await stepOk(t, 'hexi.caseworker', 'refuseAcceptance', applied.id, {
      reasons: 'Not resident in the district (非本区户籍).',
    });
    expect(refused.status).toBe('NOT_ACCEPTED');
  });

  it('lists missing materials once only', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '蒋平' });
    await stepOk(t, 'hexi.caseworker', 'requestMaterials', applied.id, {
      missingMaterials: ['户口簿 (household register)', '收入证明 (income proof)'],
    });
    await stepOk(t, 'va.101201', 'supplyMaterials', applied.id);
    const second = await step(t, 'hexi.caseworker', 'requestMaterials', applied.id, { missingMaterials: ['more'] });
    expect(codeOf(second)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(second)).toEqual(['case.transition.unmet.materialsListedOnce']);
  });
});

describe('TEKUN', () => {
  it('computes the care level and never publishes a household with a minor', async () => {
    const { case: withMinor } = await apply(t, 'TEKUN', {
      head: '孤老甲',
      headBirth: '19500101',
      headCapacity: 'NONE',
      extra: [{ name: '孙小宝', birth: '20150601', relation: 'GRANDCHILD' }],
    });
    const reviewed = await prepareForReview(t, withMinor.id, { tekun: true });
    // three of six items unable → partly dependent: 620 × 1.3 = 806, + 300 care allowance
    expect(reviewed.amount).toBe('1106.00');
    const meetingId = await meetingWithVotes(t, [withMinor.id], ALL_APPROVE);
    expect((await stepOk(t, 'hexi.head', 'concludeReview', withMinor.id, { meetingId })).status).toBe('PUBLIC_NOTICE');
    const notices = (await t.gql('{ publicNotices { maskedName programme } }')).data!.publicNotices;
    expect(notices.filter((n: { maskedName: string }) => n.maskedName === '孤*甲')).toEqual([]);
  });

  it('public notices never carry ID numbers, phones, bank accounts, addresses or health detail', async () => {
    const response = await t.http().post('/graphql').send({ query: '{ __type(name: "PublicNotice") { fields { name } } }' });
    const fields = response.body.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields.sort()).toEqual([
      'amount',
      'householdSize',
      'id',
      'maskedName',
      'noticeEndsAt',
      'noticeStartsAt',
      'programme',
      'villageCode',
      'villageName',
    ]);
  });
});

describe('LINSHI', () => {
  it('emergency: pays first, and is flagged overdue to the district when the paperwork is late', async () => {
    const { case: applied } = await apply(t, 'LINSHI', { head: '钱急', emergency: true });
    await decideEmergency(applied.id, 3000);
    const paid = await stepOk(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 3000 });
    expect(paid).toMatchObject({ status: 'EMERGENCY_PAID', amount: '3000.00', overdue: false });
    // as if the paperwork deadline (5 working days) had passed
    await t.dataSource.query("UPDATE cases SET due_at = now() - interval '1 day' WHERE id = $1", [rawId(applied.id)]);
    const overdue = (await as(t, 'district.officer', `{ overdueCases { totalCount edges { node { id status } } } }`)).overdueCases;
    expect(overdue.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(applied.id);
    await investigate(t, applied.id);
    const unverified = await step(t, 'hexi.caseworker', 'completeEmergencyPaperwork', applied.id);
    expect(unmetKeysOf(unverified)).toEqual(['case.transition.unmet.verificationApproved']);
    await verify(t, applied.id);
    expect((await stepOk(t, 'hexi.caseworker', 'completeEmergencyPaperwork', applied.id)).status).toBe('PAID');
  });

  it('refuses an emergency payment on a general application', async () => {
    const { case: applied } = await apply(t, 'LINSHI', { head: '孙一般' });
    const refused = await step(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 500 });
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
  });

  it('needs district confirmation above the township limit, and refuses the same cause again within 12 months', async () => {
    const setTownshipLimit = (value: number | null) =>
      as(
        t,
        'district.officer',
        `mutation { updateSetting(input: { key: "linshiTownshipLimitYuan", value: ${value} }) { settings { districtCode } } }`,
      );
    await setTownshipLimit(2000);
    const { case: applied, household } = await apply(t, 'LINSHI', {
      head: '赵大额',
      cause: '水灾 (flood)',
      causeCategory: 'NATURAL_DISASTER',
    });
    await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
    await verify(t, applied.id);
    await investigate(t, applied.id);
    await stepOk(t, 'hexi.caseworker', 'startNotice', applied.id, { amount: 5000 });
    await letNoticePass(t, applied.id);
    const overLimit = await step(t, 'hexi.head', 'approveCase', applied.id);
    expect(codeOf(overLimit)).toBe('INVALID_TRANSITION');
    expect(overLimit.errors![0].extensions!.unmet).toEqual([
      expect.objectContaining({
        key: 'case.transition.unmet.linshiLimit',
        params: { amount: 5000, limit: 2000 },
        clause: 'D§6',
      }),
    ]);
    await as(t, 'district.officer', 'mutation($c: ID!) { confirmAmount(input: { caseId: $c }) { case { districtConfirmed } } }', {
      c: applied.id,
    });
    expect((await stepOk(t, 'hexi.head', 'approveCase', applied.id)).status).toBe('APPROVED');
    expect((await stepOk(t, 'hexi.caseworker', 'recordPayment', applied.id)).status).toBe('PAID');
    await setTownshipLimit(null);

    // The same household applies again for the same cause.
    const applyAgain = async (fields: Record<string, unknown> = {}) =>
      t.gql(
        `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id } } }`,
        {
          input: {
            householdId: household.id,
            programme: 'LINSHI',
            channel: 'WINDOW',
            cause: '水灾 (FLOOD)',
            causeCategory: 'NATURAL_DISASTER',
            ...fields,
          },
        },
        await t.login('va.101201'),
      );
    const repeat = await applyAgain();
    expect(codeOf(repeat)).toBe('CONFLICT');
    const withNewGrounds = await applyAgain({ newGrounds: true, note: 'Second flood in November.' });
    expect(withNewGrounds.errors).toBeUndefined();
  });
});

describe('favour cases (P6.3) and duplicates (D§5)', () => {
  it("flags a kin-registered case at acceptance, lists it for the district, and refuses the related member's vote", async () => {
    const applied = await applyForKin(
      t,
      {
        declarer: 'hexi.member2',
        name: '钱亲戚',
        idNumber: idNumber('19600303', 901),
        relation: 'SIBLING',
        village: '510199101202',
        address: '张湾村 1 组',
      },
      { programme: 'DIBAO' },
    );
    const accepted = await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
    expect(accepted.kinRegistered).toBe(true);
    const listed = (
      await as(t, 'district.officer', '{ cases(filter: { kinRegistered: true }) { edges { node { id } } } }')
    ).cases.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(listed).toContain(applied.id);

    await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
    await verify(t, applied.id);
    await investigate(t, applied.id);
    await as(
      t,
      'hexi.caseworker',
      `mutation($c: ID!) { recordIncomeAccounting(input: { caseId: $c, items: [], deductionsYuan: 0 }) { incomeAccounting { amountYuan } } }`,
      { c: applied.id },
    );
    await stepOk(t, 'hexi.caseworker', 'submitForReview', applied.id);
    // Everyone present, no vote cast yet.
    const meetingId = await meetingWithVotes(t, [applied.id], {});
    const voteApprove = async (username: string) =>
      t.gql(
        'mutation($m: ID!, $c: ID!) { castVote(input: { meetingId: $m, caseId: $c, vote: APPROVE }) { committeeVote { vote } } }',
        { m: meetingId, c: applied.id },
        await t.login(username),
      );

    const kinVote = await voteApprove('hexi.member2');
    expect(codeOf(kinVote)).toBe('FORBIDDEN');
    expect(kinVote.errors![0].extensions).toMatchObject({ messageKey: 'permission.denied.rule', clause: 'P6.3' });
    const investigatorVote = await voteApprove('hexi.caseworker2');
    expect(codeOf(investigatorVote)).toBe('FORBIDDEN');
    expect(investigatorVote.errors![0].extensions).toMatchObject({ messageKey: 'permission.denied.rule', clause: 'D§4' });
    const fairVote = await voteApprove('hexi.member1');
    expect(fairVote.errors).toBeUndefined();
    const votes = (await t.dataSource.query('SELECT count(*)::int AS n FROM votes WHERE case_id = $1', [rawId(applied.id)]))[0].n;
    expect(votes).toBe(1);
  });

  it('refuses a related caseworker as investigator', async () => {
    const kinId = idNumber('19700707', 902);
    await as(t, 'hexi.caseworker2', 'mutation($i: DeclareKinInput!) { declareKin(input: $i) { kinDeclaration { id } } }', {
      i: { name: '李亲', idNumber: kinId, relation: 'SPOUSE' },
    });
    const household = (
      await as(t, 'va.101203', 'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } } }', {
        input: {
          villageCode: '510199101203',
          residence: 'RURAL',
          address: '桃园村',
          members: [{ name: '李亲', idNumber: kinId, relation: 'HEAD', labourCapacity: 'NONE' }],
        },
      })
    ).createHousehold.household;
    const applied = (
      await as(t, 'va.101203', `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id } } }`, {
        input: { householdId: household.id, programme: 'DIBAO', channel: 'PROACTIVE_DISCOVERY' },
      })
    ).submitApplication.case;
    await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
    const ids = await Promise.all(['hexi.caseworker', 'hexi.caseworker2'].map((u) => accountIdOf(t, u)));
    const refused = await t.gql(
      'mutation($i: RecordInvestigationInput!) { recordInvestigation(input: $i) { investigation { id } } }',
      {
        i: { caseId: applied.id, visitedOn: '2026-11-27', findings: 'x', investigatorIds: ids },
      },
      await t.login('hexi.caseworker'),
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions).toMatchObject({
      messageKey: 'investigation.investigatorBarred',
      params: { investigator: 'hexi.caseworker2' },
      clause: 'P6.3',
    });
  });

  it('reports an ID number already in another open case of the same programme at acceptance', async () => {
    const shared = idNumber('19550505', 903);
    const cases: string[] = [];
    for (const village of ['510199101201', '510199101204']) {
      const household = (
        await as(
          t,
          `va.${village.slice(6)}`,
          'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } } }',
          {
            input: {
              villageCode: village,
              residence: 'RURAL',
              address: 'x',
              members: [{ name: '重复人', idNumber: shared, relation: 'HEAD', labourCapacity: 'NONE' }],
            },
          },
        )
      ).createHousehold.household;
      cases.push(
        (
          await as(
            t,
            `va.${village.slice(6)}`,
            'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id } } }',
            {
              input: { householdId: household.id, programme: 'DIBAO', channel: 'WINDOW' },
            },
          )
        ).submitApplication.case.id,
      );
    }
    const accepted = await stepOk(t, 'hexi.caseworker', 'acceptCase', cases[1]);
    expect(accepted.duplicateFindings).toEqual([
      expect.stringMatching(/^5101\*{10}\d{3}[\dX] is in another open application that excludes this one/),
    ]);
  });
});

describe('the joint review committee (P3.2, D§4)', () => {
  it('cannot decide with four members', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '韩四人' });
    await prepareForReview(t, applied.id);
    const meetingId = await meetingWithVotes(t, [applied.id], ALL_APPROVE);
    const shrunk = await setHexiCommittee(t, ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2']);
    expect(shrunk.valid).toBe(false);
    expect(shrunk.problems).toContainEqual('联审联批小组现有 4 名成员，至少需要 5 名。');
    const refused = await step(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(refused)).toContain('committee.problem.tooFewMembers');
    expect((await caseOf(t, 'hexi.head', applied.id)).status).toBe('TOWNSHIP_REVIEW');
    await setHexiCommittee(t);
  });
});

describe('committee meetings', () => {
  it('do not conclude before every present member who may vote has voted, and keep attendance fixed once voting starts', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '未投完' });
    await prepareForReview(t, applied.id);
    const meetingId = await meetingWithVotes(t, [applied.id], { 'hexi.head': 'REJECT' });
    const early = await step(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0].extensions!.unmet).toEqual([expect.objectContaining({ key: 'committee.votes.missing', params: { count: 3 } })]);
    const present = await Promise.all(['hexi.head', 'hexi.member1', 'hexi.member2', 'hexi.member3'].map((u) => accountIdOf(t, u)));
    const changed = await t.gql(
      'mutation($m: ID!, $p: [ID!]!) { recordAttendance(input: { meetingId: $m, presentIds: $p }) { meeting { id } } }',
      { m: meetingId, p: present },
      await t.login('hexi.caseworker'),
    );
    expect(codeOf(changed)).toBe('CONFLICT');
    const outsider = await t.gql(
      'mutation($m: ID!, $c: ID!) { castVote(input: { meetingId: $m, caseId: $c, vote: APPROVE }) { committeeVote { vote } } }',
      { m: meetingId, c: applied.id },
      await t.login('shiqiao.member1'),
    );
    expect(codeOf(outsider)).toBe('NOT_FOUND');
  });
});

describe('favour cases on the emergency path', () => {
  it('are flagged at application, so a related township head cannot pay first', async () => {
    const applied = await applyForKin(
      t,
      {
        declarer: 'hexi.head',
        name: '急亲',
        idNumber: idNumber('19480404', 904),
        relation: 'PARENT',
        village: '510199101204',
        address: '水口村',
      },
      { programme: 'LINSHI', emergency: true, cause: '车祸 (accident)', causeCategory: 'TRAFFIC_ACCIDENT' },
    );
    expect(applied.kinRegistered).toBe(true);
    const refused = await t.gql(DECIDE_EMERGENCY, { i: { caseId: applied.id, amount: 1000 } }, await t.login('hexi.head'));
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions).toMatchObject({ messageKey: 'permission.denied.rule', clause: 'P6.3' });
  });
});

describe('concurrency', () => {
  it('lets exactly one of two simultaneous decisions win; the other gets CONFLICT and changes nothing', async () => {
    const { case: applied } = await awaitingDecision(t, '并发');
    const results = await decisionsAtOnce(t, applied.id, 2);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map(codeOf)).toEqual(['CONFLICT']);
    const decisions = (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action IN ('approveCase', 'denyCase')`, [
        rawId(applied.id),
      ])
    )[0].n;
    expect(decisions).toBe(1);
  });
});

describe('separation of approval and supervision (P1)', () => {
  it("refuses the district officer's decision with the rule's reason, leaving no event and only the denial in the audit log", async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '监督' });
    await prepareForReview(t, applied.id);
    const meetingId = await meetingWithVotes(t, [applied.id], ALL_APPROVE);
    await stepOk(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });
    await letNoticePass(t, applied.id);
    const eventsBefore = await countRows('case_events', applied.id);
    const changesBefore = (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND kind = 'CHANGE'`, [rawId(applied.id)])
    )[0].n;
    const before = await caseOf(t, 'district.officer', applied.id);

    for (const mutation of ['approveCase', 'denyCase']) {
      const refused = await step(t, 'district.officer', mutation, applied.id, mutation === 'denyCase' ? { reasons: 'x' } : {});
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].extensions).toMatchObject({ messageKey: 'permission.denied.rule', clause: 'P1' });
    }
    expect(await countRows('case_events', applied.id)).toBe(eventsBefore);
    expect(
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND kind = 'CHANGE'`, [rawId(applied.id)])
      )[0].n,
    ).toBe(changesBefore);
    const denials = await t.dataSource.query(
      `SELECT action, actor_username FROM audit_log WHERE subject_id = $1 AND kind = 'DENIED' ORDER BY at`,
      [rawId(applied.id)],
    );
    expect(denials).toEqual([
      { action: 'decide', actor_username: 'district.officer' },
      { action: 'decide', actor_username: 'district.officer' },
    ]);
    expect(await caseOf(t, 'district.officer', applied.id)).toEqual(before);
  });
});

describe('invalid transitions', () => {
  it('name the current state and the allowed next steps', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '跳步' });
    const skipped = await step(t, 'hexi.caseworker', 'submitForReview', applied.id);
    expect(codeOf(skipped)).toBe('INVALID_TRANSITION');
    expect(skipped.errors![0].extensions).toMatchObject({
      currentStatus: 'SUBMITTED',
      allowedSteps: ['acceptCase', 'requestMaterials', 'refuseAcceptance'],
    });
  });

  it('answer a stale version with CONFLICT', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '旧版' });
    const stale = await t.gql(
      'mutation($id: ID!) { acceptCase(input: { caseId: $id, version: 99 }) { case { status } } }',
      { id: applied.id },
      await t.login('hexi.caseworker'),
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: applied.version });
  });

  it('refuse a review before verification, investigation and income accounting, naming every one of them at once', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '未核' });
    await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
    const early = await step(t, 'hexi.caseworker', 'submitForReview', applied.id);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0].extensions).toMatchObject({ messageKey: 'requirements.unmet', params: { count: 3 } });
    expect(early.errors![0].extensions!.unmet).toEqual([
      {
        key: 'case.transition.unmet.investigationSigned',
        message: '入户调查须由全部调查人签字，且调查人不少于两名。',
        params: {},
        clause: 'D§3',
      },
      {
        key: 'case.transition.unmet.verificationApproved',
        message: '家庭经济状况核对报告须先经区民政审批。',
        params: {},
        clause: 'D§3, P4.3',
      },
      { key: 'case.transition.unmet.incomeAccounted', message: '请先完成收入核算。', params: {}, clause: 'D§3, D§8' },
    ]);
    // The sentence a clerk reads names what to do, in order, and cites no clause.
    expect(early.errors![0].message).toBe(
      '暂不能办理，尚有 3 项要求未满足：（1）入户调查须由全部调查人签字，且调查人不少于两名。' +
        '（2）家庭经济状况核对报告须先经区民政审批。（3）请先完成收入核算。',
    );
    await investigate(t, applied.id);
    expect(unmetKeysOf(await step(t, 'hexi.caseworker', 'submitForReview', applied.id))).toEqual([
      'case.transition.unmet.verificationApproved',
      'case.transition.unmet.incomeAccounted',
    ]);
  });

  it('keep a case of another district out of reach', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '邻区' });
    const result = await t.gql(
      'mutation($id: ID!, $v: Int!) { acceptCase(input: { caseId: $id, version: $v }) { case { status } } }',
      { id: applied.id, v: applied.version },
      await t.login('other.caseworker'),
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
  });
});
