import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Node } from '../../graphql/node';
import { TenantRelation, TenantRow, VillageRow } from '../../db/tenant-row';
import { DecimalScalar } from '../../graphql/scalars';
import { DecimalColumn } from '../../db/decimal-column';
import { Household, Residence } from '../household/household.entity';

export const Programme = defineEnum('Programme', 'Assistance programme (救助类别)', {
  DIBAO: 'Minimum living allowance (城乡低保)',
  TEKUN: 'Extreme-poverty support (特困供养)',
  LINSHI: 'Temporary assistance (临时救助)',
});
export type Programme = EnumValue<typeof Programme>;

export const DecisionAuthority = defineEnum('DecisionAuthority', 'The authority a decision was made under (决定依据的权限), D§13', {
  DELEGATION: "A delegation from the district to the case's township (乡镇受委托审核确认)",
  DISTRICT: 'The district itself, before a delegation or after its revocation (区民政审核确认, 委托前模式)',
});
export type DecisionAuthority = EnumValue<typeof DecisionAuthority>;

export const Channel = defineEnum('Channel', 'How the application came in (申请渠道), P4.1', {
  WINDOW: 'At a service window (窗口申请)',
  ONLINE: 'Online (网上申请)',
  PROACTIVE_DISCOVERY: 'Found by the village (主动发现)',
});
export type Channel = EnumValue<typeof Channel>;

/** Workflow states of D§3 (DIBAO, TEKUN) and D§6 (LINSHI). */
export const CaseStatus = defineEnum('CaseStatus', 'Where a case stands in the workflow (办理状态)', {
  SUBMITTED: 'Application submitted (已申请)',
  NEEDS_MATERIALS: 'Materials missing, listed once (需补正材料)',
  NOT_ACCEPTED: 'Not accepted (不予受理)',
  ACCEPTED: 'Accepted (已受理)',
  INVESTIGATING: 'Household investigation and verification (调查核对中)',
  TOWNSHIP_REVIEW: 'Before the joint review committee (联审联批审核)',
  PUBLIC_NOTICE: 'Publicly noticed (公示中)',
  OBJECTION_RAISED: 'Objection raised during notice (公示有异议)',
  APPROVED: 'Approved (审核确认)',
  DENIED: 'Refused with written reasons (不予确认)',
  FILED: 'Filed with the district (已备案)',
  SPOT_CHECKED: 'Spot-checked by the district (已抽查)',
  CORRECTION_ORDERED: 'District ordered a correction (责令纠正)',
  EMERGENCY_PAID: 'Paid first in an emergency (急难先行救助)',
  PAID: 'Temporary assistance paid (已发放)',
});
export type CaseStatus = EnumValue<typeof CaseStatus>;

/** TEKUN care level from the six-item self-care assessment (D§3). */
export const CareLevel = defineEnum('CareLevel', 'TEKUN care level from the six-item self-care assessment (护理等级), D§3', {
  SELF_CARE: 'All six items unaided (生活自理)',
  PARTLY_DEPENDENT: 'At most three items not unaided (部分失能)',
  FULLY_DEPENDENT: 'Four or more items not unaided (完全失能)',
});
export type CareLevel = EnumValue<typeof CareLevel>;

/** Where a TEKUN recipient is supported (D§3). */
export const SupportForm = defineEnum('SupportForm', 'How a TEKUN recipient is supported (供养方式), D§3', {
  DISPERSED: 'At home (分散供养)',
  CENTRALISED: 'In an institution (集中供养)',
});
export type SupportForm = EnumValue<typeof SupportForm>;

/**
 * An application for one programme by one household. Tenant table keyed by (district_code, id);
 * its scope codes are fixed at creation (D§1). `version` guards concurrent transitions.
 */
@Entity('cases')
@Index(['districtCode', 'villageCode', 'status'])
@Index(['districtCode', 'townshipCode', 'status'])
@Index(['districtCode', 'householdId'])
@Index(['districtCode', 'dueAt'])
@Index(['districtCode', 'createdAt', 'id'])
@Index(['districtCode', 'townshipCode', 'createdAt', 'id'])
@Index(['districtCode', 'villageCode', 'createdAt', 'id'])
// The district tier's list of one programme, newest first, and its count (issue #14 page (b)).
@Index(['districtCode', 'programme', 'createdAt', 'id'])
@ObjectType('Case', { implements: Node, description: 'An assistance case (救助申请/案件) from application to filing.' })
export class Case extends VillageRow {
  @Column('uuid')
  householdId: string;

