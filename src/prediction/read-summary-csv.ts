import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { RfmRow } from './rfm.js';

/**
 * The column names a summary file may use: lifetimes' (`frequency, recency, T, monetary_value`)
 * and Fader–Hardie's (`x, t_x, T, zbar`), with any id column name.
 */
const aliases: Record<'id' | 'frequency' | 'recency' | 'T' | 'monetaryValue', readonly string[]> = {
  id: ['id', 'customer_id', 'customerid', 'customer', 'cust'],
  frequency: ['frequency', 'x'],
  recency: ['recency', 't_x', 't.x'],
  T: ['t', 't.cal', 't_cal'],
  monetaryValue: ['monetary_value', 'zbar', 'monetary', 'm_x'],
};

const number = z.coerce.number<string>().refine(Number.isFinite, 'must be a number');
const rowSchema = z.object({
  frequency: number.pipe(z.number().int('must be a whole number').nonnegative()),
  recency: number.pipe(z.number().nonnegative()),
  T: number.pipe(z.number().nonnegative()),
  monetaryValue: number.pipe(z.number().nonnegative()).optional(),
});

export class SummaryFormatError extends Error {}

/** A summary CSV (header row, one customer per row) in either layout; bad rows are refused by line and field. */
export function readSummaryCsv(text: string): RfmRow[] {
  const records = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  const header = records[0]?.map((h) => h.toLowerCase());
  if (!header) throw new SummaryFormatError('the summary file is empty');
  const column = (field: keyof typeof aliases) => header.findIndex((h) => aliases[field].includes(h));
  const at = { id: column('id'), frequency: column('frequency'), recency: column('recency'), T: column('T'), monetaryValue: column('monetaryValue') };
  for (const field of ['frequency', 'recency', 'T'] as const) {
    if (at[field] < 0) {
      throw new SummaryFormatError(`the header has no ${field} column (expected ID,frequency,recency,T or ID,x,t_x,T,zbar; got ${records[0]!.join(',')})`);
    }
  }
  const rows: RfmRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    const parsed = rowSchema.safeParse({
      frequency: cells[at.frequency],
      recency: cells[at.recency],
      T: cells[at.T],
      monetaryValue: at.monetaryValue >= 0 ? cells[at.monetaryValue] : undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new SummaryFormatError(`line ${i + 1} ${String(issue.path[0])}: ${issue.message}`);
    }
    const r = parsed.data;
    if (r.recency > r.T) throw new SummaryFormatError(`line ${i + 1} recency: ${r.recency} is after T ${r.T}`);
    rows.push({ id: at.id >= 0 ? cells[at.id]! : String(i), ...r });
  }
  if (rows.length === 0) throw new SummaryFormatError('the summary file has no customers');
  return rows;
}
