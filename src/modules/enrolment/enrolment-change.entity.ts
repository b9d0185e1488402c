import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantRelation, VillageRow } from '../../db/tenant-row';
import { Node, tenantGlobalId } from '../../graphql/node';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { EnrolmentReview } from '../review/review.entity';
import { Enrolment, EnrolmentStatus } from './enrolment.entity';
import { CalendarDate, CreatedAt, Enum, Money, Text, Uuid } from '../../db/fields';

export const EnrolmentChangeKind = defineEnum('EnrolmentChangeKind', 'What changed an enrolment (救助变动类别), D§9', {
  ENROLLED: 'Enrolled by an approval (纳入)',
  KEPT: 'Kept unchanged by a review (复核维持)',
  RAISED: 'Amount raised by a review (提高金额)',
  LOWERED: 'Amount lowered by a review (降低金额)',
  GRADUAL_EXIT: 'Paid on for a gradual-exit period (渐退期)',
  ENDED: 'Ended (停止救助)',
});
export type EnrolmentChangeKind = EnumValue<typeof EnrolmentChangeKind>;

/**
 * One record of an enrolment's history (救助变动记录): the amount and status in force from a month
 * on, why, and the review it came from (D§9). Records are only added (the table refuses edits);
 * the terms of any month are those of the latest record effective by then.
 */
@Entity('enrolment_changes')
@Index(['districtCode', 'enrolmentId', 'effectiveMonth'])
@Index(['districtCode', 'townshipCode', 'effectiveMonth'])
@ObjectType('EnrolmentChange', {
  implements: Node,
  description: "A record of an enrolment's amount and status from a month on (救助变动记录), D§9.",
})
export class EnrolmentChange extends VillageRow {
  @Uuid() enrolmentId: string;

  @TenantRelation(() => Enrolment, 'enrolment_id', 'RESTRICT')
  enrolment?: Enrolment;

  @Enum(EnrolmentChangeKind, 16, 'What changed (变动类别)') kind: EnrolmentChangeKind;
  @Money('Monthly amount in force from the effective month (月救助金额, 元); 0 once ended') amount: number;
  @Enum(EnrolmentStatus, 12, 'Status from the effective month (状态)') status: EnrolmentStatus;
  @CalendarDate('First month these terms apply (生效月份, YYYY-MM-01)') effectiveMonth: string;
  @Text('Why (变动理由)') reason: string;

  /** Who recorded it; null only for records carried over from before the history existed. */
  @Uuid({ nullable: true }) recordedById: string | null;

  @Uuid({ nullable: true }) reviewId: string | null;

  @TenantRelation(() => EnrolmentReview, 'review_id', 'RESTRICT')
  review?: EnrolmentReview;

  @Field(() => ID, { name: 'review', nullable: true, description: 'Global ID of the review it came from, if one (来源复核)' })
  get reviewGlobalId(): string | null {
    return this.reviewId ? tenantGlobalId('EnrolmentReview', { districtCode: this.districtCode, id: this.reviewId }) : null;
  }

  @CreatedAt('Recorded at (记录时间)') createdAt: Date;
}
