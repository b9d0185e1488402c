import { Check, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DistrictRow, TenantRelation, TownshipRow, VillageRow } from '../../db/tenant-row';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Node, tenantGlobalId, toGlobalId } from '../../graphql/node';
import { Programme } from '../case/case.entity';
import { CalendarDate, CreatedAt, Enum, Integer, Money, Text, TextArray, Timestamp, Uuid, Varchar } from '../../db/fields';

export const RosterStatus = defineEnum('RosterStatus', 'Where a monthly roster stands (花名册状态), D§10', {
  DRAFT: 'Built, not yet submitted (草稿)',
  SUBMITTED: 'Submitted to the district: frozen (已报送, 不可更改)',
});
export type RosterStatus = EnumValue<typeof RosterStatus>;

export const RosterLineKind = defineEnum('RosterLineKind', 'Whether a roster line is paid through the bank (花名册明细类别), D§6, D§10', {
  PAYABLE: 'Paid through the bank by this roster (银行代发)',
  EMERGENCY_PAID:
    'Paid on the spot as emergency assistance in the month: counted in the books, never sent to the bank (急难先行已发放, 只入账不代发)',
});
export type RosterLineKind = EnumValue<typeof RosterLineKind>;

export const FundRequestStatus = defineEnum('FundRequestStatus', 'Where a district fund request stands (资金申请状态), P4.3, P4.4', {
  SUBMITTED: 'Compiled by the district, awaiting finance (已提交)',
  APPROVED: 'Approved by finance, allocation recorded (已批准拨付)',
  RETURNED: 'Returned by finance with reasons (已退回)',
});
export type FundRequestStatus = EnumValue<typeof FundRequestStatus>;

export const PaymentBatchKind = defineEnum('PaymentBatchKind', 'Regular or supplementary payment batch (发放批次类别), D§10', {
  REGULAR: "The month's payments (正常发放)",
  SUPPLEMENTARY: 'Failed payments re-paid after the account was corrected (补发)',
});
export type PaymentBatchKind = EnumValue<typeof PaymentBatchKind>;

export const PaymentOutcome = defineEnum('PaymentOutcome', "The bank's result for one transfer (银行发放结果)", {
  PAID: 'Credited to the account (已到账)',
  FAILED: 'Not credited, with the reason (发放失败)',
});
export type PaymentOutcome = EnumValue<typeof PaymentOutcome>;

export const PaymentStatus = defineEnum('PaymentStatus', 'Where a payment stands (发放状态), D§10', {
  PENDING: 'Not yet sent to a bank (待发放)',
  SENT: 'In a batch sent to the bank, no result yet (已报送银行)',
  PAID: 'Credited (已到账)',
  FAILED: 'Failed, to be re-paid after correction (发放失败)',
});
export type PaymentStatus = EnumValue<typeof PaymentStatus>;

/**
 * A township's roster for one month (月度发放花名册), D§10: built from the enrolments active in the
 * month and the LINSHI amounts approved in it. One per township and month; once submitted the table
 * refuses any change to it or its lines.
 */
@Entity('rosters')
// One regular roster per township and month; corrections after submission are supplementary rosters beside it.
@Index(['districtCode', 'townshipCode', 'month'], { unique: true, where: 'supplements_id IS NULL' })
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('Roster', { implements: Node, description: "A township's monthly payment roster (月度发放花名册), D§10." })
export class Roster extends TownshipRow {
  @Varchar(7, 'Month paid, YYYY-MM (发放月份)') month: string;
  @Enum(RosterStatus, 12, 'Draft or submitted (状态)') status: RosterStatus;
  @Money('Sum of the lines (合计金额, 元)') total: number;
  @Integer('Number of payees (人数)') lineCount: number;

  /** The submitted roster this one corrects (补充花名册), D§10; null for the month's regular roster. */
  @Uuid({ nullable: true }) supplementsId: string | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of the submitted roster this supplementary roster corrects (所补充的花名册)' })
  get supplements(): string | null {
    return this.supplementsId ? tenantGlobalId('Roster', { districtCode: this.districtCode, id: this.supplementsId }) : null;
  }

  @Varchar(500, 'Why a supplementary roster was built (补充理由)', { nullable: true }) reason: string | null;
  @Uuid() builtById: string;
  @Uuid({ nullable: true }) submittedById: string | null;
  @Timestamp('Submitted at (报送时间)', { nullable: true }) submittedAt: Date | null;
  @CreatedAt('Built at (生成时间)') createdAt: Date;
}

/**
 * The payee of a centralised TEKUN recipient (集中供养机构收款账户), D§10: the institution that cares
 * for the person is paid, to its own account. Kept by the township it is in, or by the district.
 */
