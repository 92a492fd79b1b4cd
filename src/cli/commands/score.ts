import type { Command } from 'commander';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant, type Day } from '../../domain/dates.js';
import { getActivePolicy } from '../../engine/active-policy.js';
import { scoreCustomers } from '../../engine/score-customers.js';
import { globalOptions, withDb } from '../context.js';
import { loadPolicyFile } from '../load-policy-file.js';
import { asDay } from '../parse-args.js';
import { printOutcome } from '../print-outcome.js';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('evaluate every customer (of one store, or all) as of a date, store the snapshots and move the warnings')
    .option('--as-of <date>', 'the evaluation date (default: today in Asia/Shanghai)', asDay)
    .option('--store <id>', 'only this store')
    .option('--policy <file>', 'a policy document (YAML or JSON) instead of the one in force')
    .action(async (opts: { asOf?: Day; store?: string; policy?: string }, cmd: Command) => {
      const started = Date.now();
      const now = new Date();
      const asOf = opts.asOf ?? localDayOfInstant(now.getTime(), DEFAULT_TIME_ZONE);
      const outcome = await withDb(globalOptions(cmd), async (db) =>
        scoreCustomers(db, {
          asOf,
          now,
          policy: opts.policy ? loadPolicyFile(opts.policy) : await getActivePolicy(db),
          ...(opts.store ? { storeId: opts.store } : {}),
        }),
      );
      process.stdout.write(`evaluated as of ${formatDay(asOf)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      printOutcome(outcome);
    });
}
