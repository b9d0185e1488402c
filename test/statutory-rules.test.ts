import { codeOf, messageKeyOf, useTestApp, unmetKeysOf } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { CREATE_HOUSEHOLD, householdInput, SUBMIT } from './support/households';
import {
  accountIncome,
  apply,
  as,
  investigate,
  prepareForReview,
  setHexiCommittee,
  step,
  stepOk,
  TekunFindings,
  throughNotice,
  verify,
} from './support/workflow';
import { SETTING_DEFINITIONS, SETTING_KEYS } from '../src/modules/settings/settings-definitions';

const t = useTestApp({ fixture: OTHER_DISTRICT });
beforeAll(async () => {
  expect(await setHexiCommittee(t)).toMatchObject({ valid: true });
});

const UPDATE = 'mutation($k: String!, $v: Decimal) { updateSetting(input: { key: $k, value: $v }) { settings { values { key value } } } }';
const update = async (key: string, value: number | null) => t.gql(UPDATE, { k: key, v: value }, await t.login('district.officer'));

describe('statutory floors are not settings (D§3, D§4)', () => {
  it('every setting states its legal floor or ceiling and clause, and its default obeys them', () => {
    for (const key of SETTING_KEYS) {
      const { legal, default: value, min, max } = SETTING_DEFINITIONS[key];
      expect(legal.clause).toMatch(/^(P\d|D§)/);
      expect(legal.rule.en && legal.rule.zh).toBeTruthy();
      if (legal.floor !== null) expect([legal.floor >= min, value === null || value >= legal.floor]).toEqual([true, true]);
      if (legal.ceiling !== null) expect([legal.ceiling <= max, value === null || value <= legal.ceiling]).toEqual([true, true]);
    }
  });

  it.each([
    ['noticeDays', 6, 7, 10, 'settings.value.belowFloor', 'D§3'],
    ['committeeQuorum', 4, 5, 7, 'settings.value.belowFloor', 'D§4'],
    ['committeeMinMembers', 4, 5, 9, 'settings.value.belowFloor', 'P3.2'],
    ['tekunStandardMultiplier', 1.2, 1.3, 1.5, 'settings.value.belowFloor', 'D§8'],
    ['totalLimitWorkingDays', 31, 30, 20, 'settings.value.aboveCeiling', 'D§3'],
  ])('%s: %d is refused with the rule; %d and a stricter %d are accepted', async (key, refused, legal, stricter, messageKey, clause) => {
    const result = await update(key, refused);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(messageKeyOf(result)).toBe(messageKey);
    expect(result.errors![0].extensions!.clause).toBe(clause);
    expect(result.errors![0].message).toContain(SETTING_DEFINITIONS[key as keyof typeof SETTING_DEFINITIONS].legal.rule.zh);
    for (const value of [legal, stricter]) {
      const ok = await update(key, value);
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.updateSetting.settings.values.find((v: { key: string }) => v.key === key).value).toBe(value.toFixed(2));
    }
    await update(key, null);
  });

  it('shows the legal bound with each setting, in the language of the request (Chinese by default)', async () => {
    const { settings } = await as(t, 'district.officer', '{ settings { values { key legalFloor legalCeiling legalRule legalClause } } }');
    expect(settings.values.find((v: { key: string }) => v.key === 'noticeDays')).toEqual({
      key: 'noticeDays',
      legalFloor: '7.00',
      legalCeiling: null,
      legalRule: '公示期法定不少于7天',
      legalClause: 'D§3',
    });
  });
});

