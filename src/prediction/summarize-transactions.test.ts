import { describe, expect, it } from 'vitest';
import { readSummaryCsv } from './read-summary-csv.js';
import { parseDate, readTransactionLog } from './read-transaction-log.js';
import { summarizeTransactions } from './summarize-transactions.js';
import { readSharedData } from './testing/shared-data.js';

/** To 2 decimals, halves up as the published file has them ((24.02 + 12.25) / 2 = 18.135 → 18.14; in binary it is just under). */
const round2 = (v: number) => Math.round(v * 100 + 1e-9) / 100;

describe('the RFM summary of a transaction log', () => {
  it('derives the published CDNOW summaries, customer by customer, from the raw sample log', () => {
    const log = readTransactionLog(readSharedData('cdnow', 'CDNOW_sample.txt'));
    expect(log).toHaveLength(6919);
    // Calibration ends 1997-09-30; weeks.
    const derived = summarizeTransactions(log, { end: parseDate('1997-09-30')!, unitDays: 7 });
    const published = readSummaryCsv(readSharedData('cdnow', 'cdnow_customers_summary_with_transactions.csv'));
    const plain = readSummaryCsv(readSharedData('cdnow', 'cdnow_customers_summary.csv'));
    expect(derived).toHaveLength(2357);
    const byId = new Map(derived.map((r) => [Number(r.id), r]));
    let checked = 0;
    for (const [i, want] of published.entries()) {
      const got = byId.get(Number(want.id));
      expect(got, `customer ${want.id}`).toBeDefined();
      const row = { frequency: got!.frequency, recency: round2(got!.recency), T: round2(got!.T), zbar: round2(got!.monetaryValue!) };
      expect(row, `customer ${want.id}`).toEqual({ frequency: want.frequency, recency: want.recency, T: want.T, zbar: want.monetaryValue });
      expect(plain[i]).toEqual({ id: want.id, frequency: want.frequency, recency: want.recency, T: want.T });
      checked++;
    }
    expect(checked).toBe(2357);
    // The published facts: 1,411 customers without a repeat purchase, 2,457 repeat purchases, at most 29.
    expect(derived.filter((r) => r.frequency === 0)).toHaveLength(1411);
    expect(derived.reduce((s, r) => s + r.frequency, 0)).toBe(2457);
    expect(Math.max(...derived.map((r) => r.frequency))).toBe(29);
  });

  it('counts several purchases on one day as one, with their amounts added', () => {
    const day = parseDate('2024-01-01')!;
    const rows = summarizeTransactions(
      [
        { customerId: 'a', day, amount: 10 },
        { customerId: 'a', day: day + 3, amount: 5 },
        { customerId: 'a', day: day + 3, amount: 7 },
        { customerId: 'a', day: day + 10, amount: 8 },
      ],
      { end: day + 14 },
    );
    expect(rows).toEqual([{ id: 'a', frequency: 2, recency: 10, T: 14, monetaryValue: 10 }]);
  });

  it("matches the lifetimes documentation's summary of its example log, in days up to 2014-12-31", () => {
    const rows = summarizeTransactions(readTransactionLog(readSharedData('cdnow', 'example_transactions.csv')), { end: parseDate('2014-12-31')! });
    expect(rows).toHaveLength(5000);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pick = (id: string) => ({ frequency: byId.get(id)!.frequency, recency: byId.get(id)!.recency, T: byId.get(id)!.T });
    expect(pick('0')).toEqual({ frequency: 0, recency: 0, T: 298 });
    expect(pick('1')).toEqual({ frequency: 0, recency: 0, T: 224 });
    expect(pick('2')).toEqual({ frequency: 6, recency: 142, T: 292 });
    expect(pick('3')).toEqual({ frequency: 0, recency: 0, T: 147 });
    expect(pick('4')).toEqual({ frequency: 2, recency: 9, T: 183 });
  });

  it('refuses a log it cannot read, naming the line', () => {
    expect(() => readTransactionLog('customer,date,amount\nc1,2024-02-30,10\n')).toThrow(/line 2: "2024-02-30" is not a date/);
    expect(() => readTransactionLog('customer,date,amount\nc1,2024-02-03,ten\n')).toThrow(/line 2: "ten" is not an amount/);
  });
});
