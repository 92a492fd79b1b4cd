import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { copyField, fromCopyField, sqlLiteral } from './copy-text.js';

const awkward = ["plain", "it's", 'back\\slash', "\\'; DROP TABLE events; --", 'tab\tnew\nline\rreturn', '客户 é', ''];

it('reads back what it escapes for COPY text', () => {
  for (const s of awkward) expect(fromCopyField(copyField(s))).toBe(s);
  expect(copyField('a\tb\\c')).toBe('a\\tb\\\\c');
});

describeEachDatabase('sqlLiteral', (t) => {
  it('is read by the server as the very string', async () => {
    const db = await t.open();
    for (const s of awkward) {
      const [row] = await db.query<{ same: boolean }>(`SELECT ${sqlLiteral(s)} = $1::text AS same`, [s]);
      expect([s, row!.same]).toEqual([s, true]);
    }
  });
});
