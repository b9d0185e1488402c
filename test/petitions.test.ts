import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { accountIdOf, as, letNoticePass, stepOk } from './support/workflow';

/**
 * Petitions and appeals (信访, P4.3, D§12), over HTTP on the seeded demo: the public complains
 * against a running notice without an account, the district assigns, investigates and answers, the
 * petitioner reads the answer by a reference, a complained-about case is always in the spot-check
 * sample, and a township sees only what the district shares with it, never who filed it.
 */

const SHIQIAO = '510199102000';
const BAIYUN = '510199201000';

const SUBMIT = 'mutation($i: SubmitPetitionInput!) { submitPetition(input: $i) { reference progress { status answer answeredAt } } }';
const STATUS = 'query($r: String!) { petitionStatus(reference: $r) { status answer answeredAt } }';
const PETITION = `id kind channel status townshipCode villageCode case citesNotice title content residentName residentContact
  answerDueAt overdue assignee findings answer answeredAt sharedWithTownship`;
const LIST = `query($kind: PetitionKind, $t: String) { petitions(kind: $kind, townshipCode: $t, first: 50) { totalCount nodes { ${PETITION} } } }`;
const ASSIGN = `mutation($i: AssignPetitionInput!) { assignPetition(input: $i) { petition { ${PETITION} } } }`;
const INVESTIGATE = `mutation($i: InvestigatePetitionInput!) { investigatePetition(input: $i) { petition { ${PETITION} } } }`;
const ANSWER = `mutation($i: AnswerPetitionInput!) { answerPetition(input: $i) { petition { ${PETITION} } } }`;
const SHARE = `mutation($i: SharePetitionInput!) { sharePetition(input: $i) { petition { ${PETITION} } } }`;
const NOTICES = '{ publicNotices { id maskedName villageCode } }';

/** Every signed-in tier the policy does not let handle petitions (P4.3): only the district does. */
const NOT_DISTRICT = [
  'va.102203',
  'shiqiao.caseworker',
  'shiqiao.member1',
  'shiqiao.head',
  'finance',
  'auditor',
  'poverty',
  'dept.tax',
  'admin',
];

// Behind the loopback proxy, each test's public petitions come from their own client address.
const t = useTestApp({ demo: true, env: { TRUSTED_PROXIES: 'loopback' } }, 180_000);

const from = (address: string) => ({ 'x-forwarded-for': address });

async function noticeOf(maskedName: string): Promise<{ id: string; villageCode: string }> {
  const { data } = await t.gql(NOTICES);
  const notice = data!.publicNotices.find((n: { maskedName: string }) => n.maskedName === maskedName);
  if (!notice) throw new Error(`no running notice for ${maskedName}`);
  return notice;
}

async function caseOfHead(headName: string) {
  const found = await as(
    t,
    'district.officer',
    'query($s: String) { cases(filter: { search: $s }) { nodes { id status complainedAbout } } }',
    {
      s: headName,
    },
  );
  return found.cases.nodes[0];
}

const complaint = (noticeId: string, title = '公示对象有营运车辆') => ({
  kind: 'COMPLAINT',
  noticeId,
  title,
  content: '据村民反映，该户家中有一辆营运出租车，收入未如实申报。',
  residentName: '王大妈',
  residentContact: '13700000000',
});

async function petitionsAs(username: string, variables: Record<string, unknown> = {}) {
  return (await as(t, username, LIST, variables)).petitions;
}

