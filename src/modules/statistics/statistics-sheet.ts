import type { Sheet } from '../../http/spreadsheet';
import type { TownshipMonthFigures } from './statistics.types';

/**
 * The district's view (P4.3) as a table, one row per township and month: the figures of
 * `districtStatistics`, computed in SQL under the caller's scope; the breakdown by programme and
 * state stays in the API, the totals are here.
 */
export function statisticsSheet(year: number, figures: TownshipMonthFigures[]): Sheet<TownshipMonthFigures> {
  return {
    name: { zh: `统计数据 ${year}`, en: `Statistics ${year}` },
    columns: [
      { zh: '乡镇代码', en: 'Township', value: (f) => f.townshipCode },
      { zh: '月份', en: 'Month', value: (f) => f.month },
      { zh: '申请数', en: 'Applications', kind: 'number', value: (f) => f.applications },
      { zh: '审核确认数', en: 'Approvals', kind: 'number', value: (f) => f.approvals },
      { zh: '不予确认数', en: 'Refusals', kind: 'number', value: (f) => f.refusals },
      { zh: '确认率（%）', en: 'Approval rate (%)', kind: 'amount', value: (f) => f.approvalRatePercent },
      { zh: '不予确认率（%）', en: 'Refusal rate (%)', kind: 'amount', value: (f) => f.refusalRatePercent },
      { zh: '平均办理工作日', en: 'Average working days to decision', kind: 'amount', value: (f) => f.averageWorkingDaysToDecision },
      { zh: '超期环节数', en: 'Overdue steps', kind: 'number', value: (f) => f.overdueSteps },
      { zh: '抽查数', en: 'Spot checks', kind: 'number', value: (f) => f.spotChecks },
      { zh: '抽查发现问题数', en: 'Spot checks ordering a correction', kind: 'number', value: (f) => f.spotCheckCorrections },
      { zh: '新增在保对象', en: 'New recipients', kind: 'number', value: (f) => f.recipients },
      { zh: '新增在保对象月救助金额（元）', en: 'Their monthly amount (yuan)', kind: 'amount', value: (f) => f.recipientsMonthlyAmount },
      { zh: '已到账人数', en: 'Recipients paid', kind: 'number', value: (f) => f.paidRecipients },
      { zh: '已到账金额（元）', en: 'Amount paid (yuan)', kind: 'amount', value: (f) => f.amountPaid },
      { zh: '未办结信访件数', en: 'Open petitions', kind: 'number', value: (f) => f.openPetitions },
    ],
    rows: figures,
  };
}
