import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { startServer } from '../../api/serve.js';
import { backfillMonthEnds } from '../../demo/backfill-month-ends.js';
import { setDemoPasswords } from '../../demo/demo-logins.js';
import { loadDemoCampaign } from '../../demo/load-demo-campaign.js';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant, type Day } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy/policy-schema.js';
import { writeDemoFiles } from '../../demo/write-demo-files.js';
import { getActivePolicy } from '../../engine/active-policy.js';
import { refitModels } from '../../engine/fit-models.js';
import { scoreCustomers } from '../../engine/score-customers.js';
import { importPath } from '../../ingest/import-path.js';
import { createApiToken } from '../../store/api-tokens.js';
import type { Db } from '../../store/db.js';
import { NETWORK } from '../../store/write-model.js';
import { globalOptions, openFromOptions, type GlobalOptions } from '../context.js';
import { asInstant, asPort, asPositiveInt } from '../parse-args.js';
import { printOutcome } from '../print-outcome.js';
import { countBar, progressBar } from '../show-progress.js';
import { formatDemoSummary, readDemoWork } from '../demo-summary.js';
import { startRetainWorker } from '../start-retain-worker.js';
import { waitForShutdown } from './serve.js';

interface DemoOptions {
  customers: number;
  seed: number;
  port: number;
  reset?: boolean;
  serve: boolean;
  now?: Date;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the demo service center (first run), evaluate it as of today and serve the API')
    .option('--customers <n>', 'number of demo customers', asPositiveInt, 5000)
    .option('--seed <n>', 'random seed of the demo', asPositiveInt, 42)
    .option('--port <port>', 'port of the API', asPort, 3000)
    .option('--reset', 'delete the embedded database and load the demo again')
    .option('--no-serve', 'load and evaluate, then exit')
    .option('--now <time>', 'start the demo\'s clock at this moment (YYYY-MM-DDTHH:MM, store time unless an offset is given), for a reproducible run', asInstant)
    .action(async (opts: DemoOptions, cmd: Command) => {
      const global = globalOptions(cmd);
      if (opts.reset && !global.databaseUrl) rmSync(global.dataDir, { recursive: true, force: true });
      const db = await openFromOptions(global);
      // The demo's clock runs from --now, so a run at night (quiet hours hold every message) can be replayed by day.
      const shift = opts.now ? opts.now.getTime() - Date.now() : 0;
      const clock = (): Date => new Date(Date.now() + shift);
      const now = clock();
      const loaded = await loadDemoOnce(db, global, opts, now);
      const today = localDayOfInstant(now.getTime(), DEFAULT_TIME_ZONE);
      const policy = await getActivePolicy(db);
      if (loaded) await fitDemoModels(db, today, now, policy);
      process.stdout.write(`\nEvaluating every customer as of ${formatDay(today)} …\n`);
      const [{ n: customers }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')) as [{ n: number }];
      const scoring = countBar('customers', customers);
      const outcome = await scoreCustomers(db, { asOf: today, now, policy, onProgress: scoring.update });
      scoring.stop();
      printOutcome(outcome);
      if (loaded) {
        // Past month ends give the health trend and each customer's score history their first points.
        process.stdout.write(`Scoring the last ${BACKFILL_MONTHS} month ends for the trends …\n`);
        const months = countBar('month ends', BACKFILL_MONTHS);
        await backfillMonthEnds(db, { today, months: BACKFILL_MONTHS, now, policy, onMonth: months.update });
        months.stop();
        await loadDemoCampaign(db, { today, now, policy });
      }
      // The warnings' tasks and messages are opened by the worker. The log channel "sends" them
      // to a file: a line per message on the terminal drowned everything else.
      const messageLog = join(global.dataDir, '..', 'demo-messages.log');
      const worker = await startRetainWorker(db, {
        channels: {}, dbSchema: global.dbSchema, timers: opts.serve, clock, outboxLog: (line) => appendFileSync(messageLog, `${line}\n`),
      });
      process.stdout.write('Opening the tasks and messages the warnings call for …\n');
      process.stdout.write(`${await worker.drain()} due items processed\n`);
      const logins = await setDemoPasswords(db, now);
      const token = await createApiToken(db, 'demo', now);
      const server = opts.serve
        ? await startServer({ db, policy: () => getActivePolicy(db), clock, nudgeWorker: worker.nudge }, { port: opts.port })
        : undefined;
      const database = global.databaseUrl ? 'the PostgreSQL server' : `the embedded database in ${global.dataDir}`;
      process.stdout.write(formatDemoSummary(
        { database, logins, token, url: server?.url, messageLog, dataDir: demoDataDir(global), today: formatDay(today) },
        await readDemoWork(db),
      ));
      if (!server) {
        await worker.stop();
        await db.close();
        return;
      }
      await waitForShutdown(async () => {
        await server.close();
        await worker.stop();
        await db.close();
      });
    });
}

const BACKFILL_MONTHS = 6;

/**
 * The prediction models on the demo's own history before its first evaluation, so every screen
 * shows P(alive), CLV and the churn probability from the first start (the worker refits on schedule).
 */
async function fitDemoModels(db: Db, today: Day, now: Date, policy: Policy): Promise<void> {
  process.stdout.write('Fitting the prediction models (BG/NBD, Gamma-Gamma, churn) on each store\'s history …\n');
  for (const r of await refitModels(db, today, { now, by: 'demo', policy })) {
    const store = r.storeId === NETWORK ? 'network' : r.storeId;
    const m = r.metrics as { backtest?: { auc: number | null } | null } | null;
    const auc = m?.backtest?.auc;
    const what = r.id === null ? `not fitted: ${r.reason}` : auc != null ? `back-test AUC ${auc.toFixed(3)}` : 'fitted';
    process.stdout.write(`  ${store.padEnd(8)} ${r.kind.padEnd(10)} ${what}${r.id !== null && !r.active ? ` (${r.reason})` : ''}\n`);
  }
}

/** Loads the demo into an empty database; false when customers are there already. */
async function loadDemoOnce(db: Db, global: GlobalOptions, opts: DemoOptions, now: Date): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
  if ((row?.n ?? 0) > 0) {
    process.stdout.write(`The database already holds ${row!.n} customers; keeping them (use --reset to start over).\n`);
    return false;
  }
  const dir = demoDataDir(global);
  const asOf = formatDay(localDayOfInstant(now.getTime(), DEFAULT_TIME_ZONE));
  process.stdout.write(`Generating the demo service center (${opts.customers} customers, 2 years up to ${asOf}) …\n`);
  await writeDemoFiles(dir, { customers: opts.customers, seed: opts.seed, asOf });
  const bar = progressBar();
  const summary = await importPath(db, dir, { onProgress: bar.update, now });
  bar.stop();
  const t = summary.total;
  process.stdout.write(`Imported ${t.imported} records (${t.rejected} rejected) from ${dir}.\n`);
  return true;
}

/** The demo's import files sit beside the embedded database folder. */
function demoDataDir(global: GlobalOptions): string {
  return join(global.dataDir, '..', 'demo-data');
}
