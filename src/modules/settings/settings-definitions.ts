import type { Localized } from '../../../permissions/vocabulary';

/**
 * What the law fixes about a setting. A statutory floor or ceiling is not the district's to move:
 * the district may go beyond it in the direction the rule allows (a longer notice, a larger quorum,
 * more frequent reviews), never past it. A setting the rules leave wholly to the district says so,
 * with the clause that leaves it.
 */
export interface LegalBound {
  /** The smallest value the law allows; null when the law sets none. */
  floor: number | null;
  /** The largest value the law allows; null when the law sets none. */
  ceiling: number | null;
  clause: string;
  rule: Localized;
}

/** A setting the rules leave to the district within sanity bounds. */
const local = (clause: string): LegalBound => ({
  floor: null,
  ceiling: null,
  clause,
  rule: { zh: '无法定限值，由区县自定', en: 'no statutory bound; the district decides' },
});

/**
 * Every number the plan or the national rules leave to the district (DOMAIN.md marks them
 * "configurable"), with its default, its legal floor or ceiling, sanity bounds and the clause it comes
 * from. Code reads them from the district's settings, never as literals.
 */
export interface SettingDefinition {
  default: number | null;
  /** Sanity bounds of the input, wider than or equal to the legal ones. */
  min: number;
  max: number;
  legal: LegalBound;
  /** Whether "none" (null) is a valid value. */
  nullable?: boolean;
  integer: boolean;
  clause: string;
  description: string;
}

