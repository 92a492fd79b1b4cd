import type { Command } from 'commander';
import { activatePolicy, getActivePolicy } from '../../engine/active-policy.js';
import { globalOptions, withDb } from '../context.js';
import { loadPolicyFile } from '../load-policy-file.js';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('the scoring policy: show, check, activate');
  policy
    .command('show')
    .description('print the policy in force as JSON')
    .action(async (_o: unknown, cmd: Command) => {
      const current = await withDb(globalOptions(cmd), (db) => getActivePolicy(db));
      process.stdout.write(`${JSON.stringify(current, null, 2)}\n`);
    });
  policy
    .command('check')
    .description('validate a policy document (YAML or JSON) without changing anything')
    .argument('<file>')
    .action((file: string) => {
      const p = loadPolicyFile(file);
      process.stdout.write(`${file}: valid (version ${p.version})\n`);
    });
  policy
    .command('activate')
    .description('validate a policy document and make it the one in force (its version must be new or identical)')
    .argument('<file>')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const p = loadPolicyFile(file);
      await withDb(globalOptions(cmd), (db) => activatePolicy(db, p, new Date()));
      process.stdout.write(`policy ${p.version} is now in force; run \`retain score\` to re-evaluate\n`);
    });
}
