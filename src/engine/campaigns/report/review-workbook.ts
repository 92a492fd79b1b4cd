import ExcelJS from 'exceljs';
import type { Lang } from '../../../campaigns/describe-uplift.js';
import type { MonthlyReview } from '../monthly-review.js';
import { reviewSections, reviewTitle } from './review-sections.js';

/** The monthly review as an Excel workbook: one sheet per section, the title above the table. */
export async function reviewWorkbook(r: MonthlyReview, lang: Lang): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(0); // a fixed stamp: the same review gives the same file
  for (const s of reviewSections(r, lang)) {
    const sheet = book.addWorksheet(s.title.slice(0, 31));
    sheet.addRow([`${reviewTitle(r, lang)} · ${s.title}`]).font = { bold: true, size: 13 };
    sheet.addRow(s.head).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row);
    sheet.columns.forEach((col, i) => {
      col.width = Math.max(10, ...[s.head[i], ...s.rows.map((row) => row[i])].map((v) => String(v ?? '').length * 2 + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
