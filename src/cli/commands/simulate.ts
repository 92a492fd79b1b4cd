import { existsSync, statSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { isIsoDateOrTimestamp } from '../../domain/dates.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { simulate, SimulateInputError } from '../../engine/programs/simulate.js';
import { UsageError } from '../context.js';
import { loadPolicyFile } from '../load-policy-file.js';
import { loadProgramsFile } from '../load-programs-file.js';

interface SimulateOptions {
  data: string;
  from: string;
  to: string;
  policy?: string;
  programs?: string;
  format: 'json';
}

function asTime(value: string): string {
  if (!isIsoDateOrTimestamp(value)) throw new InvalidArgumentError(`"${value}" is not an ISO 8601 date or timestamp.`);
  return value;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('replay a folder of data files through evaluation, warnings, programs, tasks and the outbox on a throw-away store; prints every action in time order')
    .requiredOption('--data <dir>', 'folder with stores, staff, customers, vehicles and events files (JSONL or CSV)')
    .requiredOption('--from <time>', 'start of the replay (ISO date or timestamp; without offset: store time)', asTime)
    .requiredOption('--to <time>', 'end of the replay (a bare date includes that whole day)', asTime)
    .option('--policy <file>', 'policy document (YAML or JSON); default: the shipped default policy')
    .option('--programs <file>', 'program document (YAML or JSON); default: the shipped presets')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .action(async (opts: SimulateOptions) => {
      if (!existsSync(opts.data) || !statSync(opts.data).isDirectory()) throw new UsageError(`--data ${opts.data}: no such folder`);
      const policy = opts.policy ? loadPolicyFile(opts.policy) : defaultPolicy();
      const programs = opts.programs ? loadProgramsFile(opts.programs) : undefined;
      let result;
      try {
        result = await simulate({ dataDir: opts.data, from: opts.from, to: opts.to, policy, ...(programs ? { programs } : {}) });
      } catch (err) {
        if (err instanceof SimulateInputError) throw new UsageError(err.message);
        throw err;
      }
      const { problems, ...document } = result;
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      for (const e of problems) process.stderr.write(`${e.file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.reason}\n`);
      if (problems.length > 0) {
        process.stderr.write(`${problems.length} problem(s) in the data files; those records were left out\n`);
        process.exitCode = 1;
      }
    });
}
