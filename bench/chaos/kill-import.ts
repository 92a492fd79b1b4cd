import { writeDemoFiles } from '../../src/demo/write-demo-files.js';
import { exited, fingerprint, freshSchema, PG_URL, sleep, spawnTs } from './chaos-db.js';

const TABLES = {
  stores: 'id', staff: 'id', customers: "id || ':' || md5(record::text)", vehicles: 'vin',
  events: "id || ':' || md5(record::text)",
  // A state's lines in any order: batches in flight commit in any order, and the evaluation sorts.
  customer_state: "customer_id || ':' || md5((SELECT string_agg(l, E'\\n' ORDER BY l) FROM unnest(string_to_array(events, E'\\n')) l))",
};

const runImport = (schema: string, dir: string) => spawnTs('src/cli/main.ts', ['--database-url', PG_URL, '--db-schema', schema, 'import', dir, '--no-evaluate']);

/**
 * kill -9 of `retain import` part-way, `kills` times at spread points of a clean import's
 * duration, then a run to the end: every table, the customer state included, must equal a
 * clean import of the same files.
 */
export async function killImport(dir: string, customers: number, kills: number, asOf: string) {
  const counts = await writeDemoFiles(dir, { customers, seed: 5, asOf });
  const clean = await freshSchema('chaos_import_clean');
  const broken = await freshSchema('chaos_import_killed');
  try {
    const started = Date.now();
    const code = await exited(runImport(clean.schema, dir));
    const cleanSeconds = (Date.now() - started) / 1000;
    if (code !== 0) throw new Error(`the clean import exited with ${code}`);
    const killedAt: number[] = [];
    for (let i = 0; i < kills; i++) {
      const child = runImport(broken.schema, dir);
      const at = cleanSeconds * 1000 * ((i + 0.5 + Math.random() * 0.5) / (kills + 1));
      await sleep(at);
      child.kill('SIGKILL');
      await exited(child);
      killedAt.push(at / 1000);
    }
    const [partial] = await broken.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    const finalCode = await exited(runImport(broken.schema, dir));
    const want = await fingerprint(clean.db, TABLES);
    const got = await fingerprint(broken.db, TABLES);
    const differing = Object.keys(TABLES).filter((t) => want[t] !== got[t]);
    return {
      events: counts.events,
      cleanSeconds,
      killedAt,
      eventsBeforeLastRun: partial!.n,
      finalExit: finalCode,
      tables: Object.fromEntries(Object.keys(TABLES).map((t) => [t, `${got[t]} (clean: ${want[t]})`])),
      ok: finalCode === 0 && differing.length === 0,
    };
  } finally {
    await clean.drop();
    await broken.drop();
  }
}
