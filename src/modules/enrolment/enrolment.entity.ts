import { Node } from '../../graphql/node';
import { TenantRelation, VillageRow } from '../../db/tenant-row';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { CalendarDateScalar, DecimalScalar } from '../../graphql/scalars';
import { DecimalColumn } from '../../db/decimal-column';
import { Case, CareLevel, Programme, SupportForm } from '../case/case.entity';
import { Residence } from '../household/household.entity';
import { InstitutionPayee } from '../funds/funds.entity';

export const EnrolmentStatus = defineEnum('EnrolmentStatus', 'Whether a recipient is being paid (救助状态)', {
  ACTIVE: 'Receiving assistance (在保)',
  ENDED: 'Ended (已停保)',
});
export type EnrolmentStatus = EnumValue<typeof EnrolmentStatus>;

/** Review classes of the MCA 2021 DIBAO measures (D§9): how often a recipient is reviewed. */
export const ReviewClass = defineEnum('ReviewClass', 'Review class of dynamic management (分类管理类别), D§9', {
  A: 'Income changes little: reviewed yearly (A类, 每年复核)',
  B: 'Income changes somewhat (B类, 每半年复核)',
  C: 'Irregular income, members able to work (C类, 每季度或每半年复核)',
});
export type ReviewClass = EnumValue<typeof ReviewClass>;

/**
 * A beneficiary enrolment (救助对象), created by an approval (D§3): programme, monthly amount, start
 * month (the month after approval), review class and next review date.
 */
@Entity('enrolments')
@Index(['districtCode', 'townshipCode', 'status'])
@Index(['districtCode', 'householdId'])
@Index(['districtCode', 'createdAt', 'id'])
@Index(['districtCode', 'townshipCode', 'createdAt', 'id'])
@Index(['districtCode', 'villageCode', 'createdAt', 'id'])
@Index(['districtCode', 'programme', 'createdAt', 'id'])
@Index(['districtCode', 'status', 'nextReviewOn', 'id'])
@ObjectType('Enrolment', { implements: Node, description: 'A beneficiary enrolment (救助对象登记) created by an approval.' })
export class Enrolment extends VillageRow {
  @Column('uuid')
  caseId: string;

  @TenantRelation(() => Case, 'case_id', 'RESTRICT')
  case?: Case;

  @Column('uuid')
  householdId: string;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => Programme, { description: 'Programme (救助类别)' })
  programme: Programme;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => Residence, {
    nullable: true,
    description: 'Urban or rural (城乡属性); null for finance, which is granted only the payee (P4.4)',
  })
  residence: Residence;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Has a member able to work (有劳动能力成员); null for finance, which is granted only the payee (P4.4)',
  })
  hasMemberAbleToWork: boolean;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: 'Payee (收款人)' })
  payeeName: string;

  @DecimalColumn()
  @Field(() => DecimalScalar, { description: 'Monthly amount (月救助金额, 元)' })
  monthlyAmount: number;

  @Column({ type: 'date' })
  @Field(() => CalendarDateScalar, { description: 'First day of the first month paid (起始月份), the month after approval' })
  startMonth: string;

  @Column({ type: 'varchar', length: 1 })
  @Field(() => ReviewClass, {
    nullable: true,
    description: 'Review class (分类管理类别), D§9; null for finance, which is granted only the payee (P4.4)',
  })
  reviewClass: ReviewClass;

  @Column({ type: 'date' })
  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Next review (下次复核日期); null for finance, which is granted only the payee (P4.4)',
  })
  nextReviewOn: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => SupportForm, {
    nullable: true,
    description: 'TEKUN support form (供养方式); null for finance, which is granted only the payee (P4.4)',
  })
  supportForm: SupportForm | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => CareLevel, {
    nullable: true,
    description: 'TEKUN care level (护理等级); null for finance, which is granted only the payee (P4.4)',
  })
  careLevel: CareLevel | null;

  /** The institution paid for a centralised TEKUN recipient (D§10); the roster pays it instead of the household. */
  @Column({ type: 'uuid', nullable: true })
  institutionPayeeId: string | null;

  @TenantRelation(() => InstitutionPayee, 'institution_payee_id', 'RESTRICT')
  institutionPayee?: InstitutionPayee;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => EnrolmentStatus, { description: 'Status (状态)' })
  status: EnrolmentStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Enrolled at (登记时间)' })
  createdAt: Date;
}
