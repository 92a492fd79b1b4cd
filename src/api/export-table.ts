import type { Context } from 'hono';
import ExcelJS from 'exceljs';
import { label } from './export-labels.js';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportLang = 'zh-CN' | 'en';
export type Cell = string | number | null;

export interface ExportColumn<R> {
  header: Record<ExportLang, string>;
  value: (row: R) => Cell;
  /** Column width in characters (xlsx). */
  width?: number;
  /** The value is a code (level, tier, lifecycle…) written as a word of the reader's language. */
  coded?: boolean;
}

/** The most rows one export writes; a bigger list is narrowed by its filters first. */
export const EXPORT_ROW_LIMIT = 50_000;

/**
 * A list as a download: CSV (UTF-8 with a byte-order mark so Excel reads Chinese correctly,
 * CRLF lines, RFC 4180 quoting) or an Excel workbook written by exceljs.
 */
export async function exportResponse<R>(
  c: Context,
  options: { name: string; format: ExportFormat; lang: ExportLang; columns: ExportColumn<R>[]; rows: R[] },
): Promise<Response> {
  const { name, format, lang, columns, rows } = options;
  const headers = columns.map((col) => col.header[lang]);
  const cells = rows.map((r) => columns.map((col) => (col.coded ? label(lang, col.value(r) as string | null) : col.value(r))));
  const filename = `${name}.${format}`;
  const disposition = `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
  if (format === 'csv') {
    const text = '\uFEFF' + [headers, ...cells].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
    return c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition });
  }
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0); // a fixed stamp: the same list gives the same file
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.columns = columns.map((col, i) => ({ header: headers[i], width: col.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const line of cells) sheet.addRow(line);
  const buffer = await workbook.xlsx.writeBuffer();
  return c.body(new Uint8Array(buffer as ArrayBuffer), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': disposition,
  });
}

/**
 * Quotes when needed, and defuses spreadsheet formulas: a text cell starting with = + - @ (or a
 * tab/CR) gets a leading apostrophe, so a customer named "=HYPERLINK(…)" stays text in Excel.
 */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
