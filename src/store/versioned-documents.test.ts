import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import type { Db } from './db.js';
import { activateDocument, readActiveDocument, VersionConflictError, type DocumentTables } from './versioned-documents.js';

const TABLES: DocumentTables = { versions: 'program_documents', active: 'active_programs' };
const at = new Date('2024-06-30T10:00:00Z');

function activate(db: Db, version: string, n: number): Promise<void> {
  const doc = { version, n };
  return activateDocument(db, TABLES, 'program', doc, at);
}

/** A check that counts its calls and returns a copy it can recognise. */
function counting() {
  const calls: string[] = [];
  const check = (document: unknown, version: string) => {
    calls.push(version);
    return { checked: document as { version: string; n: number } };
  };
  return { calls, check };
}

describeEachDatabase('the document in force', (t) => {
  it('is null before any activation, then checked once per content however often it is read', async () => {
    const db = await t.open();
    const { calls, check } = counting();
    expect(await readActiveDocument(db, TABLES, check)).toBeNull();
    // A content no other test uses, so no earlier read has remembered it.
    const n = Math.random();
    await activate(db, 'v1', n);
    const first = await readActiveDocument(db, TABLES, check);
    expect(first).toEqual({ checked: { version: 'v1', n } });
    expect(await readActiveDocument(db, TABLES, check)).toBe(first);
    expect(calls).toEqual(['v1']);
    // Every reader shares it, so no reader may change it.
    expect(Object.isFrozen(first!.checked)).toBe(true);

    await activate(db, 'v2', n);
    expect((await readActiveDocument(db, TABLES, check))!.checked.version).toBe('v2');
    // Back to a version seen before: its content has not changed, so neither has the check's answer.
    await activate(db, 'v1', n);
    expect(await readActiveDocument(db, TABLES, check)).toBe(first);
    expect(calls).toEqual(['v1', 'v2']);
    await expect(activate(db, 'v1', n + 1)).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('gives each database its own document under the same version', async () => {
    const n = Math.random();
    const { check } = counting();
    const a = await t.open();
    await activate(a, 'shared', n);
    expect((await readActiveDocument(a, TABLES, check))!.checked.n).toBe(n);
    const b = await t.open();
    await activate(b, 'shared', n + 1);
    expect((await readActiveDocument(b, TABLES, check))!.checked.n).toBe(n + 1);
  });

  it('checks a document that no longer fits again at every read, and says so every time', async () => {
    const db = await t.open();
    await activate(db, 'old', Math.random());
    let calls = 0;
    const refuse = (_: unknown, version: string): never => {
      calls++;
      throw new Error(`${version} no longer fits`);
    };
    await expect(readActiveDocument(db, TABLES, refuse)).rejects.toThrow('old no longer fits');
    await expect(readActiveDocument(db, TABLES, refuse)).rejects.toThrow('old no longer fits');
    expect(calls).toBe(2);
  });
});
