import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant } from '../src/domain/dates.js';
import { importBigFile } from './chaos/import-big-file.js';
import { killImport } from './chaos/kill-import.js';
import { killSender } from './chaos/kill-sender.js';
import { restartUnderServer } from './chaos/restart-postgres.js';

/**
 * `npm run chaos`: faults on the PostgreSQL server of this machine, each against a clean run of
 * the same data. kill -9 of an import part-way then a re-run; kill -9 of the worker's sending
 * loop at random points; PostgreSQL restarted under `retain serve`; a multi-GB events file
 * imported in flat memory. Prints each scenario's
 * figures and exits 1 when one of them lost, duplicated or broke something.
 */
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'import,outbox,restart,bigfile' },
    'big-gb': { type: 'string', default: '2' },
    'import-customers': { type: 'string', default: '5000' },
    'import-kills': { type: 'string', default: '3' },
    'outbox-customers': { type: 'string', default: '300' },
    'outbox-kills': { type: 'string', default: '50' },
    restarts: { type: 'string', default: '3' },
    port: { type: 'string', default: '3918' },
  },
});
const asOf = formatDay(localDayOfInstant(Date.now(), DEFAULT_TIME_ZONE));
const scenarios: Record<string, (dir: string) => Promise<{ ok: boolean }>> = {
  import: (dir) => killImport(dir, Number(values['import-customers']), Number(values['import-kills']), asOf),
  outbox: (dir) => killSender(dir, Number(values['outbox-customers']), Number(values['outbox-kills']), asOf),
  restart: (dir) => restartUnderServer(dir, Number(values.restarts), asOf, Number(values.port)),
  bigfile: (dir) => importBigFile(dir, Number(values['big-gb'])),
};
let failed = 0;
for (const name of values.only!.split(',')) {
  const run = scenarios[name];
  if (!run) throw new Error(`unknown scenario "${name}" (import, outbox, restart, bigfile)`);
  const dir = mkdtempSync(join(tmpdir(), `retain-chaos-${name}-`));
  try {
    const started = Date.now();
    const figures = await run(dir);
    console.log(`\n── ${name}: ${figures.ok ? 'OK' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    for (const [k, v] of Object.entries(figures)) if (k !== 'ok') console.log(`  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
    if (!figures.ok) failed++;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exitCode = failed > 0 ? 1 : 0;
