import { Entity, Index, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Node } from '../../graphql/node';
import { TenantRelation, TenantRow, VillageRow } from '../../db/tenant-row';
import { Household, Residence } from '../household/household.entity';
import { Bool, CreatedAt, Enum, Money, Text, TextArray, Timestamp, UpdatedAt, Uuid, UuidArray, Varchar } from '../../db/fields';

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
  @Uuid() householdId: string;

  @TenantRelation(() => Household, 'household_id', 'RESTRICT')
  household?: Household;

  @Enum(Programme, 8, 'Programme (救助类别)') programme: Programme;
  @Enum(CaseStatus, 24, 'Current state (办理状态)') status: CaseStatus;
  @Enum(Channel, 24, 'Application channel (申请渠道)') channel: Channel;

  /** Name of the applicant (head of household) at application, for lists and search. */
  @Varchar(50, 'Applicant (申请人)') applicantName: string;

  @Bool('A member is a close relative of staff (近亲属备案), P6.3', { default: false }) kinRegistered: boolean;

  /** Set when a petition names the case: the district's spot check always takes it (D§3, D§12). */
  @Bool('A petition was filed about the case, so it is always spot-checked (被投诉), D§12', { default: false }) complainedAbout: boolean;

  /** Staff who declared a member of this household as close kin: barred from it (P6.3). */
  @UuidArray() kinStaffIds: string[];

  @TextArray(
    'Found at acceptance: ID numbers already in an open case or active enrolment of the same programme (重复申请/重复享受提示), D§5',
  )
  duplicateFindings: string[];

  /** Staff who signed the household investigation: they recuse from the committee vote (D§4). */
  @UuidArray() investigatorIds: string[];

  /**
   * Who chairs and signs for this case in place of a recused chair (D§4): the committee's deputy
   * chair while the chair is kin of the household or investigated it, else empty. Kept by the
   * database (trigger `cases_acting_chairs`, and the committee's changes): never written from here.
   */
  @UuidArray({ insert: false, update: false }) actingChairIds: string[];

  /** Copied from the household at application: the poverty office's scope is rural households. */
  @Enum(Residence, 8, 'Urban or rural at application (城乡属性)') residence: Residence;

  @Varchar(200, 'Cause of a LINSHI application (救助事由); the same cause is refused within the repeat window', { nullable: true })
  cause: string | null;

  /** D§6: the category from the district's list the cause falls in; the repeat rule compares these. */
  @Varchar(32, "LINSHI: the cause's category from the district's list (救助事由类别, settings.linshiCauseCategories), D§6", {
    nullable: true,
  })
  causeCategory: string | null;

  /** D§6: an earlier grant for the same cause category within the repeat window, when there is one. */
  @Uuid({ nullable: true }) repeatOfId: string | null;

  @Text('LINSHI repeat within the window: the new grounds the township recorded (新情况), D§6; null until recorded', { nullable: true })
  newGrounds: string | null;

  @Uuid({ nullable: true }) newGroundsRecordedById: string | null;
  @Uuid({ nullable: true }) newGroundsConfirmedById: string | null;

  @Timestamp('When a second account confirmed the new grounds (新情况确认时间), D§6; null until confirmed', { nullable: true })
  newGroundsConfirmedAt: Date | null;

  @Bool('Emergency path of LINSHI (急难型): paid first, paperwork after', { default: false }) emergency: boolean;
  @Bool('Special case with the longer total time limit (特殊情况)', { default: false }) special: boolean;
  @Bool('The township recorded a doubt, so a democratic appraisal may be held (存疑)', { default: false }) doubtRaised: boolean;
  @TextArray('Missing materials, listed once and completely (一次性告知需补正材料)') missingMaterials: string[];
  @Text('Written reasons of a refusal (不予受理/不予确认理由)', { nullable: true }) refusalReasons: string | null;
  @Money('Amount (救助金额, 元): monthly for DIBAO/TEKUN, one-off for LINSHI', { nullable: true }) amount: number | null;

  /** The adopted income accounting the amount follows (D§8); a village draft never becomes it until adopted. */
  @Uuid({ nullable: true }) incomeAccountingId: string | null;

  @Enum(CareLevel, 20, 'TEKUN care level from the self-care assessment (护理等级)', { nullable: true }) careLevel: CareLevel | null;
  @Enum(SupportForm, 12, 'TEKUN support form (供养方式)', { nullable: true }) supportForm: SupportForm | null;
  @Timestamp('Public notice starts (公示开始)', { nullable: true }) noticeStartsAt: Date | null;
  @Timestamp('Public notice ends (公示结束) = start + notice days', { nullable: true }) noticeEndsAt: Date | null;
  @Bool('The district confirmed a LINSHI amount above the township limit (区级确认)', { default: false }) districtConfirmed: boolean;
  @Timestamp('When the written decision was delivered (送达时间)', { nullable: true }) deliveredAt: Date | null;
  @Timestamp('When emergency assistance was paid (先行发放时间)', { nullable: true }) emergencyPaidAt: Date | null;
  @Uuid({ nullable: true }) decidedById: string | null;
  @Timestamp('When the case was decided (决定时间)', { nullable: true }) decidedAt: Date | null;

  /** Each decision stores the authority of its date, so it can be checked against it later (D§13). */
  @Enum(DecisionAuthority, 16, 'The authority the decision was made under (决定依据的权限)', { nullable: true })
  decisionAuthority: DecisionAuthority | null;

  /** The delegation a township decided under; null when the district decided. */
  @Uuid({ nullable: true }) decidedUnderId: string | null;

  /** When the current state was entered. */
  @Timestamp('Since when the case is in its current state (进入当前状态时间)', { default: () => 'now()' }) statusSince: Date;

  /** Deadline of the open step, fixed from the district's settings when the step opened. */
  @Timestamp('Deadline of the current step (当前环节期限); null when nothing is due', { nullable: true }) dueAt: Date | null;

  /** Deadline of the whole procedure, from application to decision (30/45 working days). */
  @Timestamp('Deadline for the decision (办理总时限)', { nullable: true }) decisionDueAt: Date | null;

  @VersionColumn()
  @Field(() => Int, { description: 'Version for optimistic concurrency (版本号): pass it back with a transition' })
  version: number;

  @Uuid() createdById: string;
  @CreatedAt('Submitted at (申请时间)') createdAt: Date;
  @UpdatedAt('Last change (最近变更)') updatedAt: Date;
}

