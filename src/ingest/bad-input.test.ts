import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from '../store/db.js';
import { importPath, type ImportSummary } from './import-path.js';
import { advisor, customer, store, writeFixtureDir } from './test-fixtures.js';

const NOW = new Date('2024-06-01T04:00:00Z');
const ev = (id: string, more: object = {}) => JSON.stringify({ id, customerId: 'c-001', type: 'nps', at: '2024-03-01T10:00:00+08:00', score: 9, ...more });
const reply = (id: string, text: string) => ev(id, { type: 'reply', channel: 'sms', text });
const lines = (...l: string[]) => l.join('\n') + '\n';
const CSV_HEADER = 'id,customerId,type,at,score';

interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  /** `file:line field` of every error, in order, with a pattern its reason must match. */
  errors: [place: string, reason: RegExp][];
  /** Event ids stored afterwards. */
  kept: string[];
  check?: (db: Db, summary: ImportSummary) => Promise<void>;
}

const gbk = (text: string) => {
  // 张伟 and 李明 in GBK: the test writes the bytes an Excel on a Chinese Windows saves.
  const codes: Record<string, number[]> = { 张: [0xd5, 0xc5], 伟: [0xce, 0xb0], 李: [0xc0, 0xee], 明: [0xc3, 0xf7] };
  return Buffer.from([...text].flatMap((ch) => codes[ch] ?? [...Buffer.from(ch)]));
};

