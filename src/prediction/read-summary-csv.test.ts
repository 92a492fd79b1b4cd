import { describe, expect, it } from 'vitest';
import { readSummaryCsv } from './read-summary-csv.js';

describe('reading an RFM summary CSV', () => {
  it("reads lifetimes' layout and Fader–Hardie's, with or without spend", () => {
    expect(readSummaryCsv('ID,frequency,recency,T\n1,2,30.43,38.86\n2,0,0,38.86\n')).toEqual([
      { id: '1', frequency: 2, recency: 30.43, T: 38.86 },
      { id: '2', frequency: 0, recency: 0, T: 38.86 },
    ]);
    expect(readSummaryCsv('ID,x,t_x,T,zbar\r\n1,2,30.43,38.86,22.35')).toEqual([{ id: '1', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }]);
    expect(readSummaryCsv('customer_id,frequency,recency,T,monetary_value\nc9,1,3,5,10\n')[0]).toEqual({ id: 'c9', frequency: 1, recency: 3, T: 5, monetaryValue: 10 });
  });

  it('refuses a file it cannot read, naming the line and field', () => {
    expect(() => readSummaryCsv('ID,frequency,recency\n1,2,3\n')).toThrow(/no T column/);
    expect(() => readSummaryCsv('ID,frequency,recency,T\n1,2.5,3,4\n')).toThrow(/line 2 frequency: must be a whole number/);
    expect(() => readSummaryCsv('ID,frequency,recency,T\n1,2,x,4\n')).toThrow(/line 2 recency/);
    expect(() => readSummaryCsv('ID,frequency,recency,T\n1,2,5,4\n')).toThrow(/line 2 recency: 5 is after T 4/);
    expect(() => readSummaryCsv('ID,frequency,recency,T\n')).toThrow(/no customers/);
  });
});
