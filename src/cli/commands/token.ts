import type { Command } from 'commander';
import { createApiToken } from '../../store/api-tokens.js';
import { globalOptions, withDb } from '../context.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token (printed once; only its hash is stored)')
    .requiredOption('--name <name>', 'who or what uses the token, e.g. dms-sync')
    .action(async (opts: { name: string }, cmd: Command) => {
      const value = await withDb(globalOptions(cmd), (db) => createApiToken(db, opts.name, new Date()));
      process.stdout.write(`${value}\n`);
    });
}
