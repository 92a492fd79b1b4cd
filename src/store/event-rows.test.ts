import { describe, expect, it } from 'vitest';
import { localDay, toInstant } from '../domain/dates.js';
import { EventRowsBuilder, recordOfLine, splitEventRows, type EventRows } from './event-rows.js';
import type { RetainEvent } from '../domain/records.js';

const rowsOf = (events: RetainEvent[], timeZone: string): EventRows => {
  const rows = new EventRowsBuilder();
  for (const e of events) rows.add(e, { storeId: 's', timeZone });
  return rows.build();
};

const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago'];
const ats = [
  '2024-03-10', '2024-03-10T00:30', '2024-03-10T02:30:00', '2024-03-10T23:59:59.999', '2024-11-03T01:30:00',
  '2024-03-01T20:00:00Z', '2024-03-01T20:00:00.5Z', '2024-03-02T01:00:00-05:00', '2024-03-02T01:00:00+0800',
  '2024-09-08T00:15:00', '2024-04-07T00:30:00-03:00', '2024-10-06T02:10:00+10:30', '2024-12-31T23:30:00-10:00',
];

describe('event rows', () => {
  it('writes the instant and the local day as dates.ts defines them', () => {
    for (const timeZone of zones) {
      for (const at of ats) {
        const { text } = rowsOf([{ id: 'e', customerId: 'c', type: 'app_login', at }], timeZone);
        const [, , , , instant, day] = text.split('\t');
        // The instant is written as it came when that is exact (an offset, at most milliseconds), else in UTC.
        expect([at, timeZone, Date.parse(instant!), day]).toEqual([at, timeZone, toInstant(at, timeZone), new Date(localDay(at, timeZone) * 86_400_000).toISOString().slice(0, 10)]);
        expect(instant === at || instant!.endsWith('Z')).toBe(true);
      }
    }
  });

  it('takes the day of an offset timestamp in the store zone, and of a local one as written', () => {
    const cases: [string, string, string][] = [
      ['2024-03-01T20:00:00Z', 'Asia/Shanghai', '2024-03-02'],
      ['2024-03-02T01:00:00+0800', 'America/New_York', '2024-03-01'],
      ['2024-03-10T23:59:59.999', 'America/New_York', '2024-03-10'],
      ['2024-12-31T23:30:00-10:00', 'Asia/Shanghai', '2025-01-01'],
      ['2024-03-10', 'Australia/Lord_Howe', '2024-03-10'],
    ];
    for (const [at, timeZone, day] of cases) {
      const { text } = rowsOf([{ id: 'e', customerId: 'c', type: 'app_login', at }], timeZone);
      expect([at, text.split('\t')[5]]).toEqual([at, day]);
    }
  });

  it('escapes what COPY text format treats specially, and keeps the record as JSON', () => {
    const e: RetainEvent = { id: 'e\t1', customerId: 'c\\1', type: 'reply', at: '2024-03-01', channel: 'sms', text: 'line\nbreak' };
    const plain: RetainEvent = { id: 'e2', customerId: 'c2', type: 'app_login', at: '2024-03-01' };
    const rows = rowsOf([e, plain], 'Asia/Shanghai');
    expect(rows.text.split('\t').slice(0, 3)).toEqual(['e\\t1', 's', 'c\\\\1']);
    expect(rows.text.split('\n')).toHaveLength(3);
    const split = splitEventRows(rows);
    expect(split.map((r) => [r.id, r.customerId])).toEqual([['e\t1', 'c\\1'], ['e2', 'c2']]);
    expect(split.map((r) => JSON.parse(recordOfLine(r.line)))).toEqual([e, plain]);
  });
});
