import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { apply, as, prepareForReview, setHexiCommittee, stepOk, throughNotice } from './support/workflow';

/**
 * Review classes of the MCA 2021 measures (D§9), over HTTP: an approval assigns the class from the
 * household's data with the rule that did it, the next review follows the class's interval, and the
 * township (caseworker or head) changes a class with a reason; every other tier is refused.
 */

const t = useTestApp({ fixture: OTHER_DISTRICT });
beforeAll(async () => {
  await setHexiCommittee(t);
});

const ENROLMENTS = `{ enrolments(first: 100) { nodes { id payeeName programme startMonth reviewClass reviewClassRule reviewClassReason nextReviewOn } } }`;
const CHANGE = `mutation($i: ChangeReviewClassInput!) { changeReviewClass(input: $i) {
  enrolment { id reviewClass reviewClassRule reviewClassReason nextReviewOn } } }`;
const UPDATE_HOUSEHOLD = `mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { incomeStability } } }`;

type EnrolmentView = {
  id: string;
  payeeName: string;
  startMonth: string;
  reviewClass: string;
  reviewClassRule: string;
  reviewClassReason: string | null;
  nextReviewOn: string;
};

/** The first day of the month `months` after a first-of-month date. */
function plusMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

let byPayee: Record<string, EnrolmentView>;

