import { codeOf, messageKeyOf, startTestApp, TestApp } from './support/harness';
import { as } from './support/workflow';
import { SETTING_DEFINITIONS, SETTING_KEYS } from '../src/modules/settings/settings-definitions';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.close());

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