  @TenantRelation(() => Household, 'household_id', 'RESTRICT')
  household?: Household;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => Programme, { description: 'Programme (救助类别)' })
  programme: Programme;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => CaseStatus, { description: 'Current state (办理状态)' })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => Channel, { description: 'Application channel (申请渠道)' })
  channel: Channel;

  /** Name of the applicant (head of household) at application, for lists and search. */
  @Column({ type: 'varchar', length: 50 })
  @Field({ description: 'Applicant (申请人)' })
  applicantName: string;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'A member is a close relative of staff (近亲属备案), P6.3' })
  kinRegistered: boolean;

  /** Set when a petition names the case: the district's spot check always takes it (D§3, D§12). */
  @Column({ type: 'boolean', default: false })
  @Field({ description: 'A petition was filed about the case, so it is always spot-checked (被投诉), D§12' })
  complainedAbout: boolean;

  /** Staff who declared a member of this household as close kin: barred from it (P6.3). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  kinStaffIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], {
    description:
      'Found at acceptance: ID numbers already in an open case or active enrolment of the same programme (重复申请/重复享受提示), D§5',
  })
  duplicateFindings: string[];

  /** Staff who signed the household investigation: they recuse from the committee vote (D§4). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  investigatorIds: string[];

  /**
   * Who chairs and signs for this case in place of a recused chair (D§4): the committee's deputy
   * chair while the chair is kin of the household or investigated it, else empty. Kept by the
   * database (trigger `cases_acting_chairs`, and the committee's changes): never written from here.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'", insert: false, update: false })
  actingChairIds: string[];

  /** Copied from the household at application: the poverty office's scope is rural households. */
  @Column({ type: 'varchar', length: 8 })
  @Field(() => Residence, { description: 'Urban or rural at application (城乡属性)' })
  residence: Residence;

  @Column({ type: 'varchar', length: 200, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Cause of a LINSHI application (救助事由); the same cause is refused within the repeat window',
  })
  cause: string | null;

  /** D§6: the category from the district's list the cause falls in; the repeat rule compares these. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "LINSHI: the cause's category from the district's list (救助事由类别, settings.linshiCauseCategories), D§6",
  })
  causeCategory: string | null;

  /** D§6: an earlier grant for the same cause category within the repeat window, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  repeatOfId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'LINSHI repeat within the window: the new grounds the township recorded (新情况), D§6; null until recorded',
  })
  newGrounds: string | null;

  @Column({ type: 'uuid', nullable: true })
  newGroundsRecordedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  newGroundsConfirmedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When a second account confirmed the new grounds (新情况确认时间), D§6; null until confirmed',
  })
  newGroundsConfirmedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Emergency path of LINSHI (急难型): paid first, paperwork after' })
  emergency: boolean;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Special case with the longer total time limit (特殊情况)' })
  special: boolean;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'The township recorded a doubt, so a democratic appraisal may be held (存疑)' })
  doubtRaised: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Missing materials, listed once and completely (一次性告知需补正材料)' })
  missingMaterials: string[];

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Written reasons of a refusal (不予受理/不予确认理由)' })
  refusalReasons: string | null;

  @DecimalColumn({ nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount (救助金额, 元): monthly for DIBAO/TEKUN, one-off for LINSHI' })
  amount: number | null;

  /** The adopted income accounting the amount follows (D§8); a village draft never becomes it until adopted. */
  @Column({ type: 'uuid', nullable: true })
  incomeAccountingId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => CareLevel, { nullable: true, description: 'TEKUN care level from the self-care assessment (护理等级)' })
  careLevel: CareLevel | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => SupportForm, { nullable: true, description: 'TEKUN support form (供养方式)' })
  supportForm: SupportForm | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Public notice starts (公示开始)' })
  noticeStartsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Public notice ends (公示结束) = start + notice days' })
  noticeEndsAt: Date | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'The district confirmed a LINSHI amount above the township limit (区级确认)' })
  districtConfirmed: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the written decision was delivered (送达时间)' })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When emergency assistance was paid (先行发放时间)' })
  emergencyPaidAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the case was decided (决定时间)' })
  decidedAt: Date | null;

  /** Each decision stores the authority of its date, so it can be checked against it later (D§13). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  @Field(() => DecisionAuthority, { nullable: true, description: 'The authority the decision was made under (决定依据的权限)' })
  decisionAuthority: DecisionAuthority | null;

  /** The delegation a township decided under; null when the district decided. */
  @Column({ type: 'uuid', nullable: true })
  decidedUnderId: string | null;

  /** When the current state was entered. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  @Field({ description: 'Since when the case is in its current state (进入当前状态时间)' })
  statusSince: Date;

  /** Deadline of the open step, fixed from the district's settings when the step opened. */
  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Deadline of the current step (当前环节期限); null when nothing is due' })
  dueAt: Date | null;

  /** Deadline of the whole procedure, from application to decision (30/45 working days). */
  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Deadline for the decision (办理总时限)' })
  decisionDueAt: Date | null;

  @VersionColumn()
  @Field(() => Int, { description: 'Version for optimistic concurrency (版本号): pass it back with a transition' })
  version: number;

  @Column('uuid')
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Submitted at (申请时间)' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Last change (最近变更)' })
  updatedAt: Date;
}

/**
 * A row that records a step of a case: in the case's district and deleted with it, with the case's
 * township and village copied for scoping. None of these columns is a GraphQL field.
 */
export abstract class CaseStepRow extends TenantRow {
  @Column('uuid')
  caseId: string;

  @TenantRelation(() => Case, 'case_id', 'CASCADE')
  case?: Case;

  @Column({ type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ type: 'varchar', length: 12 })
  villageCode: string;
}

/** One step of a case: who moved it from which state to which, when, and why. Append-only. */
@Entity('case_events')
@Index(['districtCode', 'caseId', 'at'])
@ObjectType('CaseEvent', { implements: Node, description: "A step in a case's history (办理记录)." })
export class CaseEvent extends CaseStepRow {
  @Column({ type: 'varchar', length: 24, nullable: true })
  @Field(() => CaseStatus, { nullable: true, description: 'State before (原状态); null when the case was created' })
  fromStatus: CaseStatus | null;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => CaseStatus, { description: 'State after (新状态)' })
  toStatus: CaseStatus;

  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'What was done (操作)' })
  action: string;

  /** Null for a system act (a case flagged because a relative was declared, P6.3). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'Who did it (操作人); "system" for a system act' })
  actorUsername: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Note (备注)' })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'When (时间)' })
  at: Date;
}