describe('TEKUN eligibility (D§3: Interim Measures on Social Assistance, art. 14)', () => {
  /** A Hexi TEKUN case investigated with the given findings about its head, up to the review request. */
  async function tekunCase(head: { name: string; birth: string }, findings: TekunFindings, incomeYuan = 0) {
    const { case: applied } = await apply(t, 'TEKUN', { head: head.name, headBirth: head.birth, headCapacity: 'NONE' });
    await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
    await verify(t, applied.id);
    await investigate(t, applied.id, undefined, findings);
    await accountIncome(t, applied.id, incomeYuan);
    const items = { eating: true, dressing: true, transferring: true, toileting: true, walkingIndoors: true, bathing: true };
    await as(
      t,
      'hexi.caseworker',
      'mutation($c: ID!, $i: SelfCareInput!) { recordCareAssessment(input: { caseId: $c, items: $i, supportForm: DISPERSED }) { case { id } } }',
      { c: applied.id, i: items },
    );
    return step(t, 'hexi.caseworker', 'submitForReview', applied.id);
  }

  it('an elderly person without work capacity, income or supporter reaches review', async () => {
    const result = await tekunCase({ name: '孤老乙', birth: '19500301' }, {});
    expect(result.errors).toBeUndefined();
    expect(result.data!.submitForReview.status).toBe('TOWNSHIP_REVIEW');
  });

  it('an able-bodied 40-year-old with 906 yuan a month does not, and is told every failing condition and about DIBAO', async () => {
    const result = await tekunCase({ name: '壮年丙', birth: '19860301' }, { workCapacity: 'FULL', legalSupporters: 'ABLE' }, 906);
    expect(codeOf(result)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(result)).toEqual([
      'case.transition.unmet.tekun.category',
      'case.transition.unmet.tekun.workCapacity',
      'case.transition.unmet.tekun.incomeSource',
      'case.transition.unmet.tekun.supporters',
    ]);
    const unmet = result.errors![0].extensions!.unmet as { message: string }[];
    expect(unmet.every((u) => u.message.includes('低保'))).toBe(true);
    expect(unmet[0].message).toContain('壮年丙');
  });

  it('a minor of 17 qualifies only while in school', async () => {
    const birth = `${new Date().getUTCFullYear() - 17}0101`;
    const outOfSchool = await tekunCase({ name: '少年丁', birth }, { inSchool: false });
    expect(unmetKeysOf(outOfSchool)).toEqual(['case.transition.unmet.tekun.category']);
    const inSchool = await tekunCase({ name: '少年戊', birth }, { inSchool: true });
    expect(inSchool.data!.submitForReview.status).toBe('TOWNSHIP_REVIEW');
  });

  it('a TEKUN investigation must record the conditions, and only a TEKUN one may', async () => {
    const { case: tekun } = await apply(t, 'TEKUN', { head: '孤老己', headBirth: '19480101' });
    await stepOk(t, 'hexi.caseworker', 'acceptCase', tekun.id);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', tekun.id);
    const without = await t.gql(
      'mutation($i: RecordInvestigationInput!) { recordInvestigation(input: $i) { investigation { id } } }',
      { i: { caseId: tekun.id, visitedOn: '2026-11-20', findings: '入户', investigatorIds: await investigatorIds() } },
      await t.login('hexi.caseworker'),
    );
    expect([codeOf(without), messageKeyOf(without)]).toEqual(['BAD_USER_INPUT', 'investigation.tekun.required']);
  });
});

async function investigatorIds() {
  const accounts = (await as(t, 'admin', '{ accounts(first: 100) { nodes { id username } } }')).accounts.nodes as {
    id: string;
    username: string;
  }[];
  return ['hexi.caseworker', 'hexi.caseworker2'].map((u) => accounts.find((a) => a.username === u)!.id);
}

describe('no double benefit (D§5): TEKUN and DIBAO exclude each other for the same person', () => {
  /** A DIBAO household in another Hexi village that also lists `idNumber` as a member. */
  async function dibaoWith(idNumber: string, head: string) {
    const input = householdInput('510199101203', head, [], { headCapacity: 'NONE' });
    input.members.push({ name: '孤老庚', idNumber, relation: 'PARENT', labourCapacity: 'NONE', healthDetail: '无' });
    const household = (await as(t, 'va.101203', CREATE_HOUSEHOLD, { input })).createHousehold.household;
    return (await as(t, 'va.101203', SUBMIT, { input: { householdId: household.id, programme: 'DIBAO', channel: 'WINDOW' } }))
      .submitApplication.case as { id: string };
  }
  const findingsOf = async (caseId: string) =>
    (await as(t, 'hexi.caseworker', 'query($c: ID!) { case(id: $c) { duplicateFindings } }', { c: caseId })).case.duplicateFindings;

  it('is flagged at acceptance without the other case, refused at review and at approval', async () => {
    const { case: tekun } = await apply(t, 'TEKUN', { head: '孤老庚', headBirth: '19450301', headCapacity: 'NONE' });
    const [person] = (
      await as(t, 'hexi.caseworker', 'query($c: ID!) { case(id: $c) { household { members { idNumber } } } }', { c: tekun.id })
    ).case.household.members;
    const idNumber = (await t.dataSource.query('SELECT id_number FROM persons WHERE name = $1', ['孤老庚']))[0].id_number as string;
    expect(person.idNumber).toBe(idNumber);
    await prepareForReview(t, tekun.id, { tekun: true, incomeYuan: 0 });

    // A DIBAO application counting the same person, while the TEKUN one is open: reported, not refused.
    const pending = await dibaoWith(idNumber, '许一');
    await stepOk(t, 'hexi.caseworker', 'acceptCase', pending.id);
    const [finding] = await findingsOf(pending.id);
    expect(finding).toMatch(/is in another open application that excludes this one; ask the district civil affairs office/);
    expect(finding).not.toMatch(/TEKUN|孤老庚|510199101201|101201/);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', pending.id);
    await verify(t, pending.id);
    await investigate(t, pending.id);
    await accountIncome(t, pending.id);
    await stepOk(t, 'hexi.caseworker', 'submitForReview', pending.id);

    await throughNotice(t, [tekun.id, pending.id]);
    expect((await stepOk(t, 'hexi.head', 'approveCase', tekun.id)).status).toBe('APPROVED');
    // Now a TEKUN recipient: the DIBAO case cannot be approved (D§5).
    const atApproval = await step(t, 'hexi.head', 'approveCase', pending.id);
    expect(codeOf(atApproval)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(atApproval)).toEqual(['case.transition.unmet.doubleBenefit']);
    expect((atApproval.errors![0].extensions!.unmet as { message: string }[])[0].message).toContain('区民政局');

    // A later DIBAO application: told at acceptance that the person already receives assistance, refused at review.
    const later = await dibaoWith(idNumber, '许二');
    await stepOk(t, 'hexi.caseworker', 'acceptCase', later.id);
    // (the refused DIBAO case is still open as well)
    expect(await findingsOf(later.id)).toEqual([
      expect.stringMatching(/is in another open application that excludes this one/),
      expect.stringMatching(/already receives assistance that excludes this one/),
    ]);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', later.id);
    await verify(t, later.id);
    await investigate(t, later.id);
    await accountIncome(t, later.id);
    const atReview = await step(t, 'hexi.caseworker', 'submitForReview', later.id);
    expect(unmetKeysOf(atReview)).toEqual(['case.transition.unmet.doubleBenefit']);

    // A DIBAO household without that person is not held up.
    const { case: other } = await apply(t, 'DIBAO', { head: '许三', village: '510199101203' });
    expect((await prepareForReview(t, other.id)).status).toBe('TOWNSHIP_REVIEW');
  });
});