describe('review class at approval (D§9, MCA 2021 measures)', () => {
  it('assigns each class by its rule from the household’s data, and the next review by the class’s interval', async () => {
    const households: { head: string; tekun?: boolean; stability?: string; capacity?: 'FULL' | 'NONE' }[] = [
      { head: '分类甲', stability: 'IRREGULAR', capacity: 'FULL' },
      { head: '分类乙', stability: 'STABLE', capacity: 'FULL' },
      { head: '分类丙', capacity: 'NONE' },
      { head: '分类丁', capacity: 'FULL' },
      { head: '分类戊', tekun: true },
    ];
    const caseIds: string[] = [];
    for (const h of households) {
      const { household, case: c } = await apply(t, h.tekun ? 'TEKUN' : 'DIBAO', {
        head: h.head,
        headCapacity: h.tekun ? 'NONE' : h.capacity,
        headBirth: h.tekun ? '19500101' : undefined,
      });
      // The township records how steady the income is as the investigation found it (D§9).
      if (h.stability) {
        const updated = await as(t, 'hexi.caseworker', UPDATE_HOUSEHOLD, {
          i: { householdId: household.id, incomeStability: h.stability },
        });
        expect(updated.updateHousehold.household.incomeStability).toBe(h.stability);
      }
      await prepareForReview(t, c.id, { tekun: h.tekun, incomeYuan: h.tekun ? 300 : 400 });
      caseIds.push(c.id);
    }
    await throughNotice(t, caseIds);
    for (const id of caseIds) await stepOk(t, 'hexi.head', 'approveCase', id);
    const nodes: EnrolmentView[] = (await as(t, 'hexi.caseworker', ENROLMENTS)).enrolments.nodes;
    byPayee = Object.fromEntries(nodes.map((n) => [n.payeeName, n]));
    const classOf = (name: string) => [byPayee[name].reviewClass, byPayee[name].reviewClassRule];
    expect(classOf('分类甲')).toEqual(['B', 'IRREGULAR_INCOME_ABLE_TO_WORK']);
    expect(classOf('分类乙')).toEqual(['A', 'STABLE_INCOME']);
    expect(classOf('分类丙')).toEqual(['A', 'STABLE_INCOME']);
    expect(classOf('分类丁')).toEqual(['B', 'INCOME_STABILITY_UNRECORDED']);
    expect(classOf('分类戊')).toEqual(['A', 'TEKUN_YEARLY']);
    // The district's default intervals: A yearly, B every six months (D§9).
    for (const [name, months] of [
      ['分类甲', 6],
      ['分类乙', 12],
      ['分类丙', 12],
      ['分类丁', 6],
      ['分类戊', 12],
    ] as const) {
      expect(byPayee[name].nextReviewOn).toBe(plusMonths(byPayee[name].startMonth, months));
      expect(byPayee[name].reviewClassReason).toBeNull();
    }
  });

  it('takes the district’s interval for a class, never longer than the 2021 measures allow', async () => {
    const refused = await t.gql(
      'mutation { updateSetting(input: { key: "reviewMonthsClassB", value: 7 }) { settings { districtCode } } }',
      {},
      await t.login('district.officer'),
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
  });
});

describe('changeReviewClass (D§9)', () => {
  it('is refused to every tier but the township’s caseworker and head, and writes nothing', async () => {
    const target = byPayee['分类乙'];
    for (const username of [
      'va.101201',
      'hexi.member1',
      'district.officer',
      'finance',
      'auditor',
      'poverty',
      'admin',
      'dept.tax',
      'shiqiao.caseworker',
      'shiqiao.head',
    ]) {
      const result = await t.gql(
        CHANGE,
        { i: { enrolmentId: target.id, reviewClass: 'B', reason: '收入不稳定' } },
        await t.login(username),
      );
      expect([username, codeOf(result)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    const after = (await as(t, 'hexi.caseworker', ENROLMENTS)).enrolments.nodes.find((n: EnrolmentView) => n.id === target.id);
    expect(after).toMatchObject({ reviewClass: 'A', reviewClassRule: 'STABLE_INCOME', nextReviewOn: target.nextReviewOn });
  });

  it('lets the caseworker move a household to six-monthly reviews with a reason; the next review and reviewsDue follow', async () => {
    const target = byPayee['分类乙'];
    const { enrolment } = (
      await as(t, 'hexi.caseworker', CHANGE, {
        i: { enrolmentId: target.id, reviewClass: 'B', reason: '务工收入不固定 (irregular work income)' },
      })
    ).changeReviewClass;
    expect(enrolment).toEqual({
      id: target.id,
      reviewClass: 'B',
      reviewClassRule: 'CHANGED_BY_TOWNSHIP',
      reviewClassReason: '务工收入不固定 (irregular work income)',
      nextReviewOn: plusMonths(target.startMonth, 6),
    });
    const due = (
      await as(t, 'hexi.caseworker', `query($d: Date) { reviewsDue(dueBy: $d, first: 100) { nodes { id reviewClass } } }`, {
        d: plusMonths(target.startMonth, 6),
      })
    ).reviewsDue.nodes;
    expect(due).toContainEqual({ id: target.id, reviewClass: 'B' });
    const audit = await t.dataSource.query(`SELECT action, details FROM audit_log WHERE action = 'changeReviewClass'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({
      before: { reviewClass: 'A' },
      after: { reviewClass: 'B' },
      reason: '务工收入不固定 (irregular work income)',
    });
  });

  it('lets the head move it back to yearly; a reason is required and the retired class C is refused', async () => {
    const target = byPayee['分类乙'];
    const token = await t.login('hexi.head');
    const noReason = await t.gql(CHANGE, { i: { enrolmentId: target.id, reviewClass: 'A', reason: '  ' } }, token);
    expect([codeOf(noReason), messageKeyOf(noReason)]).toEqual(['BAD_USER_INPUT', 'review.class.reasonRequired']);
    const retired = await t.gql(CHANGE, { i: { enrolmentId: target.id, reviewClass: 'C', reason: '按季度' } }, token);
    expect([codeOf(retired), messageKeyOf(retired)]).toEqual(['BAD_USER_INPUT', 'review.class.retired']);
    const { enrolment } = (await as(t, 'hexi.head', CHANGE, { i: { enrolmentId: target.id, reviewClass: 'A', reason: '收入已稳定' } }))
      .changeReviewClass;
    expect(enrolment).toMatchObject({
      reviewClass: 'A',
      reviewClassRule: 'CHANGED_BY_TOWNSHIP',
      nextReviewOn: plusMonths(target.startMonth, 12),
    });
  });
});
