import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { listNoteVersions } from '../store/read-notes.js';
import { importPath } from './import-path.js';
import { classifyFile } from './list-import-files.js';
import { advisor, customer, store, writeFixtureDir } from './test-fixtures.js';

const errorsOf = (summary: Awaited<ReturnType<typeof importPath>>) => summary.errors.map(({ file, line, field, reason }) => `${file}:${line} ${field}: ${reason}`);
const stored = (db: Parameters<typeof listNoteVersions>[0]) =>
  db.query<{ customer_id: string; topic: string; text: string; staff_id: string | null; at: Date; source: string }>(
    'SELECT customer_id, topic, text, staff_id, at, source FROM customer_notes ORDER BY id',
  );

describeEachDatabase('importing personal notes', (t) => {
  it('keeps the good rows and reports each bad one with its file, line and field', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({
      'stores.jsonl': [store],
      'staff.jsonl': [advisor],
      'customers.jsonl': [customer('c-001'), customer('c-002')],
      'notes.jsonl': [
        { customerId: 'c-001', topic: 'drink', text: ' 冰美式 ', at: '2024-05-01T10:00:00+08:00', staffId: 'sa-li' },
        { customerId: 'c-001', topic: 'open_question', text: '充电桩能不能装快充', at: '2024-05-02' },
        { customerId: 'c-9', topic: 'job', text: '医生', at: '2024-05-01' },
        { customerId: 'c-001', topic: 'hobby', text: '钓鱼', at: '2024-05-01' },
        { customerId: 'c-002', topic: 'job', text: 'x'.repeat(501), at: '2024-05-01' },
        { customerId: 'c-002', topic: 'job', text: '律师', at: '2024-13-01' },
        { customerId: 'c-002', topic: 'family', text: '两个孩子', at: '2024-05-01', staffId: 'sa-ghost' },
        { customerId: 'c-002', topic: 'family', at: '2024-05-01' },
        { customerId: 'c-002', topic: 'other', text: '', at: '2024-05-03' },
      ],
    });
    const summary = await importPath(db, dir);
    expect(errorsOf(summary)).toEqual([
      'notes.jsonl:3 customerId: unknown customer "c-9"',
      'notes.jsonl:4 topic: Invalid option: expected one of "drink"|"family"|"job"|"open_question"|"other"',
      'notes.jsonl:5 text: at most 500 characters',
      'notes.jsonl:6 at: must be an ISO 8601 date or timestamp',
      'notes.jsonl:7 staffId: unknown staff "sa-ghost"',
      'notes.jsonl:8 text: Invalid input: expected string, received undefined',
    ]);
    expect(summary.files.find((f) => f.kind === 'notes')).toMatchObject({ read: 9, imported: 3, rejected: 6 });
    expect((await stored(db)).map((n) => [n.customer_id, n.topic, n.text, n.staff_id, n.at.toISOString(), n.source])).toEqual([
      ['c-001', 'drink', '冰美式', 'sa-li', '2024-05-01T02:00:00.000Z', 'import'],
      // A bare date is the store's local midnight.
      ['c-001', 'open_question', '充电桩能不能装快充', null, '2024-05-01T16:00:00.000Z', 'import'],
      ['c-002', 'other', '', null, '2024-05-02T16:00:00.000Z', 'import'],
    ]);
  });

  it('a CSV with an empty text cell clears the topic; re-importing the same files changes nothing', async () => {
    const db = await t.open();
    const csv = [
      'customerId,topic,text,at,staffId',
      'c-001,family,"女儿今年高考, 周末别打扰",2024-05-01T09:00:00+08:00,sa-li',
      'c-001,family,,2024-06-01T09:00:00+08:00,',
      'c-001,job,中学老师,2024-05-01T09:00:00+08:00,',
    ].join('\n') + '\n';
    const dir = writeFixtureDir({ 'stores.jsonl': [store], 'staff.jsonl': [advisor], 'customers.jsonl': [customer('c-001')], 'notes-2024.csv': csv });
    const first = await importPath(db, dir);
    expect(first.errors).toEqual([]);
    expect(first.files.find((f) => f.kind === 'notes')).toMatchObject({ read: 3, imported: 3 });
    const versions = await listNoteVersions(db, 'c-001');
    expect(versions.map((v) => [v.topic, v.text, v.staffId])).toEqual([
      ['family', '', null],
      // The same instant: the later line (saved later) comes first.
      ['job', '中学老师', null],
      ['family', '女儿今年高考, 周末别打扰', 'sa-li'],
    ]);

    const again = await importPath(db, dir);
    expect(again.files.find((f) => f.kind === 'notes')).toMatchObject({ read: 3, imported: 0, unchanged: 3, rejected: 0 });
    expect(await stored(db)).toHaveLength(3);
  });

  it('the same customer, topic and time with another text is rejected, and the stored version stays', async () => {
    const db = await t.open();
    const note = { customerId: 'c-001', topic: 'drink', text: '冰美式', at: '2024-05-01T10:00:00+08:00' };
    const base = { 'stores.jsonl': [store], 'staff.jsonl': [advisor], 'customers.jsonl': [customer('c-001')] };
    await importPath(db, writeFixtureDir({ ...base, 'notes.jsonl': [note] }));
    // The same instant written in UTC is the same key; a later time is simply a newer version.
    const summary = await importPath(db, writeFixtureDir({
      ...base,
      'notes.jsonl': [{ ...note, at: '2024-05-01T02:00:00Z', text: '热茶' }, { ...note, at: '2024-05-02T10:00:00+08:00', text: '热茶' }, { ...note, text: '热茶' }],
    }));
    expect(errorsOf(summary)).toEqual([
      'notes.jsonl:1 text: another drink note of customer "c-001" is recorded at 2024-05-01T02:00:00Z; the stored one stays',
      'notes.jsonl:3 text: another drink note of customer "c-001" is recorded at 2024-05-01T10:00:00+08:00; the stored one stays',
    ]);
    expect((await stored(db)).map((n) => n.text)).toEqual(['冰美式', '热茶']);
  });

  it('a notes file is told from a notices file by its name', () => {
    expect(classifyFile('notes.csv')).toEqual({ kind: 'notes', format: 'csv' });
    expect(classifyFile('notes-2024-05.jsonl')).toEqual({ kind: 'notes', format: 'jsonl' });
    expect(classifyFile('notices.jsonl')).toEqual({ kind: 'notices', format: 'jsonl' });
  });
});