const cases: Case[] = [
  {
    name: 'a truncated JSON line',
    files: { 'events.jsonl': lines(ev('e-1'), '{"id": "e-2", "customerId": "c-0', ev('e-3')) },
    errors: [['events.jsonl:2 ', /^invalid JSON/]],
    kept: ['e-1', 'e-3'],
  },
  {
    name: 'a UTF-8 BOM, in JSON Lines and in CSV',
    files: { 'events.jsonl': '\ufeff' + lines(ev('e-1')), 'events_2.csv': `\ufeff${CSV_HEADER}\ne-2,c-001,nps,2024-03-01,8\n` },
    errors: [],
    kept: ['e-1', 'e-2'],
  },
  {
    name: 'CRLF line ends, in JSON Lines and in CSV',
    files: { 'events.jsonl': `${ev('e-1')}\r\n${ev('e-2')}\r\n`, 'events_2.csv': `${CSV_HEADER}\r\ne-3,c-001,nps,2024-03-01,8\r\n` },
    errors: [],
    kept: ['e-1', 'e-2', 'e-3'],
  },
  {
    name: 'a GBK-encoded CSV: detected and read as GB18030',
    files: { 'customers_gbk.csv': gbk('id,storeId,name,phone,since\nc-001,sh-01,张伟,13812341234,2022-06-10\nc-002,sh-01,李明,13812341235,2022-07-01\n') },
    errors: [],
    kept: [],
    async check(db, summary) {
      expect(summary.files.find((f) => f.file === 'customers_gbk.csv')).toMatchObject({ encoding: 'gb18030', updated: 1, imported: 1 });
      const names = await db.query<{ name: string }>("SELECT record->>'name' AS name FROM customers ORDER BY id");
      expect(names.map((r) => r.name)).toEqual(['张伟', '李明']);
    },
  },
  {
    name: 'an Excel-saved CSV: BOM, CRLF, quoted fields with line breaks, commas and quotes',
    files: { 'events.csv': '\ufeffid,customerId,type,at,channel,text\r\ne-1,c-001,reply,2024-03-01,sms,"第一行\r\n第二行, ""好的"""\r\ne-2,c-001,reply,2024-03-02,sms,ok\r\n' },
    errors: [],
    kept: ['e-1', 'e-2'],
    async check(db) {
      const [row] = await db.query<{ text: string }>("SELECT record->>'text' AS text FROM events WHERE id = 'e-1'");
      expect(row!.text).toBe('第一行\r\n第二行, "好的"');
    },
  },
  {
    name: 'Chinese column headers: one error naming the missing columns, no row read',
    files: { 'events.csv': '编号,客户编号,类型,时间,分数\ne-1,c-001,nps,2024-03-01,9\n' },
    errors: [['events.csv:1 id', /no column "id", "customerId", "at", "type".*found "编号", "客户编号"/]],
    kept: [],
  },
  {
    name: 'a 5 MB line',
    files: { 'events.jsonl': lines(reply('e-1', '长'.repeat(1_700_000)), ev('e-2')) },
    errors: [],
    kept: ['e-1', 'e-2'],
  },
  {
    name: 'wrong types',
    files: { 'events.jsonl': lines(ev('e-1', { score: 'nine' }), ev('e-2', { at: 20240301 }), ev('e-3')) },
    errors: [['events.jsonl:1 score', /expected number/], ['events.jsonl:2 at', /expected string/]],
    kept: ['e-3'],
  },
  {
    name: 'impossible dates and times',
    files: { 'events.jsonl': lines(ev('e-1', { at: '2024-02-30' }), ev('e-2', { at: '2024-03-01T24:00:00+08:00' }), ev('e-3', { at: '2023-02-29' }), ev('e-4', { at: '2024-02-29' })) },
    errors: [['events.jsonl:1 at', /ISO 8601/], ['events.jsonl:2 at', /ISO 8601/], ['events.jsonl:3 at', /ISO 8601/]],
    kept: ['e-4'],
  },
  {
    name: 'years no store can mean (0000, 9999)',
    files: { 'events.jsonl': lines(ev('e-1', { at: '0000-01-01' }), ev('e-2', { at: '9999-12-31' }), ev('e-3', { at: '1899-12-31' }), ev('e-4', { at: '1900-01-01' })) },
    errors: [['events.jsonl:1 at', /years 1900 to 2199/], ['events.jsonl:2 at', /years 1900 to 2199/], ['events.jsonl:3 at', /years 1900 to 2199/]],
    kept: ['e-4'],
  },
  {
    name: 'future dates: a day of tolerance, then rejected',
    files: { 'events.jsonl': lines(ev('e-1', { at: '2024-06-02T11:59:00+08:00' }), ev('e-2', { at: '2024-06-02T12:01:00+08:00' }), ev('e-3', { at: '2025-06-01' })) },
    errors: [['events.jsonl:2 at', /^is in the future/], ['events.jsonl:3 at', /^is in the future/]],
    kept: ['e-1'],
  },
  {
    name: 'negative amounts',
    files: { 'events.jsonl': lines(ev('e-1', { type: 'visit', visitId: 'v1', kind: 'repair', amount: -0.01 }), ev('e-2', { type: 'visit', visitId: 'v2', kind: 'repair', amount: 0 })) },
    errors: [['events.jsonl:1 amount', /must not be negative/]],
    kept: ['e-2'],
  },
  {
    name: 'NaN and Infinity, in JSON and in CSV cells',
    files: {
      'events.jsonl': lines('{"id":"e-1","customerId":"c-001","type":"nps","at":"2024-03-01","score":NaN}', '{"id":"e-2","customerId":"c-001","type":"nps","at":"2024-03-01","score":Infinity}'),
      'events_2.csv': `${CSV_HEADER}\ne-3,c-001,nps,2024-03-01,NaN\ne-4,c-001,nps,2024-03-01,-Infinity\ne-5,c-001,nps,2024-03-01,7\n`,
    },
    errors: [['events.jsonl:1 ', /^invalid JSON/], ['events.jsonl:2 ', /^invalid JSON/], ['events_2.csv:2 score', /expected number/], ['events_2.csv:3 score', /expected number/]],
    kept: ['e-5'],
  },
  {
    name: 'duplicate ids within a file and across files',
    files: { 'events.jsonl': lines(ev('e-1'), ev('e-1'), ev('e-1', { score: 3 })), 'events_2.jsonl': lines(ev('e-1', { score: 4 }), ev('e-2')) },
    errors: [['events.jsonl:3 id', /^duplicate id "e-1"/], ['events_2.jsonl:1 id', /^duplicate id "e-1"/]],
    kept: ['e-1', 'e-2'],
    async check(db, summary) {
      expect(summary.files.find((f) => f.file === 'events.jsonl')).toMatchObject({ imported: 1, unchanged: 1, rejected: 1 });
      const [row] = await db.query<{ score: string }>("SELECT record->>'score' AS score FROM events WHERE id = 'e-1'");
      expect(row!.score).toBe('9');
    },
  },
  {
    name: 'an unknown customer and an unknown event type',
    files: { 'events.jsonl': lines(ev('e-1', { customerId: 'c-404' }), ev('e-2', { type: 'teleport' }), ev('e-3')) },
    errors: [['events.jsonl:1 customerId', /^unknown customer "c-404"/], ['events.jsonl:2 type', /^unknown event type "teleport"/]],
    kept: ['e-3'],
  },
  {
    name: 'an empty file',
    files: { 'events.jsonl': '', 'events_2.csv': `${CSV_HEADER}\ne-1,c-001,nps,2024-03-01,9\n` },
    errors: [['events.jsonl:1 ', /^the file is empty/]],
    kept: ['e-1'],
  },
  {
    name: 'binary files: an Excel workbook saved as .csv, NUL bytes',
    files: {
      'events.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
      'events_2.jsonl': Buffer.concat([Buffer.from(ev('e-1')), Buffer.from([0x0a, 0x00, 0x01, 0xff, 0x0a])]),
      'events_3.jsonl': lines(ev('e-2')),
    },
    errors: [['events.csv:1 ', /Excel \.xlsx workbook/], ['events_2.jsonl:1 ', /binary data \(NUL bytes\)/]],
    kept: ['e-2'],
  },
  {
    name: 'CSV columns missing, extra and reordered',
    files: {
      'events.csv': 'id,customerId,at\ne-1,c-001,2024-03-01\n',
      'events_2.csv': 'score,at,type,customerId,id,note\n9,2024-03-01,nps,c-001,e-2,回访\n',
      'events_3.csv': `${CSV_HEADER}\ne-3,c-001,nps,2024-03-01\ne-4,c-001,nps,2024-03-01,9,extra\n`,
    },
    errors: [
      ['events.csv:1 type', /no column "type"/],
      ['events_3.csv:2 ', /has 4 cells where the header has 5/],
      ['events_3.csv:3 ', /has 6 cells where the header has 5/],
    ],
    kept: ['e-2'],
    async check(db) {
      const [row] = await db.query<{ extra: unknown }>("SELECT record->'extra' AS extra FROM events WHERE id = 'e-2'");
      expect(row!.extra).toEqual({ note: '回访' });
    },
  },
  {
    name: 'HTML, script and SQL-looking text is stored as text',
    files: { 'events.jsonl': lines(reply('e-1', `<script>alert('x')</script>'); DROP TABLE events; --`), reply('e-2', "Robert'); DELETE FROM customers;--")) },
    errors: [],
    kept: ['e-1', 'e-2'],
    async check(db) {
      const rows = await db.query<{ text: string }>("SELECT record->>'text' AS text FROM events ORDER BY id");
      expect(rows.map((r) => r.text)).toEqual([`<script>alert('x')</script>'); DROP TABLE events; --`, "Robert'); DELETE FROM customers;--"]);
      const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
      expect(n!.n).toBe(1);
    },
  },
  {
    name: 'emoji, a NUL escape and a lone surrogate in text',
    files: { 'events.jsonl': lines(reply('e-1', '👍🏽 好的 🚗'), reply('e-2', 'a\u0000b'), '{"id":"e-3","customerId":"c-001","type":"reply","at":"2024-03-01","channel":"sms","text":"\\ud800"}') },
    errors: [],
    kept: ['e-1', 'e-2', 'e-3'],
    async check(db) {
      const [row] = await db.query<{ text: string }>("SELECT record->>'text' AS text FROM events WHERE id = 'e-1'");
      expect(row!.text).toBe('👍🏽 好的 🚗');
    },
  },
  {
    name: 'lines that are JSON but not objects',
    files: { 'events.jsonl': lines('[1,2]', '"text"', 'null', '42', ev('e-1')) },
    errors: [1, 2, 3, 4].map((l) => [`events.jsonl:${l} `, /^must be a JSON object/]),
    kept: ['e-1'],
  },
  {
    name: 'deeply nested and huge numbers',
    files: { 'events.jsonl': lines('['.repeat(100_000), ev('e-1', { score: 1e400 }), ev('e-2')) },
    errors: [['events.jsonl:1 ', /^invalid JSON/], ['events.jsonl:2 score', /expected number/]],
    kept: ['e-2'],
  },
  {
    name: 'a master record with a bad reference keeps the good ones',
    files: { 'staff.jsonl': lines(JSON.stringify(advisor), JSON.stringify({ ...advisor, id: 'sa-x', storeId: 'nowhere' }), JSON.stringify({ ...advisor, id: 'sa-y', role: 'boss' })) },
    errors: [['staff.jsonl:2 storeId', /unknown store/], ['staff.jsonl:3 role', /Invalid option/]],
    kept: [],
  },
  {
    name: 'a __proto__ field is kept as data and pollutes nothing',
    files: { 'events.jsonl': lines('{"id":"e-1","customerId":"c-001","type":"nps","at":"2024-03-01","score":9,"__proto__":{"polluted":true}}') },
    errors: [],
    kept: ['e-1'],
    async check() {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  },
];

describeEachDatabase('bad input', (t) => {
  for (const c of cases) {
    it(c.name, async () => {
      const db = await t.open();
      const dir = writeFixtureDir({
        'stores.jsonl': [store],
        'staff.jsonl': [advisor],
        'customers.jsonl': [customer('c-001')],
        ...Object.fromEntries(Object.entries(c.files).map(([name, content]) => [name, typeof content === 'string' ? content : ''])),
      });
      for (const [name, content] of Object.entries(c.files)) if (Buffer.isBuffer(content)) writeFileSync(join(dir, name), content);
      const summary = await importPath(db, dir, { now: NOW });
      expect(summary.errors.map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual(c.errors.map(([place]) => place));
      summary.errors.forEach((e, i) => expect(e.reason).toMatch(c.errors[i]![1]));
      expect(summary.total.rejected).toBeGreaterThanOrEqual(c.errors.length > 0 ? 1 : 0);
      const events = await db.query<{ id: string }>('SELECT id FROM events ORDER BY id');
      expect(events.map((e) => e.id)).toEqual(c.kept);
      await c.check?.(db, summary);
    });
  }

  it('--strict keeps nothing when one record of any file is rejected', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({ 'stores.jsonl': [store], 'customers.jsonl': [customer('c-001', { advisorId: null })], 'events.jsonl': lines(ev('e-1'), ev('e-2', { at: '2024-02-30' })) });
    const summary = await importPath(db, dir, { now: NOW, strict: true });
    expect(summary.rolledBack).toBe(true);
    expect(summary.errors.map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual(['events.jsonl:2 at']);
    const [n] = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM customers) AS n');
    expect(Number(n!.n)).toBe(0);
  });

  it('events files read in worker threads apply the same rules', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({
      'stores.jsonl': [store],
      'customers.jsonl': [customer('c-001', { advisorId: null })],
      'events.jsonl': lines(ev('e-1'), ev('e-2', { at: '2030-01-01' }), ev('e-3', { at: '0000-01-01' }), '{"id":', ev('e-5', { customerId: 'c-404' })),
    });
    const summary = await importPath(db, dir, { now: NOW, workerFromBytes: 0 });
    expect(summary.errors.map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual(['events.jsonl:2 at', 'events.jsonl:3 at', 'events.jsonl:4 ', 'events.jsonl:5 customerId']);
    const events = await db.query<{ id: string }>('SELECT id FROM events');
    expect(events.map((e) => e.id)).toEqual(['e-1']);
  });
});
