import type { Command } from 'commander';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant, type Day } from '../../domain/dates.js';
import { writeDemoFiles } from '../../demo/write-demo-files.js';
import { asDay, asPositiveInt } from '../parse-args.js';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic service center as import files (deterministic per seed)')
    .requiredOption('--out <dir>', 'folder to write stores/staff/customers/vehicles/events .jsonl into')
    .option('--customers <n>', 'number of customers', asPositiveInt, 5000)
    .option('--stores <n>', 'number of stores', asPositiveInt, 1)
    .option('--seed <n>', 'random seed', asPositiveInt, 42)
    .option('--as-of <date>', 'the last day of the history (default: today)', asDay)
    .action(async (opts: { out: string; customers: number; stores: number; seed: number; asOf?: Day }) => {
      const asOf = formatDay(opts.asOf ?? localDayOfInstant(Date.now(), DEFAULT_TIME_ZONE));
      const counts = await writeDemoFiles(opts.out, { customers: opts.customers, stores: opts.stores, seed: opts.seed, asOf });
      process.stdout.write(`wrote ${JSON.stringify(counts)} to ${opts.out} (history up to ${asOf})\n`);
    });
}
