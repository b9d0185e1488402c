/** The columns of a Chinese bank's batch-payment file (代发文件), in its order. */
const HEADER = ['收款人姓名', '银行账号', '开户银行', '金额', '业务参考号'];

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The batch file a bank imports: UTF-8 with a byte-order mark (so that spreadsheet programs read
 * the Chinese as UTF-8), CRLF line ends, one transfer to a line; the reference is the payment's id,
 * which the bank quotes back with each result.
 */
export function batchCsv(
  transfers: { payeeName: string; bankAccount: string; bankName: string | null; amount: string; paymentId: string }[],
): string {
  const rows = transfers.map((t) => [t.payeeName, t.bankAccount, t.bankName ?? '', t.amount, t.paymentId]);
  return csvFile([HEADER, ...rows]);
}

/** Rows as CSV the way spreadsheet programs and banks read it: a byte-order mark (UTF-8), CRLF line ends. */
export function csvFile(rows: string[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