describe('a complaint from the public against a public notice (D§12)', () => {
  let reference: string;
  let petitionId: string;

  it('is accepted without an account and answers a reference, not the petition', async () => {
    const notice = await noticeOf('周*芳');
    const result = await t.gql(SUBMIT, { i: complaint(notice.id) }, undefined, from('203.0.113.7'));
    expect(result.errors).toBeUndefined();
    reference = result.data!.submitPetition.reference;
    expect(reference).toMatch(/^XF-510199-[A-Za-z0-9_-]{22}$/);
    expect(result.data!.submitPetition.progress).toEqual({ status: 'RECEIVED', answer: null, answeredAt: null });

    const { nodes } = await petitionsAs('district.officer', { t: SHIQIAO });
    const filed = nodes.find((p: { channel: string; citesNotice: boolean }) => p.channel === 'PUBLIC' && p.citesNotice);
    expect(filed).toMatchObject({ kind: 'COMPLAINT', status: 'RECEIVED', villageCode: notice.villageCode, overdue: false });
    expect([filed.residentName, filed.residentContact]).toEqual(['王大妈', '13700000000']);
    expect(filed.case).toBe((await caseOfHead('周桂芳')).id);
    petitionId = filed.id;
  });

  it('marks the noticed case as complained about', async () => {
    expect((await caseOfHead('周桂芳')).complainedAbout).toBe(true);
  });

  it('references are random: two petitions never share a prefix beyond the district', async () => {
    const notice = await noticeOf('周*芳');
    const second = await t.gql(SUBMIT, { i: complaint(notice.id, '再次反映') }, undefined, from('203.0.113.8'));
    expect(second.data!.submitPetition.reference.slice(0, 10)).toBe(reference.slice(0, 10));
    expect(second.data!.submitPetition.reference.slice(10)).not.toBe(reference.slice(10));
  });

  it('is refused, coded TOO_MANY_REQUESTS with Retry-After, past the per-address limit of the hour', async () => {
    const notice = await noticeOf('周*芳');
    const address = from('198.51.100.21');
    for (let n = 0; n < 3; n++) expect((await t.gql(SUBMIT, { i: complaint(notice.id) }, undefined, address)).errors).toBeUndefined();
    const refused = await t.gql(SUBMIT, { i: complaint(notice.id) }, undefined, address);
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
    expect(messageKeyOf(refused)).toBe('petition.rateLimited');
    expect(Number(refused.response.headers['retry-after'])).toBeGreaterThan(3000);
    // The limit is the address's, kept in the database: another address is not held back by it.
    expect((await t.gql(SUBMIT, { i: complaint(notice.id) }, undefined, from('198.51.100.22'))).errors).toBeUndefined();
  });

  it('follows the district setting for the limit (D§12)', async () => {
    await as(t, 'district.officer', 'mutation($i: UpdateSettingInput!) { updateSetting(input: $i) { settings { districtCode } } }', {
      i: { key: 'petitionsPerAddressPerHour', value: 1 },
    });
    const notice = await noticeOf('周*芳');
    const address = from('198.51.100.31');
    expect((await t.gql(SUBMIT, { i: complaint(notice.id) }, undefined, address)).errors).toBeUndefined();
    expect(codeOf(await t.gql(SUBMIT, { i: complaint(notice.id) }, undefined, address))).toBe('TOO_MANY_REQUESTS');
    await as(t, 'district.officer', 'mutation($i: UpdateSettingInput!) { updateSetting(input: $i) { settings { districtCode } } }', {
      i: { key: 'petitionsPerAddressPerHour', value: null },
    });
  });

  it('is refused with coded errors when malformed, too long, or not against a running notice', async () => {
    const notice = await noticeOf('周*芳');
    const address = from('198.51.100.41');
    const tooLong = await t.gql(SUBMIT, { i: { ...complaint(notice.id), content: '长'.repeat(5001) } }, undefined, address);
    expect([codeOf(tooLong), tooLong.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'content']);
    const noTarget = await t.gql(SUBMIT, { i: { ...complaint(notice.id), noticeId: undefined } }, undefined, address);
    expect(messageKeyOf(noTarget)).toBe('petition.target.exactlyOne');
    const byCase = await t.gql(
      SUBMIT,
      { i: { ...complaint(notice.id), noticeId: undefined, caseId: (await caseOfHead('李德福')).id } },
      undefined,
      address,
    );
    expect([codeOf(byCase), messageKeyOf(byCase)]).toEqual(['BAD_USER_INPUT', 'petition.public.noticeOnly']);
    // 李德福's notice has ended: its id no longer names a running notice.
    const ended = Buffer.from(
      `PublicNotice:510199000000:${
        Buffer.from((await caseOfHead('李德福')).id, 'base64url')
          .toString()
          .split(':')[2]
      }`,
    ).toString('base64url');
    expect(codeOf(await t.gql(SUBMIT, { i: complaint(ended) }, undefined, address))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(SUBMIT, { i: complaint('not-an-id') }, undefined, address))).toBe('BAD_USER_INPUT');
  });

  it('the reference tells status only; a wrong reference is NOT_FOUND', async () => {
    expect((await t.gql(STATUS, { r: reference })).data!.petitionStatus).toEqual({ status: 'RECEIVED', answer: null, answeredAt: null });
    expect(codeOf(await t.gql(STATUS, { r: `${reference.slice(0, -1)}${reference.endsWith('A') ? 'B' : 'A'}` }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(STATUS, { r: '1' }))).toBe('NOT_FOUND');
  });

  it.each(NOT_DISTRICT)('assigning, investigating, answering and sharing are the district’s: %s is refused (P4.3)', async (username) => {
    const token = await t.login(username);
    const officer = await accountIdOf(t, 'district.officer');
    expect(codeOf(await t.gql(ASSIGN, { i: { petitionId, assigneeId: officer } }, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(INVESTIGATE, { i: { petitionId, findings: '越权' } }, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ANSWER, { i: { petitionId, answer: '越权' } }, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SHARE, { i: { petitionId } }, token))).toBe('FORBIDDEN');
  });

  it('the township does not see it before the district shares it (D§12)', async () => {
    for (const username of ['shiqiao.caseworker', 'shiqiao.head']) {
      expect((await petitionsAs(username)).nodes.map((p: { id: string }) => p.id)).not.toContain(petitionId);
    }
  });

  it('is answered by the district only after it is assigned and investigated, and the petitioner reads the answer', async () => {
    const officer = await accountIdOf(t, 'district.officer');
    const early = await t.gql(ANSWER, { i: { petitionId, answer: '尚未调查' } }, await t.login('district.officer'));
    expect([codeOf(early), early.errors![0].extensions!.unmet]).toEqual(['INVALID_TRANSITION', expect.any(Array)]);
    const notAssigned = await t.gql(INVESTIGATE, { i: { petitionId, findings: '尚未交办' } }, await t.login('district.officer'));
    expect(codeOf(notAssigned)).toBe('INVALID_TRANSITION');
    const badAssignee = await t.gql(
      ASSIGN,
      { i: { petitionId, assigneeId: await accountIdOf(t, 'shiqiao.head') } },
      await t.login('district.officer'),
    );
    expect([codeOf(badAssignee), messageKeyOf(badAssignee)]).toEqual(['BAD_USER_INPUT', 'petition.assignee.notDistrictOfficer']);

    const assigned = (await as(t, 'district.officer', ASSIGN, { i: { petitionId, assigneeId: officer } })).assignPetition.petition;
    expect([assigned.status, assigned.assignee]).toEqual(['ASSIGNED', officer]);
    const investigated = (await as(t, 'district.officer', INVESTIGATE, { i: { petitionId, findings: '经核实，该车辆登记在其子名下。' } }))
      .investigatePetition.petition;
    expect(investigated.status).toBe('INVESTIGATING');
    const answer = '经调查核实，已责成乡镇将该车辆收入计入家庭收入重新核算。';
    const answered = (await as(t, 'district.officer', ANSWER, { i: { petitionId, answer } })).answerPetition.petition;
    expect([answered.status, answered.answer, answered.overdue]).toEqual(['ANSWERED', answer, false]);
    expect(codeOf(await t.gql(ANSWER, { i: { petitionId, answer: '再答' } }, await t.login('district.officer')))).toBe('CONFLICT');

    const status = (await t.gql(STATUS, { r: reference })).data!.petitionStatus;
    expect(status).toEqual({ status: 'ANSWERED', answer, answeredAt: expect.any(String) });
  });

  it('shared, the township sees it without who filed it; other townships still do not', async () => {
    await as(t, 'district.officer', SHARE, { i: { petitionId } });
    const shared = (await petitionsAs('shiqiao.caseworker')).nodes.find((p: { id: string }) => p.id === petitionId);
    expect(shared).toMatchObject({ sharedWithTownship: true, status: 'ANSWERED', residentName: null, residentContact: null });
    expect((await petitionsAs('shiqiao.head')).nodes.map((p: { id: string }) => p.id)).toContain(petitionId);
    expect((await petitionsAs('hexi.caseworker')).nodes.map((p: { id: string }) => p.id)).not.toContain(petitionId);
    expect(codeOf(await t.gql(LIST, {}, await t.login('va.102203')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LIST, {}, await t.login('finance')))).toBe('FORBIDDEN');
  });

  it('the audit log records the anonymous filing and each step of the district', async () => {
    const log = await as(
      t,
      'district.officer',
      'query($id: ID) { auditLog(filter: { kind: CHANGE, subjectId: $id }, first: 20) { nodes { action actorUsername subjectId } } }',
      { id: petitionId },
    );
    expect(log.auditLog.nodes.map((e: { action: string; actorUsername: string | null }) => [e.action, e.actorUsername]).reverse()).toEqual([
      ['submitPetition', null],
      ['assignPetition', 'district.officer'],
      ['investigatePetition', 'district.officer'],
      ['answerPetition', 'district.officer'],
      ['sharePetition', 'district.officer'],
    ]);
    expect(new Set(log.auditLog.nodes.map((e: { subjectId: string }) => e.subjectId))).toEqual(new Set([petitionId]));
  });

  it('its case lands in the next spot-check sample once filed, even at a sample rate of 0 (D§3)', async () => {
    await as(t, 'district.officer', 'mutation($i: UpdateSettingInput!) { updateSetting(input: $i) { settings { districtCode } } }', {
      i: { key: 'spotCheckRatePercent', value: 0 },
    });
    const { id } = await caseOfHead('周桂芳');
    await letNoticePass(t, id);
    await stepOk(t, 'shiqiao.head', 'approveCase', id);
    await stepOk(t, 'shiqiao.caseworker', 'fileCase', id);
    const due = await as(
      t,
      'district.officer',
      '{ cases(filter: { spotCheckDue: true }, first: 50) { nodes { id kinRegistered complainedAbout } } }',
    );
    expect(due.cases.nodes.map((c: { id: string }) => c.id)).toContain(id);
    // At rate 0 nothing else is drawn: every case in the sample is kin-registered or complained about.
    expect(due.cases.nodes.every((c: { kinRegistered: boolean; complainedAbout: boolean }) => c.kinRegistered || c.complainedAbout)).toBe(
      true,
    );
  });
});

describe('an appeal against a refusal (D§12)', () => {
  it('is recorded by the village on the applicant’s behalf and reaches the district', async () => {
    const denied = await caseOfHead('谢秋菊');
    expect(denied.status).toBe('DENIED');
    const input = {
      kind: 'APPEAL',
      caseId: denied.id,
      title: '对不予确认决定申请复核',
      content: '申请人称其子已外出务工失联，其收入不应计入家庭收入。',
      residentName: '谢秋菊',
      residentContact: '13908130000',
    };
    const filed = (await as(t, 'va.201202', SUBMIT, { i: input })).submitPetition;
    expect(filed.progress.status).toBe('RECEIVED');
    const appeals = (await petitionsAs('district.officer', { kind: 'APPEAL' })).nodes;
    const appeal = appeals.find((p: { case: string }) => p.case === denied.id);
    expect(appeal).toMatchObject({ channel: 'STAFF', townshipCode: BAIYUN, residentName: '谢秋菊', residentContact: '13908130000' });
    expect((await t.gql(STATUS, { r: filed.reference })).data!.petitionStatus.status).toBe('RECEIVED');
    // The seeded appeal of 冉老五, refused acceptance, is there too.
    expect(appeals.length).toBe(2);
  });

  it('is refused against a case that was not refused', async () => {
    const filed = await caseOfHead('王秀英');
    const result = await t.gql(
      SUBMIT,
      { i: { kind: 'APPEAL', caseId: filed.id, title: '复核', content: '复核' } },
      await t.login('va.101204'),
    );
    expect([codeOf(result), messageKeyOf(result)]).toEqual(['BAD_USER_INPUT', 'petition.appeal.notRefused']);
  });

  it('is recorded only by village, township and district staff of the case (D§12, P4.3)', async () => {
    const denied = await caseOfHead('谢秋菊');
    const input = { kind: 'APPEAL', caseId: denied.id, title: '复核', content: '复核' };
    for (const username of ['baiyun.caseworker', 'district.officer'])
      expect((await t.gql(SUBMIT, { i: input }, await t.login(username))).errors).toBeUndefined();
    for (const username of ['baiyun.member1', 'baiyun.head', 'finance', 'auditor', 'poverty', 'dept.tax', 'admin']) {
      expect([username, codeOf(await t.gql(SUBMIT, { i: input }, await t.login(username)))]).toEqual([username, 'FORBIDDEN']);
    }
    // Outside its scope: the assistant of another village, and another township's caseworker.
    for (const username of ['va.201201', 'hexi.caseworker']) {
      expect([username, codeOf(await t.gql(SUBMIT, { i: input }, await t.login(username)))]).toEqual([username, 'NOT_FOUND']);
    }
  });
});

describe('a petition about a township (D§12)', () => {
  it('is recorded by the township’s own staff and answered within the district’s deadline in working days', async () => {
    const input = { kind: 'COMPLAINT', townshipCode: SHIQIAO, title: '窗口态度', content: '乡镇民政窗口拒绝接收申请材料。' };
    expect((await as(t, 'va.102201', SUBMIT, { i: input })).submitPetition.progress.status).toBe('RECEIVED');
    const filed = (await petitionsAs('district.officer', { t: SHIQIAO })).nodes.find((p: { title: string }) => p.title === '窗口态度');
    expect(filed).toMatchObject({ case: null, villageCode: '510199102201', overdue: false });
    const days = (new Date(filed.answerDueAt).getTime() - Date.now()) / 86_400_000;
    // 40 working days are eight weeks of five, less any holiday on top.
    expect(days).toBeGreaterThan(50);
    expect(days).toBeLessThan(60);
    const other = await t.gql(SUBMIT, { i: { ...input, townshipCode: BAIYUN } }, await t.login('va.102201'));
    expect(codeOf(other)).toBe('FORBIDDEN');
  });

  it('an unanswered petition past its deadline is marked overdue and listed as such', async () => {
    const filed = (await petitionsAs('district.officer', { t: SHIQIAO })).nodes.find((p: { title: string }) => p.title === '窗口态度');
    const rawId = Buffer.from(filed.id, 'base64url').toString().split(':')[2];
    await t.dataSource.query(`UPDATE petitions SET answer_due_at = now() - interval '1 day' WHERE id = $1`, [rawId]);
    const overdue = await as(t, 'district.officer', `{ petitions(overdue: true, first: 50) { nodes { id overdue } } }`);
    expect(overdue.petitions.nodes).toEqual([{ id: filed.id, overdue: true }]);
  });
});
