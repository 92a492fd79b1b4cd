import { existsSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { Day } from '../../domain/dates.js';
import { evaluateCustomers } from '../../domain/evaluate-customer.js';
import { stateOfFacts } from '../../domain/state/compact-history.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import type { Lang } from '../../domain/evaluation.js';
import { readFactsFromFiles } from '../../ingest/read-facts-from-files.js';
import { UsageError } from '../context.js';
import { loadPolicyFile } from '../load-policy-file.js';
import { asDay } from '../parse-args.js';
import { printEvaluationTable } from '../print-evaluation-table.js';

interface EvaluateOptions {
  data: string;
  asOf: Day;
  policy?: string;
  format: 'json' | 'table';
  lang: Lang;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('evaluate every customer in a folder of data files as of a date, without a database; prints the evaluation record')
    .requiredOption('--data <dir>', 'folder with stores, customers, vehicles and events files (JSONL or CSV)')
    .requiredOption('--as-of <date>', 'the evaluation date, YYYY-MM-DD', asDay)
    .option('--policy <file>', 'policy document (YAML or JSON); default: the shipped default policy')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'))
    .addOption(new Option('--lang <lang>', 'language of the reasons').choices(['zh-CN', 'en']).default('zh-CN'))
    .action(async (opts: EvaluateOptions) => {
      if (!existsSync(opts.data) || !statSync(opts.data).isDirectory()) throw new UsageError(`--data ${opts.data}: no such folder`);
      const policy = opts.policy ? loadPolicyFile(opts.policy) : defaultPolicy();
      const { facts, errors } = await readFactsFromFiles(opts.data);
      for (const e of errors) process.stderr.write(`${e.file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.reason}\n`);
      // From the state the database would keep for this date: one implementation of what it reads.
      const record = evaluateCustomers(facts.map((f) => stateOfFacts(f, policy, opts.asOf)), policy, opts.asOf, { lang: opts.lang });
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
      else printEvaluationTable(record);
      if (errors.length > 0) {
        process.stderr.write(`${errors.length} problem(s) in the data files; those records were left out\n`);
        process.exitCode = 1;
      }
    });
}
