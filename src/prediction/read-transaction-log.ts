import type { Transaction } from './summarize-transactions.js';

export class TransactionLogError extends Error {}

const names = {
  customer: ['customer', 'customer_id', 'customerid', 'cust', 'id'],
  date: ['date', 'day', 'at', 'order_date', 'purchase_date'],
  amount: ['amount', 'spent', 'dollar_value', 'value', 'sales', 'monetary_value', 'revenue'],
};

/**
 * A raw transaction log: one purchase per line, comma- or whitespace-separated. With a header,
 * the customer, date and (optional) amount columns are found by name; without one, the columns
 * are `customer date amount`, or the CDNOW layouts: `customer date cds amount` (master) and
 * `master_id customer date cds amount` (the 1/10 sample). Dates are `YYYY-MM-DD`, `YYYYMMDD`
 * or a timestamp, whose calendar date is taken as written.
 */
export function readTransactionLog(text: string): Transaction[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) throw new TransactionLogError('the transaction log is empty');
  const split = lines[0]!.includes(',') ? (l: string) => l.split(',').map((c) => c.trim()) : (l: string) => l.split(/\s+/);
  const first = split(lines[0]!).map((c) => c.toLowerCase());
  const hasHeader = first.some((c) => names.date.includes(c));
  let cols: { customer: number; date: number; amount: number };
  if (hasHeader) {
    const find = (k: keyof typeof names) => first.findIndex((c) => names[k].includes(c));
    cols = { customer: find('customer'), date: find('date'), amount: find('amount') };
    if (cols.customer < 0 || cols.date < 0) throw new TransactionLogError(`the header needs a customer and a date column, got: ${lines[0]}`);
  } else {
    const layouts: Record<number, typeof cols> = {
      2: { customer: 0, date: 1, amount: -1 },
      3: { customer: 0, date: 1, amount: 2 },
      4: { customer: 0, date: 1, amount: 3 },
      5: { customer: 1, date: 2, amount: 4 },
    };
    const layout = layouts[first.length];
    if (!layout) throw new TransactionLogError(`cannot tell the columns of a ${first.length}-column log without a header`);
    cols = layout;
  }
  const out: Transaction[] = [];
  for (let i = hasHeader ? 1 : 0; i < lines.length; i++) {
    const cells = split(lines[i]!);
    const where = `line ${i + 1}`;
    const customerId = cells[cols.customer];
    if (!customerId) throw new TransactionLogError(`${where}: no customer`);
    const day = parseDate(cells[cols.date] ?? '');
    if (day === null) throw new TransactionLogError(`${where}: "${cells[cols.date] ?? ''}" is not a date`);
    const t: Transaction = { customerId, day };
    if (cols.amount >= 0) {
      const amount = Number(cells[cols.amount]);
      if (!Number.isFinite(amount)) throw new TransactionLogError(`${where}: "${cells[cols.amount] ?? ''}" is not an amount`);
      t.amount = amount;
    }
    out.push(t);
  }
  return out;
}

/** Whole days since 1970-01-01 of the calendar date written at the start of `s`, or null. */
export function parseDate(s: string): number | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T ])/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}
