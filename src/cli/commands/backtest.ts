import { Option, type Command } from 'commander';
import type { Day } from '../../domain/dates.js';
import { BacktestWindowError, backtestPolicy } from '../../engine/backtest-policy.js';
import type { PolicyBacktest } from '../../engine/backtest-stores.js';
import type { PrecisionRecall } from '../../prediction/metrics.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { loadPolicyFile } from '../load-policy-file.js';
import { asDay, asPositiveInt } from '../parse-args.js';
import { makeTable } from '../table.js';

interface BacktestOptions {
  asOf?: Day;
  policy?: string;
  store?: string;
  horizon: number;
  format: 'json' | 'table';
}

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('as of a past date, how well the warning levels (and the churn model) foresaw who was lost in the following days')
    .option('--as-of <date>', 'the past date (default: the last day with data minus the horizon)', asDay)
    .option('--policy <file>', 'a draft policy document (YAML or JSON) instead of the one in force')
    .option('--store <id>', 'only this store')
    .option('--horizon <days>', 'lost = no visit within this many days', asPositiveInt, 180)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (opts: BacktestOptions, cmd: Command) => {
      const policy = opts.policy ? loadPolicyFile(opts.policy) : undefined;
      const report = await withDb(globalOptions(cmd), async (db) => {
        try {
          return await backtestPolicy(db, {
            horizonDays: opts.horizon,
            ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
            ...(policy ? { policy } : {}),
            ...(opts.store ? { storeId: opts.store } : {}),
          });
        } catch (err) {
          if (err instanceof BacktestWindowError || (err instanceof RangeError && /no store/.test(err.message))) throw new UsageError(err.message);
          throw err;
        }
      });
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printBacktest(report);
    });
}

const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)} %`);
const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));
const pr = (p: PrecisionRecall) => [p.flagged, pct(p.precision), pct(p.recall)];

function printBacktest(r: PolicyBacktest): void {
  process.stdout.write(
    `back-test as of ${r.asOf}, policy ${r.policyVersion}: ${r.customers} customers, ${r.lost} lost within ${r.horizonDays} days (${pct(r.lostRate)})\n`,
  );
  const levels = makeTable(['level', 'customers', 'lost', 'precision (lost share)', 'recall (of all lost)']);
  for (const [level, o] of Object.entries(r.rules.levels)) levels.push([level, o.customers, o.lost, pct(o.precision), pct(o.recall)]);
  process.stdout.write(`${levels.toString()}\n`);
  const side = makeTable(['', 'rules', 'churn model']);
  const c = r.churnModel;
  const rules = c ? c.rulesOnTheseCustomers : r.rules;
  side.push(['customers compared', c ? c.customers : r.customers, c ? c.customers : '–']);
  side.push(['AUC', num(rules.riskScoreAuc), c ? num(c.auc) : '–']);
  side.push(['Brier score', '–', c ? `${num(c.brier, 4)} (base rate ${num(c.baseRateBrier, 4)})` : '–']);
  const [rf, rp, rr] = pr(rules.red);
  side.push(['red: flagged / precision / recall', `${rf} / ${rp} / ${rr}`, c ? pr(c.red).join(' / ') : '–']);
  const [of, op, or] = pr(rules.orangeOrRed);
  side.push(['orange+red: flagged / precision / recall', `${of} / ${op} / ${or}`, c ? pr(c.orangeOrRed).join(' / ') : '–']);
  process.stdout.write(`${side.toString()}\n`);
  if (!c) process.stdout.write('churn model: not enough history before this date to train one\n');
  else {
    const cal = makeTable(['predicted', 'customers', 'mean predicted', 'observed']);
    for (const b of c.calibration) if (b.count > 0) cal.push([`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, b.count, pct(b.meanPredicted), pct(b.observedRate)]);
    process.stdout.write(`churn model calibration\n${cal.toString()}\n`);
  }
}
