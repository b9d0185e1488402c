import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { DecimalScalar } from '../../graphql/scalars';
import { FundRequestStatus, PaymentOutcome, RosterLineKind, type Payment, type Roster, type RosterLine } from './funds.entity';

export const DifferenceKind = defineEnum('DifferenceKind', 'Why a roster line keeps the books apart (对账差异类别), D§10', {
  NO_PAYMENT: 'On the roster, but no payment was created (未生成发放)',
  AMOUNT_DIFFERS: 'The payment or its transfer differs from the roster amount (金额不符)',
  FAILED: 'The latest transfer failed and has not been re-paid (发放失败未补发)',
  UNSETTLED: 'Not yet sent, or no result from the bank yet (未发放或银行未反馈)',
});
export type DifferenceKind = EnumValue<typeof DifferenceKind>;

@ObjectType('ReconciliationDifference', { description: 'A roster line or payment that keeps the books apart (对账差异明细), D§10.' })
export class ReconciliationDifference {
  @Field(() => DifferenceKind, { description: 'What is wrong (差异类别)' }) kind: DifferenceKind;
  @Field(() => ID, { description: 'Global ID of the enrolment or LINSHI case paid (发放依据)' }) payee: string;
  @Field({ description: 'Payee (收款人)' }) payeeName: string;
  @Field(() => DecimalScalar, { description: 'On the roster (花名册金额, 元)' }) rosterAmount: number;
  @Field(() => DecimalScalar, { description: 'Paid to the account (已到账金额, 元)' }) paidAmount: number;
}

@ObjectType('Reconciliation', {
  description:
    'A township month reconciled (月度对账): roster = request = allocated = paid + emergency-paid + failed + re-paid, to the fen, D§10.',
})
export class Reconciliation {
  @Field({ description: 'Month, YYYY-MM (月份)' }) month: string;
  @Field({ description: 'Township code (乡镇代码)' }) townshipCode: string;

  @Field(() => DecimalScalar, { description: 'Total of the regular roster and its supplementary rosters (花名册金额, 元)' })
  rosterTotal: number;

  @Field(() => DecimalScalar, { description: 'Requested from finance for this roster (申请金额, 元)' }) requestedTotal: number;
  @Field(() => DecimalScalar, { description: 'Allocated by finance for this roster (拨付金额, 元)' }) allocatedTotal: number;
  @Field(() => DecimalScalar, { description: 'Paid at the first transfer (首次到账, 元)' }) paidTotal: number;

  @Field(() => DecimalScalar, {
    description: 'Paid on the spot as emergency assistance in the month, never sent to the bank (急难先行已发放, 元), D§6',
  })
  emergencyPaidTotal: number;

  @Field(() => DecimalScalar, { description: 'Failed and not yet re-paid (发放失败, 元)' }) failedTotal: number;
  @Field(() => DecimalScalar, { description: 'Re-paid in a supplementary batch after a failure (补发到账, 元)' }) repaidTotal: number;
  @Field({ description: 'Every total equal and no difference listed (账实相符)' }) balanced: boolean;

  @Field(() => [ReconciliationDifference], { description: 'Lines that keep the totals apart (差异明细)' })
  differences: ReconciliationDifference[];
}

/** Money as whole fen, so that sums and comparisons are exact. */
export const fenOf = (yuan: number | string): number => Math.round(Number(yuan) * 100);

/** A transfer of a payment and the bank's result for it, if one has come. */
export interface TransferOutcome {
  bankAccount: string;
  amount: string;
  outcome: PaymentOutcome | null;
  reason: string | null;
}

/**
 * The books of a township month, in whole fen: each line's payment is paid (at its first transfer),
 * re-paid (after a failure), failed (its latest transfer) or unsettled; a line counts in the paid
 * columns only with the amount the bank confirmed. An emergency line was paid on the spot (D§6) and
 * has no payment: it counts as emergency-paid.
 */
export function reconcile(books: {
  month: string;
  townshipCode: string;
  rosters: Roster[];
  lines: RosterLine[];
  shares: { status: FundRequestStatus; amount: string }[];
  payments: Payment[];
  history: Map<string, TransferOutcome[]>;
}): Reconciliation {
  const paymentByLine = new Map(books.payments.map((p) => [p.rosterLineId, p]));
  const totals = { paid: 0, emergency: 0, failed: 0, repaid: 0 };
  const differences: ReconciliationDifference[] = [];
  const differ = (kind: DifferenceKind, payee: string, payeeName: string, rosterFen: number, paidFen: number) =>
    differences.push(
      Object.assign(new ReconciliationDifference(), { kind, payee, payeeName, rosterAmount: rosterFen / 100, paidAmount: paidFen / 100 }),
    );
  for (const line of books.lines) {
    const rosterFen = fenOf(line.amount);
    const payment = paymentByLine.get(line.id);
    if (line.kind === RosterLineKind.EMERGENCY_PAID && !payment) {
      totals.emergency += rosterFen;
      continue;
    }
    if (!payment) {
      differ(DifferenceKind.NO_PAYMENT, line.payee, line.payeeName, rosterFen, 0);
      continue;
    }
    const transfers = books.history.get(payment.id) ?? [];
    const latest = transfers.at(-1);
    const paidFen = latest?.outcome === PaymentOutcome.PAID ? fenOf(latest.amount) : 0;
    if (latest?.outcome === PaymentOutcome.PAID) totals[transfers.length === 1 ? 'paid' : 'repaid'] += paidFen;
    else if (latest?.outcome === PaymentOutcome.FAILED) totals.failed += fenOf(latest.amount);
    if (fenOf(payment.amount) !== rosterFen || (latest && fenOf(latest.amount) !== rosterFen)) {
      differ(DifferenceKind.AMOUNT_DIFFERS, line.payee, line.payeeName, rosterFen, paidFen);
    } else if (latest?.outcome === PaymentOutcome.FAILED) differ(DifferenceKind.FAILED, line.payee, line.payeeName, rosterFen, 0);
    else if (!latest || latest.outcome === null) differ(DifferenceKind.UNSETTLED, line.payee, line.payeeName, rosterFen, 0);
  }
  const rosterFen = books.rosters.reduce((sum, r) => sum + fenOf(r.total), 0);
  const requestedFen = books.shares.reduce((sum, s) => sum + fenOf(s.amount), 0);
  const allocatedFen = books.shares.filter((s) => s.status === FundRequestStatus.APPROVED).reduce((sum, s) => sum + fenOf(s.amount), 0);
  const settledFen = totals.paid + totals.emergency + totals.failed + totals.repaid;
  const balanced = differences.length === 0 && rosterFen === requestedFen && requestedFen === allocatedFen && allocatedFen === settledFen;
  return Object.assign(new Reconciliation(), {
    month: books.month,
    townshipCode: books.townshipCode,
    rosterTotal: rosterFen / 100,
    requestedTotal: requestedFen / 100,
    allocatedTotal: allocatedFen / 100,
    paidTotal: totals.paid / 100,
    emergencyPaidTotal: totals.emergency / 100,
    failedTotal: totals.failed / 100,
    repaidTotal: totals.repaid / 100,
    balanced,
    differences,
  });
}
