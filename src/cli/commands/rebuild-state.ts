import type { Command } from 'commander';
import { rebuildStates } from '../../store/customer-state.js';
import { globalOptions, withDb } from '../context.js';

export function registerRebuildState(program: Command): void {
  program
    .command('rebuild-state')
    .description("rebuild every customer's state from the event log (the next evaluation run compacts it)")
    .action(async (_opts: unknown, cmd: Command) => {
      const started = process.hrtime.bigint();
      const customers = await withDb(globalOptions(cmd), (db) => rebuildStates(db));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(`rebuilt the state of ${customers.toLocaleString('en')} customers from the event log in ${seconds.toFixed(1)} s\n`);
    });
}