@Entity('institution_payees')
@Index(['districtCode', 'townshipCode', 'name'], { unique: true })
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('InstitutionPayee', {
  implements: Node,
  description: 'A care institution paid for centralised TEKUN recipients (供养机构收款账户), D§10.',
})
export class InstitutionPayee extends TownshipRow {
  @Varchar(50, 'Institution (供养机构名称)') name: string;
  @Varchar(50, 'Bank of the account (开户银行)') bankName: string;

  /** An institution's account, not a person's: not personal data. */
  @Varchar(32, "The institution's bank account (机构银行账号)") bankAccount: string;

  @Uuid() createdById: string;
  @CreatedAt('Recorded at (登记时间)') createdAt: Date;
}

/** One payee of a roster (花名册明细): an enrolment's monthly amount or a LINSHI case's one-off amount. */
@Entity('roster_lines')
@Index(['districtCode', 'rosterId', 'createdAt', 'id'])
@Check('CK_roster_lines_one_payee', '(enrolment_id IS NULL) <> (case_id IS NULL)')
@ObjectType('RosterLine', { implements: Node, description: 'A payee of a monthly roster (花名册明细), D§10.' })
export class RosterLine extends VillageRow {
  @Uuid() rosterId: string;

  @TenantRelation(() => Roster, 'roster_id', 'RESTRICT')
  roster?: Roster;

  @Uuid({ nullable: true }) enrolmentId: string | null;
  @Uuid({ nullable: true }) caseId: string | null;

  @Field(() => ID, { description: 'Global ID of the enrolment or LINSHI case paid (发放依据)' })
  get payee(): string {
    return this.enrolmentId
      ? tenantGlobalId('Enrolment', { districtCode: this.districtCode, id: this.enrolmentId })
      : tenantGlobalId('Case', { districtCode: this.districtCode, id: this.caseId! });
  }

  @Enum(Programme, 8, 'Programme (救助类别)') programme: Programme;
  @Enum(RosterLineKind, 16, 'Paid through the bank, or already paid on the spot (类别)', { default: 'PAYABLE' }) kind: RosterLineKind;

  /** The institution paid for a centralised TEKUN recipient (D§10); null when the household is paid. */
  @Uuid({ nullable: true }) institutionPayeeId: string | null;

  @TenantRelation(() => InstitutionPayee, 'institution_payee_id', 'RESTRICT')
  institutionPayee?: InstitutionPayee;

  @Field(() => ID, { nullable: true, description: 'Global ID of the institution paid for a centralised TEKUN recipient (收款供养机构)' })
  get institution(): string | null {
    return this.institutionPayeeId
      ? tenantGlobalId('InstitutionPayee', { districtCode: this.districtCode, id: this.institutionPayeeId })
      : null;
  }

  @Varchar(50, 'Payee: the household, or the institution of a centralised TEKUN recipient (收款人)') payeeName: string;

  @Varchar(18, "Payee's ID number (身份证号); personal data: masked unless your role is granted it", { nullable: 'field' })
  idNumber: string;

  @Varchar(50, 'Bank of the account (开户银行)', { nullable: true }) bankName: string | null;

  @Varchar(32, 'Bank account (银行账号); personal data: masked unless your role is granted it', { nullable: true })
  bankAccount: string | null;

  @Money('Amount for the month (金额, 元)') amount: number;
  @CreatedAt('Recorded at (记录时间)') createdAt: Date;
}

