import { Column, Entity, Index } from 'typeorm';
import { CaseStatus, CaseStepRow } from './case.entity';
import { Field, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Node } from '../../graphql/node';
import { DecimalScalar } from '../../graphql/scalars';
import { LabourCapacity } from '../household/household.entity';
import { Bool, CalendarDate, CreatedAt, Enum, Integer, Json, Money, Text, Timestamp, Uuid, UuidArray, Varchar } from '../../db/fields';

/** What a district spot check concluded (P4.3). */
export const SpotCheckOutcome = defineEnum('SpotCheckOutcome', 'Result of a supervisory spot check (抽查结论)', {
  CONFIRMED: 'The decision stands (抽查无误)',
  CORRECTION: 'The township must correct it (责令纠正)',
});
export type SpotCheckOutcome = EnumValue<typeof SpotCheckOutcome>;

/** How an objection to a notice was dealt with before the case went back to review (D§3). */
export const ObjectionResolution = defineEnum('ObjectionResolution', 'How an objection was dealt with (异议处理方式), D§3', {
  APPRAISAL: 'A democratic appraisal (民主评议)',
  REINVESTIGATION: 'A signed re-investigation (重新调查)',
});
export type ObjectionResolution = EnumValue<typeof ObjectionResolution>;

/** What a democratic appraisal concluded (D§3). */
export const AppraisalOutcome = defineEnum('AppraisalOutcome', 'What a democratic appraisal concluded (民主评议结果)', {
  SUPPORTED: 'Supports the application (支持)',
  NOT_SUPPORTED: 'Does not support it (不支持)',
});
export type AppraisalOutcome = EnumValue<typeof AppraisalOutcome>;

/** Whether someone is legally bound and able to support a TEKUN applicant (法定赡养、抚养、扶养义务人), D§3. */
export const LegalSupporters = defineEnum('LegalSupporters', 'Legal supporters of a TEKUN applicant (法定义务人情况), D§3', {
  NONE: 'Has no legal supporter (无法定赡养抚养扶养义务人)',
  UNABLE: 'Legal supporters are unable to support (义务人无履行义务能力)',
  ABLE: 'A legal supporter is able to support (义务人有履行义务能力)',
});
export type LegalSupporters = EnumValue<typeof LegalSupporters>;

/** Columns every step record shares beyond those of a case step: who recorded it, and when. */
@ObjectType({ description: 'Fields every case step record has (办理环节记录); not itself in the schema.' })
abstract class CaseRecordBase extends CaseStepRow {
  @Uuid() recordedById: string;
  @CreatedAt('Recorded at (记录时间)') recordedAt: Date;
}

/** Household investigation (入户调查): at least two township investigators, each signs (D§3). */
@Entity('investigations')
@Index(['districtCode', 'caseId'])
@ObjectType('Investigation', { implements: Node, description: "Household investigation (入户调查) with its investigators' signatures." })
export class Investigation extends CaseRecordBase {
  @CalendarDate('Visit date (入户日期)') visitedOn: string;
  @Text('Findings (调查情况)') findings: string;

  @Column({ type: 'uuid', array: true })
  investigatorIds: string[];

  @UuidArray() signedByIds: string[];

  /** TEKUN (D§3): the member whose eligibility the investigators examined. */
  @Uuid({ nullable: true }) tekunPersonId: string | null;

  @Enum(LabourCapacity, 8, 'TEKUN: the work capacity the investigators found (劳动能力核实); null for other programmes', { nullable: true })
  tekunWorkCapacity: LabourCapacity | null;

  @Bool('TEKUN: a minor of 16 or 17 still in school (在校就读); null for other programmes', { nullable: true })
  tekunInSchool: boolean | null;

  @Enum(LegalSupporters, 8, 'TEKUN: legal supporters as found (法定义务人情况); null for other programmes', { nullable: true })
  tekunLegalSupporters: LegalSupporters | null;
}

@ObjectType('IncomeItem', { description: 'One income item of an accounting (收入项)' })
class IncomeItemView {
  @Field({ description: 'Source (来源)' })
  source: string;

  @Field(() => DecimalScalar, { description: 'Monthly amount (月收入, 元)' })
  monthlyYuan: number;

  @Field({ description: 'Counted as household income (计入家庭收入)' })
  counted: boolean;
}

@ObjectType('AssetItem', { description: 'One asset of a household (财产项)' })
class AssetItemView {
  @Field({ description: 'Kind (类别)' })
  kind: string;

