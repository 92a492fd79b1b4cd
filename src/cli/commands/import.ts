import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { getActivePolicy } from '../../engine/active-policy.js';
import { reevaluateCustomers } from '../../engine/reevaluate-customers.js';
import { importPath } from '../../ingest/import-path.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { printImportSummary } from '../print-import-summary.js';
import { printOutcome } from '../print-outcome.js';
import { progressBar } from '../show-progress.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import a folder or a file of records (JSONL or CSV); exit code 1 when a record was rejected')
    .argument('<path>', 'a folder (stores, staff, customers, vehicles, events files) or one file')
    .option('--strict', 'all or nothing: one transaction, nothing kept if any record is rejected')
    .option('--no-evaluate', 'do not re-evaluate the customers concerned')
    .action(async (path: string, opts: { strict?: boolean; evaluate: boolean }, cmd: Command) => {
      if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
      const rejected = await withDb(globalOptions(cmd), async (db) => {
        const bar = progressBar();
        const now = new Date();
        const summary = await importPath(db, path, { strict: opts.strict ?? false, onProgress: bar.update, now });
        bar.stop();
        printImportSummary(summary);
        if (opts.evaluate && summary.affectedCustomerIds.length > 0) {
          const outcome = await reevaluateCustomers(db, summary.affectedCustomerIds, await getActivePolicy(db), now);
          process.stdout.write(`re-evaluated ${outcome.customers} customers\n`);
          printOutcome(outcome);
        }
        return summary.total.rejected;
      });
      if (rejected > 0) process.exitCode = 1;
    });
}