/** The district's monthly fund request to finance (资金申请), compiled from the townships' submitted rosters (P4.3, P4.4). */
@Entity('fund_requests')
// A month may have several requests in force (the regular one, then those of supplementary rosters);
// a roster is in one at most, which submitFundRequest keeps under a per-month lock.
@Index(['districtCode', 'month'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('FundRequest', { implements: Node, description: "The district's monthly fund request to finance (资金申请), P4.3, P4.4." })
export class FundRequest extends DistrictRow {
  @Varchar(7, 'Month, YYYY-MM (月份)') month: string;
  @Enum(FundRequestStatus, 12, 'Status (状态)') status: FundRequestStatus;
  @Money('Requested: the sum of the rosters (申请金额, 元)') requestedTotal: number;
  @Money('Allocated by finance (拨付金额, 元)', { nullable: true }) allocatedAmount: number | null;
  @TextArray('Why finance returned it (退回理由)') returnReasons: string[];
  @Uuid() compiledById: string;
  @Uuid({ nullable: true }) decidedById: string | null;
  @Timestamp('Approved or returned at (处理时间)', { nullable: true }) decidedAt: Date | null;
  @CreatedAt('Submitted at (提交时间)') createdAt: Date;
}

/** A township's share of a fund request: the roster it was compiled from. Append-only. */
@Entity('fund_request_rosters')
@Index(['districtCode', 'rosterId'])
export class FundRequestRoster extends TownshipRow {
  @Uuid() fundRequestId: string;

  @TenantRelation(() => FundRequest, 'fund_request_id', 'RESTRICT')
  fundRequest?: FundRequest;

  @Uuid() rosterId: string;

  @TenantRelation(() => Roster, 'roster_id', 'RESTRICT')
  roster?: Roster;

  @Money() amount: number;
}

/**
 * One payment to one payee for one month (发放记录), created when finance approves the request; the
 * unique index makes a second payment of the same payee in the same month impossible.
 */
@Entity('payments')
@Index(['districtCode', 'month', 'payeeKey'], { unique: true })
@Index(['districtCode', 'townshipCode', 'month'])
@Index(['districtCode', 'townshipCode', 'createdAt', 'id'])
@Index(['districtCode', 'villageCode', 'createdAt', 'id'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('Payment', { implements: Node, description: 'A payment to one payee for one month (发放记录), D§10.' })
export class Payment extends VillageRow {
  @Varchar(7, 'Month paid, YYYY-MM (发放月份)') month: string;
  @Uuid() rosterLineId: string;

  @TenantRelation(() => RosterLine, 'roster_line_id', 'RESTRICT')
  rosterLine?: RosterLine;

  /** The enrolment or LINSHI case paid: one payment each per month. */
  @Uuid() payeeKey: string;

  @Uuid() fundRequestId: string;
  @Enum(Programme, 8, 'Programme (救助类别)') programme: Programme;
  @Varchar(50, 'Payee (收款人)') payeeName: string;
  @Money('Amount (金额, 元)') amount: number;

  @Field(() => PaymentStatus, { description: 'Paid, failed, sent or pending (发放状态)' })
  status: PaymentStatus;

  @Field(() => String, { nullable: true, description: "The bank's reason for a failure (失败原因)" })
  failureReason: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Account of the latest transfer (银行账号); personal data: masked unless your role is granted it',
  })
  bankAccount: string | null;

  @CreatedAt('Created at (生成时间)') createdAt: Date;
}

/**
 * A file of transfers sent to one bank's integration (银行代发批次) for a township and month: its
 * CSV is exactly what the bank received. Append-only.
 */
@Entity('payment_batches')
@Index(['districtCode', 'bankIntegrationId'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('PaymentBatch', { implements: Node, description: 'A batch of transfers sent to a bank (银行代发批次), D§10.' })
export class PaymentBatch extends TownshipRow {
  @Varchar(7, 'Month paid, YYYY-MM (发放月份)') month: string;
  @Enum(PaymentBatchKind, 16, 'Regular or supplementary (类别)') kind: PaymentBatchKind;

  /** The bank's integration account the batch is sent to: it alone of the departments sees it. */
  @Uuid() bankIntegrationId: string;

  @Field(() => ID, { name: 'bankIntegration', description: "Global ID of the bank's integration account (代发银行接口账号)" })
  get bankIntegrationGlobalId(): string {
    return toGlobalId('Account', this.bankIntegrationId);
  }

  @Integer('Transfers in the batch (笔数)') transferCount: number;
  @Money('Sum of the transfers (合计金额, 元)') total: number;

  /** The district's payment day of the batch's month when it was exported (D§10): a supplementary batch past it is late. */
  @CalendarDate("Due by: the district's payment day of the month (应发放日期)") dueOn: string;

  @Text('The batch file, CSV in UTF-8: 收款人姓名, 银行账号, 开户银行, 金额, 业务参考号 (代发文件); personal data, each read audited', {
    nullable: 'field',
  })
  file: string;

  @Uuid() createdById: string;
  @CreatedAt('Exported at (导出时间)') createdAt: Date;
}

/** One transfer of a payment in a batch (代发明细), with the account it was sent to. Append-only. */
@Entity('payment_transfers')
@Index(['districtCode', 'batchId', 'paymentId'], { unique: true })
@Index(['districtCode', 'paymentId'])
export class PaymentTransfer extends VillageRow {
  @Uuid() batchId: string;

  @TenantRelation(() => PaymentBatch, 'batch_id', 'RESTRICT')
  batch?: PaymentBatch;

  @Uuid() paymentId: string;

  @TenantRelation(() => Payment, 'payment_id', 'RESTRICT')
  payment?: Payment;

  @Varchar(50, { nullable: true }) bankName: string | null;
  @Varchar(32) bankAccount: string;
  @Money() amount: number;
  @CreatedAt() createdAt: Date;
}

/** The bank's result for one transfer (发放结果): paid, or failed with a reason. One per transfer, append-only. */
@Entity('payment_results')
@Index(['districtCode', 'transferId'], { unique: true })
@Check('CK_payment_results_failure_has_reason', "(outcome = 'FAILED') = (reason IS NOT NULL)")
export class PaymentResult extends VillageRow {
  @Uuid() transferId: string;

  @TenantRelation(() => PaymentTransfer, 'transfer_id', 'RESTRICT')
  transfer?: PaymentTransfer;

  @Uuid() paymentId: string;
  @Varchar(8) outcome: PaymentOutcome;
  @Varchar(200, { nullable: true }) reason: string | null;
  @Uuid() recordedById: string;
  @CreatedAt() createdAt: Date;
}
