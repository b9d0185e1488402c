import type { Caller } from '../../auth/caller';
import { visibleValue } from '../../graphql/field-permissions';
import type { Sheet, SheetColumn } from '../../http/spreadsheet';
import type { Payment, Roster, RosterLine } from './funds.entity';

/** Programme names as the township's paperwork writes them. */
const PROGRAMME = {
  DIBAO: { zh: '最低生活保障', en: 'DIBAO (minimum living allowance)' },
  TEKUN: { zh: '特困人员救助供养', en: 'TEKUN (extreme-poverty support)' },
  LINSHI: { zh: '临时救助', en: 'LINSHI (temporary assistance)' },
} as const;

const LINE_KIND = {
  PAYABLE: { zh: '银行代发', en: 'Paid through the bank' },
  EMERGENCY_PAID: { zh: '急难先行已发放', en: 'Paid on the spot (emergency)' },
} as const;

const PAYMENT_STATUS = {
  PENDING: { zh: '待发放', en: 'Pending' },
  SENT: { zh: '已报送银行', en: 'Sent to the bank' },
  PAID: { zh: '已到账', en: 'Paid' },
  FAILED: { zh: '发放失败', en: 'Failed' },
} as const;

type Label = { zh: string; en: string };
type Labels = Record<string, Label>;
/** The fields of a row that hold text or a number (amounts come as either). */
type PlainField<R> = { [K in keyof R]: R[K] extends string | number | null ? K : never }[keyof R] & string;
interface FieldOptions {
  kind?: 'text' | 'number' | 'amount';
  labels?: Labels;
}

/**
 * A column of a policy subject's field: the value the caller may see, exactly as the GraphQL field
 * shows it (null where the grant does not list it, masked where it is personal and not granted,
 * each unmasked personal read audited), then labelled in the file's language.
 */
function field<R extends RosterLine | Payment>(
  caller: Caller,
  subject: 'RosterLine' | 'Payment',
  language: 'zh' | 'en',
  name: PlainField<R>,
  header: Label,
  options: FieldOptions = {},
): SheetColumn<R> {
  return {
    ...header,
    kind: options.kind,
    value: (row) => {
      const raw = row[name] as string | number | null;
      const value = visibleValue(caller, subject, row, name, raw === null ? null : String(raw));
      return value !== null && options.labels ? (options.labels[value]?.[language] ?? value) : value;
    },
  };
}

/** The township roster (乡镇月度发放花名册) as a table: one row per line the caller may read. */
export function rosterSheet(caller: Caller, roster: Roster, lines: RosterLine[], language: 'zh' | 'en'): Sheet<RosterLine> {
  const col = (name: PlainField<RosterLine>, header: Label, options?: FieldOptions) =>
    field<RosterLine>(caller, 'RosterLine', language, name, header, options);
  return {
    name: { zh: `花名册 ${roster.month}`, en: `Roster ${roster.month}` },
    columns: [
      col('townshipCode', { zh: '乡镇代码', en: 'Township' }),
      col('villageCode', { zh: '村（社区）代码', en: 'Village' }),
      col('payeeName', { zh: '收款人', en: 'Payee' }),
      col('idNumber', { zh: '身份证号', en: 'ID number' }),
      col('programme', { zh: '救助类别', en: 'Programme' }, { labels: PROGRAMME }),
      col('kind', { zh: '发放方式', en: 'Paid by' }, { labels: LINE_KIND }),
      col('bankName', { zh: '开户银行', en: 'Bank' }),
      col('bankAccount', { zh: '银行账号', en: 'Bank account' }),
      col('amount', { zh: '金额（元）', en: 'Amount (yuan)' }, { kind: 'amount' }),
    ],
    rows: lines,
  };
}

/** The month's payment report (月度发放情况表): one row per payment the caller may read, with where it stands. */
export function paymentReportSheet(caller: Caller, month: string, payments: Payment[], language: 'zh' | 'en'): Sheet<Payment> {
  const col = (name: PlainField<Payment>, header: Label, options?: FieldOptions) =>
    field<Payment>(caller, 'Payment', language, name, header, options);
  return {
    name: { zh: `发放情况 ${month}`, en: `Payments ${month}` },
    columns: [
      col('townshipCode', { zh: '乡镇代码', en: 'Township' }),
      col('villageCode', { zh: '村（社区）代码', en: 'Village' }),
      col('payeeName', { zh: '收款人', en: 'Payee' }),
      col('programme', { zh: '救助类别', en: 'Programme' }, { labels: PROGRAMME }),
      col('amount', { zh: '金额（元）', en: 'Amount (yuan)' }, { kind: 'amount' }),
      col('status', { zh: '发放状态', en: 'Status' }, { labels: PAYMENT_STATUS }),
      col('failureReason', { zh: '失败原因', en: 'Failure reason' }),
      col('bankAccount', { zh: '银行账号', en: 'Bank account' }),
    ],
    rows: payments,
  };
}
