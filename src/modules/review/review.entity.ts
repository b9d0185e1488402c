import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantRelation, VillageRow } from '../../db/tenant-row';
import { Node, tenantGlobalId } from '../../graphql/node';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Enrolment, ReviewClass } from '../enrolment/enrolment.entity';
import { CalendarDate, CreatedAt, Enum, Money, Text, Timestamp, Uuid, Varchar } from '../../db/fields';

/** What a periodic review decides (D§9). */
export const ReviewOutcome = defineEnum('ReviewOutcome', 'Outcome of a periodic review (复核结果), D§9', {
  KEEP: 'The benefit continues unchanged (维持)',
  RAISE: 'The amount goes up (提高救助金额)',
  LOWER: 'The amount goes down (降低救助金额)',
  GRADUAL_EXIT: 'Income rose from work: paid on for the gradual-exit period, then ended (渐退)',
  END: 'The benefit ends, with written reasons (停止救助)',
});
export type ReviewOutcome = EnumValue<typeof ReviewOutcome>;

/**
 * A periodic review's recorded outcome (定期复核, D§9): what the township decided, why, on which
 * verification, and from which month. Records are only added (the table refuses edits); a TEKUN
 * termination is a review whose public notice runs first (`noticeEndsAt`), and the enrolment ends
 * by a later history record that names this review.
 */
@Entity('enrolment_reviews')
@Index(['districtCode', 'enrolmentId', 'createdAt'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('EnrolmentReview', {
  implements: Node,
  description: 'The recorded outcome of a periodic review of an enrolment (定期复核记录), D§9.',
})
export class EnrolmentReview extends VillageRow {
  @Uuid() enrolmentId: string;

  @TenantRelation(() => Enrolment, 'enrolment_id', 'RESTRICT')
  enrolment?: Enrolment;

  @Field(() => ID, { name: 'enrolment', description: 'Global ID of the enrolment reviewed (复核的救助对象)' })
  get enrolmentGlobalId(): string {
    return tenantGlobalId('Enrolment', { districtCode: this.districtCode, id: this.enrolmentId });
  }

  @Enum(ReviewClass, 1, 'Review class the review was due under (复核时的分类管理类别)') reviewClass: ReviewClass;
  @CalendarDate('The review date this review answered (应复核日期)') dueOn: string;
  @Enum(ReviewOutcome, 16, 'Outcome (复核结果)') outcome: ReviewOutcome;
  @Money('Monthly amount before the review (复核前月救助金额, 元)') amountBefore: number;
  @Money('Monthly amount decided (复核后月救助金额, 元); null when the benefit ends', { nullable: true }) amount: number | null;
  @Text('Reasons, in writing (复核理由; 停止救助的书面理由)') reasons: string;

  @Varchar(200, 'Reference of the economic-status verification behind a change of income (核对报告编号)', { nullable: true })
  verificationReference: string | null;

  @CalendarDate('First month the outcome applies (生效月份); null while a TEKUN termination is under public notice', { nullable: true })
  effectiveMonth: string | null;

  @Timestamp('Public notice of a TEKUN termination starts (停止供养公示开始)', { nullable: true }) noticeStartsAt: Date | null;
  @Timestamp('Public notice of a TEKUN termination ends (停止供养公示结束)', { nullable: true }) noticeEndsAt: Date | null;
  @CalendarDate('Next review date set by this review (下次复核日期)') nextReviewOn: string;
  @Uuid() recordedById: string;
  @CreatedAt('Recorded at (记录时间)') createdAt: Date;
}

/**
 * A change reported by a recipient (家庭变化情况报告), recorded by the village or township (D§9):
 * recipients report changes before each review, and a reported change brings the review forward.
 */
@Entity('change_reports')
@Index(['districtCode', 'enrolmentId', 'createdAt'])
@ObjectType('ChangeReport', { implements: Node, description: "A recipient's report of a change in the household (家庭变化情况报告), D§9." })
export class ChangeReport extends VillageRow {
  @Uuid() enrolmentId: string;

  @TenantRelation(() => Enrolment, 'enrolment_id', 'RESTRICT')
  enrolment?: Enrolment;

  @Field(() => ID, { name: 'enrolment', description: 'Global ID of the enrolment concerned (相关救助对象)' })
  get enrolmentGlobalId(): string {
    return tenantGlobalId('Enrolment', { districtCode: this.districtCode, id: this.enrolmentId });
  }

  @CalendarDate('Day the recipient reported (报告日期)') reportedOn: string;
  @Text('What changed, as reported (变化情况)') content: string;
  @Uuid() recordedById: string;
  @CreatedAt('Recorded at (记录时间)') createdAt: Date;
}
