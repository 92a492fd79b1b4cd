import type { Command } from 'commander';
import { migrate } from '../../store/migrate.js';
import { globalOptions, withDb } from '../context.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done on every start)')
    .action(async (_opts: unknown, cmd: Command) => {
      const applied = await withDb(globalOptions(cmd), (db) => migrate(db));
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    });
}