describe('a real calendar (D§3): public holidays and make-up working days', () => {
  const SET = 'mutation($i: SetHolidayInput!) { setHoliday(input: $i) { settings { holidays { day name kind } } } }';
  const dayAfter = (day: string, n = 1) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
  const cst = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

  it('only the district officer enters a holiday or a make-up working day', async () => {
    for (const username of ['hexi.head', 'hexi.caseworker', 'auditor']) {
      const refused = await t.gql(SET, { i: { day: '2027-12-31', name: '测试', kind: 'HOLIDAY' } }, await t.login(username));
      expect(codeOf(refused)).toBe('FORBIDDEN');
    }
    const { setHoliday } = await as(t, 'district.officer', SET, { i: { day: '2027-02-20', name: '春节调休上班', kind: 'WORKDAY' } });
    expect(setHoliday.settings.holidays).toContainEqual({ day: '2027-02-20', name: '春节调休上班', kind: 'WORKDAY' });
    await as(t, 'district.officer', SET, { i: { day: '2027-02-20' } });
  });

  it('a deadline that runs over a holiday counts it, and counts a make-up working day', async () => {
    // The investigation must start within 3 working days of acceptance (D§3).
    const accepted = async (head: string) => {
      const { case: applied } = await apply(t, 'DIBAO', { head });
      return (await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id)).dueAt as string;
    };
    const plain = cst(await accepted('历一'));
    // The first working day after today becomes a holiday: the deadline moves one working day later.
    let first = dayAfter(cst(new Date().toISOString()));
    while ([0, 6].includes(weekday(first))) first = dayAfter(first);
    await as(t, 'district.officer', SET, { i: { day: first, name: '测试假日', kind: 'HOLIDAY' } });
    const withHoliday = cst(await accepted('历二'));
    let expected = dayAfter(plain);
    while ([0, 6].includes(weekday(expected))) expected = dayAfter(expected);
    expect(withHoliday).toBe(expected);
    // A make-up working day counts. With every working day from the holiday to the next weekend a
    // holiday too, the deadline runs over that weekend whatever today is (a test run on a weekend
    // included); working its Saturday brings the deadline earlier.
    const bridged: string[] = [];
    let weekend = dayAfter(first);
    for (; ![0, 6].includes(weekday(weekend)); weekend = dayAfter(weekend)) bridged.push(weekend);
    for (const day of bridged) await as(t, 'district.officer', SET, { i: { day, name: '测试假日', kind: 'HOLIDAY' } });
    const overWeekend = cst(await accepted('历三'));
    expect(weekend < overWeekend).toBe(true);
    await as(t, 'district.officer', SET, { i: { day: weekend, name: '测试调休', kind: 'WORKDAY' } });
    const withWorkday = cst(await accepted('历四'));
    expect(withWorkday < overWeekend).toBe(true);
    for (const day of [first, ...bridged, weekend]) await as(t, 'district.officer', SET, { i: { day } });
  });
});
