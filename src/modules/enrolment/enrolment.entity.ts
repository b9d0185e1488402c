import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Case, Programme } from '../case/case.entity';

/**
 * A beneficiary enrolment (救助对象), created by an approval (D§3): programme, monthly amount, start
 * month (the month after approval), review class and next review date.
 */
@Entity('enrolments')
@Index(['districtCode', 'villageCode'])
@Index(['districtCode', 'townshipCode', 'status'])
@Index(['districtCode', 'householdId'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('Enrolment', { description: 'A beneficiary enrolment (救助对象登记) created by an approval.' })
export class Enrolment {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  @Field({ description: 'District code (区代码)' })
  districtCode: string;

  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Enrolment id (登记标识)' })
  id: string;

  @Column('uuid')
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'district_code', referencedColumnName: 'districtCode' },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: Case;

  @Column('uuid')
  householdId: string;

  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'Township code (乡镇代码)' })
  townshipCode: string;

  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'Village code (村代码)' })
  villageCode: string;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => Programme, { description: 'Programme (救助类别)' })
  programme: Programme;

  @Column({ type: 'varchar', length: 8 })
  @Field({ description: 'Urban or rural (城乡属性): URBAN or RURAL' })
  residence: string;

  @Column({ type: 'boolean' })
  @Field({ description: 'Has a member able to work (有劳动能力成员)' })
  hasMemberAbleToWork: boolean;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: 'Payee (收款人)' })
  payeeName: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: { to: (v) => v, from: Number } })
  @Field({ description: 'Monthly amount (月救助金额, 元)' })
  monthlyAmount: number;

  @Column({ type: 'date' })
  @Field({ description: 'First month paid (起始月份), the month after approval' })
  startMonth: string;

  @Column({ type: 'varchar', length: 1 })
  @Field({ description: 'Review class (分类管理类别): A, B or C (D§9)' })
  reviewClass: string;

  @Column({ type: 'date' })
  @Field({ description: 'Next review (下次复核日期)' })
  nextReviewOn: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => String, { nullable: true, description: 'TEKUN support form (供养方式)' })
  supportForm: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: 'TEKUN care level (护理等级)' })
  careLevel: string | null;

  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'ACTIVE or ENDED (状态)' })
  status: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Enrolled at (登记时间)' })
  createdAt: Date;
}