  @Field({ description: 'Description (说明)' })
  description: string;

  @Field(() => DecimalScalar, { description: 'Value (价值, 元)' })
  valueYuan: number;
}

/** Income accounting (收入核算) and the amount computed from it (D§8). */
@Entity('income_accountings')
@Index(['districtCode', 'caseId'])
@ObjectType('IncomeAccounting', { implements: Node, description: 'Income accounting (收入核算) against the district standard (D§8).' })
export class IncomeAccounting extends CaseRecordBase {
  @Json(() => [IncomeItemView], 'Income items (收入项)') items: { source: string; monthlyYuan: number; counted: boolean }[];

  @Json(() => [AssetItemView], 'Assets declared and verified (家庭财产), for the committee to weigh', { default: () => "'[]'" })
  assets: { kind: string; description: string; valueYuan: number }[];

  @Money('Allowed deductions per month (可扣减支出, 元)') deductionsYuan: number;
  @Integer('Household size used (家庭人口)') householdSize: number;
  @Money('Per-capita monthly income (人均月收入, 元)') perCapitaIncomeYuan: number;
  @Money('Standard compared with (适用标准, 元)') standardYuan: number;
  @Bool('Per-capita income is below the standard (低于标准)') belowStandard: boolean;
  @Money('Computed monthly amount (核定金额, 元)') amountYuan: number;

  /** D§8: a township accounting is adopted when recorded; a village draft only when the township adopts it. */
  @Uuid({ nullable: true }) adoptedById: string | null;

  @Timestamp('When the township adopted it (乡镇采纳时间); null for a village draft not adopted', { nullable: true })
  adoptedAt: Date | null;

  /** The village draft this township accounting adopted with changes (D§8), if any. */
  @Uuid({ nullable: true }) draftId: string | null;
}

/** Democratic appraisal (民主评议), held only on an objection or doubt (D§3). */
@Entity('appraisals')
@Index(['districtCode', 'caseId'])
@ObjectType('Appraisal', { implements: Node, description: 'Democratic appraisal (民主评议).' })
export class Appraisal extends CaseRecordBase {
  @CalendarDate('Held on (评议日期)') heldOn: string;
  @Integer('Participants (参加人数)') participants: number;
  @Enum(AppraisalOutcome, 20, 'Outcome (评议结果)') outcome: AppraisalOutcome;
  @Text('Minutes (评议记录)') minutes: string;
}

/** An objection raised during the public notice (公示异议), with who raised it and what. */
@Entity('objections')
@Index(['districtCode', 'caseId'])
@ObjectType('Objection', { implements: Node, description: 'An objection to a public notice (公示异议).' })
export class Objection extends CaseRecordBase {
  @Varchar(100, 'Who objected (异议人)') objector: string;
  @Text('What the objection says (异议内容)') content: string;
  @Timestamp('When it was resolved by re-investigation or appraisal (处理时间)', { nullable: true }) resolvedAt: Date | null;

  @Enum(ObjectionResolution, 16, 'How it was dealt with (处理方式); null while open', { nullable: true })
  resolution: ObjectionResolution | null;

  @Text('What the township concluded on it (处理意见); null while open', { nullable: true }) resolutionNote: string | null;
  @Uuid({ nullable: true }) resolvedById: string | null;
}

/** A district spot check of a filed case (监督抽查), with its outcome and findings (P4.3). */
@Entity('spot_checks')
@Index(['districtCode', 'caseId'])
@ObjectType('SpotCheck', { implements: Node, description: 'A district spot check (监督抽查) of a filed case, with its findings.' })
export class SpotCheck extends CaseRecordBase {
  @Enum(SpotCheckOutcome, 12, 'Outcome (抽查结论)') outcome: SpotCheckOutcome;
  @Text('Findings (抽查意见)') findings: string;
}

/** Delivery of a written decision (书面决定送达), recorded by the village (P4.1). */
@Entity('deliveries')
@Index(['districtCode', 'caseId'])
@ObjectType('Delivery', { implements: Node, description: 'Delivery of a written decision (送达记录).' })
export class Delivery extends CaseRecordBase {
  @CalendarDate('Delivered on (送达日期)') deliveredOn: string;
  @Varchar(100, 'Received by (签收人)') recipient: string;
  @Enum(CaseStatus, 24, 'Decision delivered (送达文书): the case state it announces') decision: CaseStatus;
}
