import type { Settings } from '../settings/settings-definitions';
import { CareLevel } from './case.entity';

/** The six items of the TEKUN self-care assessment (D§3); `true` = able to do it unaided. */
export interface SelfCareItems {
  eating: boolean;
  dressing: boolean;
  transferring: boolean;
  toileting: boolean;
  walkingIndoors: boolean;
  bathing: boolean;
}

/** All six able → self-care; up to three unable → partly dependent; four or more → fully dependent. */
export function careLevelOf(items: SelfCareItems): CareLevel {
  const unable = Object.values(items).filter((able) => !able).length;
  if (unable === 0) return CareLevel.SELF_CARE;
  return unable <= 3 ? CareLevel.PARTLY_DEPENDENT : CareLevel.FULLY_DEPENDENT;
}

export interface IncomeItem {
  source: string;
  monthlyYuan: number;
  counted: boolean;
}

export interface IncomeResult {
  perCapitaIncomeYuan: number;
  standardYuan: number;
  belowStandard: boolean;
  amountYuan: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The DIBAO standard that applies to a household (urban and rural differ, D§8). */
export function dibaoStandard(settings: Settings, residence: string): number {
  return residence === 'URBAN' ? settings.dibaoUrbanStandardYuan : settings.dibaoRuralStandardYuan;
}

/** TEKUN monthly amount: basic living standard (≥ 1.3 × DIBAO standard) plus the care allowance (D§8). */
export function tekunAmount(settings: Settings, residence: string, careLevel: CareLevel | null): number {
  const basic = Math.round(dibaoStandard(settings, residence) * settings.tekunStandardMultiplier);
  const allowance =
    careLevel === CareLevel.FULLY_DEPENDENT
      ? settings.tekunCareAllowanceFullyDependentYuan
      : careLevel === CareLevel.PARTLY_DEPENDENT
        ? settings.tekunCareAllowancePartlyDependentYuan
        : careLevel === CareLevel.SELF_CARE
          ? settings.tekunCareAllowanceSelfCareYuan
          : 0;
  return basic + allowance;
}

/**
 * Per-capita monthly income = (counted income − allowed deductions) / household size, compared with
 * the DIBAO standard; the DIBAO amount is the gap times household size, rounded to the yuan, and at
 * least the district's minimum when there is a gap at all (D§8).
 */
export function accountIncome(
  settings: Settings,
  residence: string,
  householdSize: number,
  items: IncomeItem[],
  deductionsYuan: number,
): IncomeResult {
  const counted = items.filter((item) => item.counted).reduce((sum, item) => sum + item.monthlyYuan, 0);
  const perCapitaIncomeYuan = round2(Math.max(0, counted - deductionsYuan) / householdSize);
  const standardYuan = dibaoStandard(settings, residence);
  const belowStandard = perCapitaIncomeYuan < standardYuan;
  const gap = belowStandard ? Math.round((standardYuan - perCapitaIncomeYuan) * householdSize) : 0;
  const amountYuan = belowStandard ? Math.max(gap, settings.dibaoMinimumAmountYuan) : 0;
  return { perCapitaIncomeYuan, standardYuan, belowStandard, amountYuan };
}
