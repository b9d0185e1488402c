import { Node } from '../../graphql/node';
import { TenantRelation, VillageRow } from '../../db/tenant-row';
import { Entity, Index } from 'typeorm';
import { ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Case, CareLevel, Programme, SupportForm } from '../case/case.entity';
import { Residence } from '../household/household.entity';
import { InstitutionPayee } from '../funds/funds.entity';
import { Bool, CalendarDate, CreatedAt, Enum, Money, Text, Uuid, Varchar } from '../../db/fields';

export const EnrolmentStatus = defineEnum('EnrolmentStatus', 'Whether a recipient is being paid (救助状态)', {
  ACTIVE: 'Receiving assistance (在保)',
  ENDED: 'Ended (已停保)',
});
export type EnrolmentStatus = EnumValue<typeof EnrolmentStatus>;

/**
 * Review classes of the MCA 2021 measures (D§9): how often a recipient is reviewed. The 2021 rules
 * know two frequencies, yearly and six-monthly; C is the quarterly class of the earlier rules, kept
 * only because reviews recorded under it are history that is never rewritten. Nothing assigns it.
 */
export const ReviewClass = defineEnum('ReviewClass', 'Review class of dynamic management (分类管理类别), D§9', {
  A: 'Income changes little in the short term, and every TEKUN person: reviewed yearly (A类, 每年核查)',
  B: 'Irregular income and members able to work: reviewed every six months (B类, 每半年核查)',
  C: 'Quarterly class of the rules before 2021, no longer assigned: only on reviews recorded under it (原C类, 已停用)',
});
export type ReviewClass = EnumValue<typeof ReviewClass>;

/** Why an enrolment has its review class (D§9): the rule that assigned it, or the township's change. */
export const ReviewClassRule = defineEnum('ReviewClassRule', 'Rule that set the review class (分类依据), D§9', {
  TEKUN_YEARLY: 'TEKUN persons are reviewed yearly (特困人员每年核查)',
  STABLE_INCOME: 'Income changes little in the short term, or nobody can work: yearly (短期内收入变化不大, 每年核查)',
  IRREGULAR_INCOME_ABLE_TO_WORK: 'Income not fixed and members able to work: every six months (收入来源不固定且有劳动能力, 每半年核查)',
  INCOME_STABILITY_UNRECORDED:
    'Members able to work and the income not found stable: every six months until it is (有劳动能力且未认定收入稳定, 每半年核查)',
  CHANGED_BY_TOWNSHIP: 'Changed by the township, with its reason (乡镇调整, 附理由)',
});
export type ReviewClassRule = EnumValue<typeof ReviewClassRule>;

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
  @Uuid() caseId: string;

  @TenantRelation(() => Case, 'case_id', 'RESTRICT')
  case?: Case;

  @Uuid() householdId: string;
  @Enum(Programme, 8, 'Programme (救助类别)') programme: Programme;

  @Enum(Residence, 8, 'Urban or rural (城乡属性); null for finance, which is granted only the payee (P4.4)', { nullable: 'field' })
  residence: Residence;

  @Bool('Has a member able to work (有劳动能力成员); null for finance, which is granted only the payee (P4.4)', { nullable: 'field' })
  hasMemberAbleToWork: boolean;

  @Varchar(50, 'Payee (收款人)') payeeName: string;
  @Money('Monthly amount (月救助金额, 元)') monthlyAmount: number;
  @CalendarDate('First day of the first month paid (起始月份), the month after approval') startMonth: string;

  @Enum(ReviewClass, 1, 'Review class (分类管理类别), D§9; null for finance, which is granted only the payee (P4.4)', { nullable: 'field' })
  reviewClass: ReviewClass;

  @Enum(
    ReviewClassRule,
    32,
    'The rule that set the review class (分类依据), D§9; null for finance, which is granted only the payee (P4.4)',
    { nullable: 'field' },
  )
  reviewClassRule: ReviewClassRule;

  @Text("The township's reason when it changed the review class (调整分类理由), D§9; null while the rule's class stands", {
    nullable: true,
  })
  reviewClassReason: string | null;

  @CalendarDate('Next review (下次复核日期); null for finance, which is granted only the payee (P4.4)', { nullable: 'field' })
  nextReviewOn: string;

  @Enum(SupportForm, 12, 'TEKUN support form (供养方式); null for finance, which is granted only the payee (P4.4)', { nullable: true })
  supportForm: SupportForm | null;

  @Enum(CareLevel, 20, 'TEKUN care level (护理等级); null for finance, which is granted only the payee (P4.4)', { nullable: true })
  careLevel: CareLevel | null;

  /** The institution paid for a centralised TEKUN recipient (D§10); the roster pays it instead of the household. */
  @Uuid({ nullable: true }) institutionPayeeId: string | null;

  @TenantRelation(() => InstitutionPayee, 'institution_payee_id', 'RESTRICT')
  institutionPayee?: InstitutionPayee;

  @Enum(EnrolmentStatus, 12, 'Status (状态)') status: EnrolmentStatus;
  @CreatedAt('Enrolled at (登记时间)') createdAt: Date;
}
