import { Entity, Index } from 'typeorm';
import { ObjectType } from 'type-graphql';
import { TownshipRow } from '../../db/tenant-row';
import { Node } from '../../graphql/node';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { CalendarDate, CreatedAt, Enum, Integer, Text, Timestamp, UpdatedAt, Uuid, Varchar } from '../../db/fields';

export const WorkPlanKind = defineEnum('WorkPlanKind', 'Kind of document a township files with the district (乡镇报备文件类别), P5', {
  WORK_PLAN: "The township's work plan (工作方案), P5.1",
  PROGRESS_REPORT: 'A report of progress (进展报告), P5.2',
  EVALUATION: 'The year-end evaluation report (年度评估报告), P5.3',
});
export type WorkPlanKind = EnumValue<typeof WorkPlanKind>;

export const WorkPlanStatus = defineEnum('WorkPlanStatus', 'Where a filed document stands (报备状态), P5', {
  DRAFTED: 'Drafted by the township, not yet filed (草拟)',
  FILED: 'Filed with the district bureau (已报备)',
  ACCEPTED: 'Accepted by the district (已接收)',
  RETURNED: 'Returned by the district with reasons, to be revised and filed again (已退回)',
});
export type WorkPlanStatus = EnumValue<typeof WorkPlanStatus>;

/**
 * A document a township files with the district bureau (P5.1–P5.3): its work plan, a progress
 * report or the year-end evaluation. The township head drafts and files it; the district accepts it
 * or returns it with reasons, and a returned document is revised and filed again. Each step is an
 * audit entry; the row keeps where it stands and the district's latest reasons.
 */
@Entity('work_plans')
@Index(['districtCode', 'townshipCode', 'kind', 'status'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('WorkPlan', {
  implements: Node,
  description: "A township's work plan, progress report or year-end evaluation filed with the district (乡镇报备文件), P5.1–P5.3.",
})
export class WorkPlan extends TownshipRow {
  @Enum(WorkPlanKind, 16, 'Kind of document (文件类别)') kind: WorkPlanKind;
  @Integer('Year the document is for (年度)') year: number;
  @Varchar(200, 'Title (标题)') title: string;
  @Text('Text (正文)') body: string;
  @CalendarDate('Date of the document (成文日期)') documentDate: string;
  @Enum(WorkPlanStatus, 12, 'Where it stands (报备状态)') status: WorkPlanStatus;
  @Timestamp('Last filed at (报备时间)', { nullable: true }) filedAt: Date | null;
  @Text("The district's reasons for the latest return (退回理由); null if never returned", { nullable: true }) returnReasons: string | null;
  @Timestamp('When the district accepted or last returned it (区民政处理时间)', { nullable: true }) reviewedAt: Date | null;
  @Uuid({ nullable: true }) reviewedById: string | null;
  @Uuid() createdById: string;
  @CreatedAt('Drafted at (起草时间)') createdAt: Date;
  @UpdatedAt('Last change (最近变更)') updatedAt: Date;
}
