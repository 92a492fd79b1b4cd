import { readFileSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant, type Day } from '../../domain/dates.js';
import { DEFAULT_KINDS, refitModels, type RefitResult } from '../../engine/fit-models.js';
import { fitSummaryModel, summaryModelKinds, type SummaryFit, type SummaryModelKind } from '../../prediction/fit-summary-model.js';
import { readSummaryCsv, SummaryFormatError } from '../../prediction/read-summary-csv.js';
import { readTransactionLog, TransactionLogError } from '../../prediction/read-transaction-log.js';
import { summarizeTransactions } from '../../prediction/summarize-transactions.js';
import { NETWORK, type ModelKind } from '../../store/write-model.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { asDay } from '../parse-args.js';
import { makeTable } from '../table.js';

interface FitOptions {
  summary?: string;
  transactions?: string;
  end?: Day;
  unit: 'days' | 'weeks';
  format: 'json' | 'table';
  asOf?: Day;
  store?: string;
}

const models = [...summaryModelKinds, 'churn', 'all'] as const;
type FitModel = (typeof models)[number];

export function registerFit(program: Command): void {
  program
    .command('fit')
    .description(
      'fit a prediction model: on a summary CSV or a transaction log (prints the parameters and log-likelihood), ' +
        "or, without a file, on the database's visit history, storing each store's model",
    )
    .addArgument(new Argument('<model>', 'the model').choices(models))
    .option('--summary <file>', 'an RFM summary CSV: ID,frequency,recency,T or ID,x,t_x,T,zbar')
    .option('--transactions <file>', 'a raw transaction log: customer, date, amount')
    .option('--end <date>', 'with --transactions: the last day observed (default: the latest purchase)', asDay)
    .addOption(new Option('--unit <unit>', 'with --transactions: the time unit of recency and T').choices(['days', 'weeks']).default('days'))
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'))
    .option('--as-of <date>', 'database: fit on the data up to this date (default: today in Asia/Shanghai)', asDay)
    .option('--store <id>', 'database: only this store')
    .action(async (model: FitModel, opts: FitOptions, cmd: Command) => {
      if (opts.summary || opts.transactions) return fitFile(model, opts);
      const asOf = opts.asOf ?? localDayOfInstant(Date.now(), DEFAULT_TIME_ZONE);
      const kinds: readonly ModelKind[] = model === 'all' ? [...DEFAULT_KINDS, 'paretonbd'] : [model];
      const results = await withDb(globalOptions(cmd), (db) => refitModels(db, asOf, { now: new Date(), by: 'retain fit', kinds, ...(opts.store ? { stores: [opts.store] } : {}) }));
      printRefit(results, formatDay(asOf), opts.format);
      // A store that fitted nothing of a kind is still covered when the network's model of it is in force.
      const network = (kind: ModelKind) => results.some((r) => r.storeId === NETWORK && r.kind === kind && r.active);
      if (results.some((r) => r.id === null && (r.storeId === NETWORK || !network(r.kind)))) process.exitCode = 1;
    });
}

function fitFile(model: FitModel, opts: FitOptions): void {
  if (model === 'churn' || model === 'all') {
    throw new UsageError(`${model} is trained on the store's own history: run "retain fit ${model}" without --summary or --transactions`);
  }
  if (opts.summary && opts.transactions) throw new UsageError('give --summary or --transactions, not both');
  const file = (opts.summary ?? opts.transactions)!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
  let fit: SummaryFit;
  try {
    const rows = opts.summary
      ? readSummaryCsv(text)
      : summarizeTransactions(readTransactionLog(text), { ...(opts.end !== undefined ? { end: opts.end } : {}), unitDays: opts.unit === 'weeks' ? 7 : 1 });
    fit = fitSummaryModel(model as SummaryModelKind, rows);
  } catch (err) {
    if (err instanceof SummaryFormatError || err instanceof TransactionLogError || err instanceof RangeError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
  }
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify({ params: fit.params, logLik: fit.logLik }, null, 2)}\n`);
  } else {
    const t = makeTable(['parameter', 'value']);
    for (const [k, v] of Object.entries(fit.params)) t.push([k, v.toFixed(4)]);
    t.push(['log-likelihood', fit.logLik.toFixed(2)]);
    t.push(['customers', fit.customers]);
    process.stdout.write(`${model} fitted on ${file}\n${t.toString()}\n`);
  }
  if (!fit.converged) process.stderr.write('warning: the optimiser stopped at its iteration limit before converging\n');
}

function printRefit(results: RefitResult[], asOf: string, format: 'json' | 'table'): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ asOf, models: results }, null, 2)}\n`);
    return;
  }
  const t = makeTable(['store', 'model', 'id', 'customers', 'result']);
  for (const r of results) t.push([r.storeId === NETWORK ? 'network' : r.storeId, r.kind, r.id ?? '–', r.customers, r.reason ?? describeMetrics(r.metrics)]);
  process.stdout.write(`models fitted as of ${asOf}\n${t.toString()}\n`);
}

function describeMetrics(metrics: unknown): string {
  const m = metrics as { logLik?: number; backtest?: { auc: number | null; brier: number } | null };
  if (m.logLik !== undefined) return `log-likelihood ${m.logLik.toFixed(1)}`;
  if (m.backtest) return `back-test AUC ${m.backtest.auc?.toFixed(3) ?? '–'}, Brier ${m.backtest.brier.toFixed(4)}`;
  return 'fitted (no back-test: too little history)';
}