/**
 * A row that records a step of a case: in the case's district and deleted with it, with the case's
 * township and village copied for scoping. None of these columns is a GraphQL field.
 */
export abstract class CaseStepRow extends TenantRow {
  @Uuid() caseId: string;

  @TenantRelation(() => Case, 'case_id', 'CASCADE')
  case?: Case;

  @Varchar(12) townshipCode: string;
  @Varchar(12) villageCode: string;
}

/** One step of a case: who moved it from which state to which, when, and why. Append-only. */
@Entity('case_events')
@Index(['districtCode', 'caseId', 'at'])
@ObjectType('CaseEvent', { implements: Node, description: "A step in a case's history (办理记录)." })
export class CaseEvent extends CaseStepRow {
  @Enum(CaseStatus, 24, 'State before (原状态); null when the case was created', { nullable: true }) fromStatus: CaseStatus | null;
  @Enum(CaseStatus, 24, 'State after (新状态)') toStatus: CaseStatus;
  @Varchar(40, 'What was done (操作)') action: string;

  /** Null for a system act (a case flagged because a relative was declared, P6.3). */
  @Uuid({ nullable: true }) actorId: string | null;

  @Varchar(64, 'Who did it (操作人); "system" for a system act') actorUsername: string;
  @Text('Note (备注)', { nullable: true }) note: string | null;
  @CreatedAt('When (时间)') at: Date;
}