export const SETTING_DEFINITIONS = {
  investigationStartWorkingDays: {
    default: 3,
    min: 1,
    max: 30,
    legal: local('D§3'),
    integer: true,
    clause: 'D§3',
    description: 'Working days from acceptance to the start of investigation (受理后开始调查时限)',
  },
  noticeDays: {
    default: 7,
    min: 1,
    max: 30,
    legal: {
      floor: 7,
      ceiling: null,
      clause: 'D§3',
      rule: { zh: '公示期法定不少于7天', en: 'the public notice lasts at least 7 days by law' },
    },
    integer: true,
    clause: 'D§3',
    description: 'Length of the public notice in days (公示天数)',
  },
  decisionAfterNoticeWorkingDays: {
    default: 10,
    min: 1,
    max: 30,
    legal: local('D§3'),
    integer: true,
    clause: 'D§3',
    description: 'Working days after the notice ends to decide (公示结束后作出决定时限)',
  },
  deliveryWorkingDays: {
    default: 3,
    min: 1,
    max: 15,
    legal: local('D§3'),
    integer: true,
    clause: 'D§3',
    description: 'Working days to deliver a written refusal (书面告知送达时限)',
  },
  totalLimitWorkingDays: {
    default: 30,
    min: 10,
    max: 90,
    legal: {
      floor: null,
      ceiling: 30,
      clause: 'D§3',
      rule: { zh: '办理时限不超过30个工作日', en: 'a case is decided within 30 working days at most' },
    },
    integer: true,
    clause: 'D§3',
    description: 'Working days from application to decision (办理总时限)',
  },
  specialTotalLimitWorkingDays: {
    default: 45,
    min: 10,
    max: 120,
    legal: {
      floor: null,
      ceiling: 45,
      clause: 'D§3',
      rule: { zh: '特殊情况办理时限不超过45个工作日', en: 'a special case is decided within 45 working days at most' },
    },
    integer: true,
    clause: 'D§3',
    description: 'The same for special cases (特殊情况办理总时限)',
  },
  activationCodeDays: {
    default: 7,
    min: 1,
    max: 30,
    legal: local('D§14'),
    integer: true,
    clause: 'D§14',
    description: "Days a new account's one-time activation code stays valid (激活码有效天数)",
  },
  spotCheckRatePercent: {
    default: 30,
    min: 0,
    max: 100,
    legal: local('P4.3'),
    integer: true,
    clause: 'P4.3',
    description: 'Share of the filed cases a spot-check draw samples, besides the always-checked ones (抽查比例 %)',
  },
  petitionAnswerWorkingDays: {
    default: 40,
    min: 5,
    max: 60,
    legal: local('D§12'),
    integer: true,
    clause: 'D§12',
    description: 'Working days for the district to answer a petition, about the 60 days of the national petition rules (信访答复时限)',
  },
  petitionsPerAddressPerHour: {
    default: 3,
    min: 1,
    max: 100,
    legal: local('D§12'),
    integer: true,
    clause: 'D§12',
    description: 'Petitions the public may file from one network address in an hour (同一地址每小时信访件数上限)',
  },
  committeeMinMembers: {
    default: 5,
    min: 5,
    max: 30,
    legal: {
      floor: 5,
      ceiling: null,
      clause: 'P3.2',
      rule: { zh: '联审联批小组不少于5人', en: 'a joint review committee has at least 5 members' },
    },
    integer: true,
    clause: 'P3.2',
    description: 'Members a joint review committee needs, at least 5 (联审联批小组最少人数)',
  },
  committeeQuorum: {
    default: 5,
    min: 3,
    max: 30,
    legal: {
      floor: 5,
      ceiling: null,
      clause: 'D§4',
      rule: { zh: '集体审议至少5人到会（含组长）', en: 'a collective review needs at least 5 present, the chair included' },
    },
    integer: true,
    clause: 'D§4',
    description: 'Members present, chair included, for a decision (会议法定人数)',
  },
  committeeMajorityPercent: {
    default: 50,
    min: 50,
    max: 100,
    legal: {
      floor: 50,
      ceiling: null,
      clause: 'D§4',
      rule: { zh: '决定须经到会成员过半数同意', en: 'a decision needs a majority of the members present' },
    },
    integer: true,
    clause: 'D§4',
    description: 'Share of present members that must approve, strictly more than this (表决通过比例 %)',
  },
  emergencyPaperworkWorkingDays: {
    default: 5,
    min: 1,
    max: 30,
    legal: local('D§6'),
    integer: true,
    clause: 'D§6',
    description: 'Working days to complete paperwork after emergency payment (急难先行救助补办手续时限)',
  },
  linshiTownshipLimitYuan: {
    default: null,
    nullable: true,
    min: 0,
    max: 1_000_000,
    legal: local('D§6'),
    integer: true,
    clause: 'D§6',
    description: 'LINSHI amount above which the district confirms; empty = no limit (乡镇临时救助审批限额)',
  },
  linshiRepeatWindowMonths: {
    default: 12,
    min: 0,
    max: 60,
    legal: local('D§6'),
    integer: true,
    clause: 'D§6',
    description: 'Months in which the same cause is refused without new grounds (同一事由重复申请间隔)',
  },
  dibaoUrbanStandardYuan: {
    default: 800,
    min: 1,
    max: 10_000,
    legal: local('D§8'),
    integer: false,
    clause: 'D§8',
    description: 'Urban DIBAO standard per person per month (城市低保标准 元/人·月)',
  },
  dibaoRuralStandardYuan: {
    default: 620,
    min: 1,
    max: 10_000,
    legal: local('D§8'),
    integer: false,
    clause: 'D§8',
    description: 'Rural DIBAO standard per person per month (农村低保标准 元/人·月)',
  },
  dibaoMinimumAmountYuan: {
    default: 30,
    min: 0,
    max: 1_000,
    legal: local('D§8'),
    integer: true,
    clause: 'D§8',
    description: 'Smallest monthly DIBAO amount paid (低保最低发放金额)',
  },
  tekunStandardMultiplier: {
    default: 1.3,
    min: 1.3,
    max: 3,
    legal: {
      floor: 1.3,
      ceiling: null,
      clause: 'D§8',
      rule: { zh: '特困基本生活标准不低于低保标准的1.3倍', en: 'the TEKUN living standard is at least 1.3 times the DIBAO standard' },
    },
    integer: false,
    clause: 'D§8',
    description: 'TEKUN basic living standard as a multiple of the DIBAO standard, at least 1.3 (特困基本生活标准倍数)',
  },
  tekunCareAllowanceSelfCareYuan: {
    default: 100,
    min: 0,
    max: 5_000,
    legal: local('D§8'),
    integer: true,
    clause: 'D§8',
    description: 'Monthly care allowance, self-care (全自理护理补贴)',
  },
  tekunCareAllowancePartlyDependentYuan: {
    default: 300,
    min: 0,
    max: 5_000,
    legal: local('D§8'),
    integer: true,
    clause: 'D§8',
    description: 'Monthly care allowance, partly dependent (半护理补贴)',
  },
  tekunCareAllowanceFullyDependentYuan: {
    default: 600,
    min: 0,
    max: 5_000,
    legal: local('D§8'),
    integer: true,
    clause: 'D§8',
    description: 'Monthly care allowance, fully dependent (全护理补贴)',
  },
  reviewMonthsClassA: {
    default: 12,
    min: 1,
    max: 12,
    legal: {
      floor: null,
      ceiling: 12,
      clause: 'D§9',
      rule: {
        zh: '短期内收入变化不大的家庭和特困人员至少每年核查一次',
        en: 'a household whose income changes little, and every TEKUN person, is reviewed at least yearly',
      },
    },
    integer: true,
    clause: 'D§9',
    description: 'Months between reviews, class A: income changes little, and TEKUN (A类核查间隔)',
  },
  reviewMonthsClassB: {
    default: 6,
    min: 1,
    max: 12,
    legal: {
      floor: null,
      ceiling: 6,
      clause: 'D§9',
      rule: {
        zh: '收入来源不固定、家庭成员有劳动能力的家庭至少每半年核查一次',
        en: 'a household with irregular income and members able to work is reviewed at least every six months',
      },
    },
    integer: true,
    clause: 'D§9',
    description: 'Months between reviews, class B: irregular income, members able to work (B类核查间隔)',
  },
  reviewDueWithinDays: {
    default: 30,
    min: 0,
    max: 366,
    legal: local('D§9'),
    integer: true,
    clause: 'D§9',
    description: 'Reviews falling due within this many days are listed as due (复核提前提示天数)',
  },
  gradualExitMonths: {
    default: 6,
    min: 1,
    max: 24,
    legal: local('D§9'),
    integer: true,
    clause: 'D§9',
    description: 'Months a benefit is paid on after income rises from work (渐退期月数)',
  },
  viewAsMinutes: {
    default: 15,
    min: 1,
    max: 60,
    legal: local('D§12'),
    integer: true,
    clause: 'D§12',
    description: 'Minutes an auditor may look at the API as another account before signing in again (以他人视角查看时限，分钟)',
  },
  paymentDay: {
    default: 10,
    min: 1,
    // Every month has a 28th: the day is the same in every month.
    max: 28,
    legal: local('D§10'),
    integer: true,
    clause: 'D§10',
    description: "Day of the month each month's payments are due by (每月发放日)",
  },
} satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
export type Settings = { [K in SettingKey]: (typeof SETTING_DEFINITIONS)[K]['default'] extends null ? number | null : number };

export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_DEFINITIONS[key].default])) as Settings;
}
