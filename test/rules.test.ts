import { CareLevel } from '../src/modules/case/case.entity';
import { accountIncome, careLevelOf, tekunAmount } from '../src/modules/case/amounts';
import { defaultSettings } from '../src/modules/settings/settings-definitions';
import { addWorkingDays, cstDay, firstOfNextMonth } from '../src/modules/settings/working-days';
import { ageOn, birthDateOf, maskIdNumber, maskName, normaliseIdNumberOrThrow, sexOf } from '../src/modules/household/id-number';

const settings = defaultSettings();

describe('income accounting and amounts (D§8)', () => {
  it('takes (counted income − deductions) / household size against the urban or rural standard', () => {
    const result = accountIncome(
      settings,
      'URBAN',
      3,
      [
        { source: 'wages', monthlyYuan: 1500, counted: true },
        { source: 'disability allowance', monthlyYuan: 200, counted: false },
      ],
      300,
    );
    expect(result).toEqual({ perCapitaIncomeYuan: 400, standardYuan: 800, belowStandard: true, amountYuan: 1200 });
  });

  it('pays at least the minimum amount when there is a gap, and nothing without one', () => {
    expect(accountIncome(settings, 'RURAL', 1, [{ source: 'farming', monthlyYuan: 610, counted: true }], 0).amountYuan).toBe(30);
    expect(accountIncome(settings, 'RURAL', 2, [{ source: 'wages', monthlyYuan: 1300, counted: true }], 0)).toMatchObject({
      belowStandard: false,
      amountYuan: 0,
    });
  });

  it('sets TEKUN at 1.3 × the standard plus the care allowance of the level', () => {
    expect(tekunAmount(settings, 'RURAL', CareLevel.SELF_CARE)).toBe(806 + 100);
    expect(tekunAmount(settings, 'URBAN', CareLevel.FULLY_DEPENDENT)).toBe(1040 + 600);
  });

  it.each([
    [0, 'SELF_CARE'],
    [1, 'PARTLY_DEPENDENT'],
    [3, 'PARTLY_DEPENDENT'],
    [4, 'FULLY_DEPENDENT'],
    [6, 'FULLY_DEPENDENT'],
  ])('grades %i of six items unable as %s (D§3)', (unable, level) => {
    const names = ['eating', 'dressing', 'transferring', 'toileting', 'walkingIndoors', 'bathing'];
    const items = Object.fromEntries(names.map((name, i) => [name, i >= unable])) as never;
    expect(careLevelOf(items)).toBe(level);
  });
});

describe('working days (D§3)', () => {
  const friday = new Date('2026-11-27T04:00:00Z'); // Friday noon in China

  it("skip weekends and the district's holidays, ending at the end of the day (CST)", () => {
    const none = { holidays: new Set<string>(), workdays: new Set<string>() };
    expect(cstDay(addWorkingDays(friday, 1, none))).toBe('2026-11-30');
    expect(cstDay(addWorkingDays(friday, 3, { ...none, holidays: new Set(['2026-12-01']) }))).toBe('2026-12-03');
    expect(addWorkingDays(friday, 1, none).toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  it('count a make-up working day on a weekend (调休), and skip a bridged holiday', () => {
    // Spring Festival 2026: 15–23 February off, Saturday 14 and Saturday 28 February worked.
    const springFestival = {
      holidays: new Set(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']),
      workdays: new Set(['2026-02-14', '2026-02-28']),
    };
    const friday13 = new Date('2026-02-13T04:00:00Z');
    expect(cstDay(addWorkingDays(friday13, 1, springFestival))).toBe('2026-02-14');
    expect(cstDay(addWorkingDays(friday13, 2, springFestival))).toBe('2026-02-24');
  });

  it('start a benefit in the month after approval', () => {
    expect(firstOfNextMonth(new Date('2026-12-31T17:00:00Z'))).toBe('2027-02-01'); // already 1 January in China
    expect(firstOfNextMonth(friday)).toBe('2026-12-01');
  });
});

describe('resident ID numbers', () => {
  it('accept a valid number and derive birth date, sex and age from it', () => {
    const id = normaliseIdNumberOrThrow('11010519491231002x');
    expect(id).toBe('11010519491231002X');
    expect(birthDateOf(id)).toBe('1949-12-31');
    expect(sexOf(id)).toBe('FEMALE');
    expect(ageOn(id, new Date('2026-11-27T00:00:00Z'))).toBe(76);
  });

  it('mask numbers and names for those not granted them', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
  });
});
