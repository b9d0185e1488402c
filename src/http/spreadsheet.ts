import { Workbook } from 'exceljs';
import type { Language } from '../i18n/language';
import { csvFile } from '../modules/funds/batch-file';

/** A column of an exported table, headed in the language the client asked for. */
export interface SheetColumn<R> {
  zh: string;
  en: string;
  /** Number columns are written as numbers (amounts as yuan with two places), so spreadsheets can sum them. */
  kind?: 'text' | 'number' | 'amount';
  value: (row: R) => string | number | null;
}

/** A table exported as a file: its name (the worksheet and the file name) and its rows. */
export interface Sheet<R> {
  name: { zh: string; en: string };
  columns: SheetColumn<R>[];
  rows: R[];
}

/** The table as an .xlsx workbook of one worksheet, the header row first and frozen. */
export async function xlsxOf<R>(sheet: Sheet<R>, language: Language): Promise<Buffer> {
  const workbook = new Workbook();
  const worksheet = workbook.addWorksheet(sheet.name[language], { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({
    header: column[language],
    width: Math.max(12, column[language].length * (language === 'zh' ? 2.2 : 1.2)),
    style: column.kind === 'amount' ? { numFmt: '0.00' } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(sheet.columns.map((column) => cellOf(column, row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The table as CSV in UTF-8 with a byte-order mark and CRLF line ends, as the bank batch file is. */
export function csvOf<R>(sheet: Sheet<R>, language: Language): string {
  const rows = sheet.rows.map((row) => sheet.columns.map((column) => String(cellOf(column, row) ?? '')));
  return csvFile([sheet.columns.map((column) => column[language]), ...rows]);
}

function cellOf<R>(column: SheetColumn<R>, row: R): string | number | null {
  const value = column.value(row);
  if (value === null || column.kind === undefined || column.kind === 'text') return value;
  // Amounts come from numeric columns as text or number; both are exact to the fen.
  return column.kind === 'amount' ? Math.round(Number(value) * 100) / 100 : Number(value);
}
