import { Command, CommanderError } from 'commander';
import { registerBacktest } from './commands/backtest.js';
import { registerCampaign } from './commands/campaign.js';
import { registerDemo } from './commands/demo.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerFit } from './commands/fit.js';
import { registerGenerate } from './commands/generate.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerPolicy } from './commands/policy.js';
import { registerPrograms } from './commands/programs.js';
import { registerRebuildState } from './commands/rebuild-state.js';
import { registerReview } from './commands/review.js';
import { registerScore } from './commands/score.js';
import { registerScripts } from './commands/scripts.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerStaff } from './commands/staff.js';
import { registerTasks } from './commands/tasks.js';
import { registerToken } from './commands/token.js';
import { registerWorker } from './commands/worker.js';
import { DEFAULT_DATA_DIR, UsageError } from './context.js';

const program = new Command('retain')
  .description('Retain — churn early warning and retention for EV service centers')
  .option('--database-url <url>', 'PostgreSQL server (default: $DATABASE_URL, else the embedded database)', process.env.DATABASE_URL)
  .option('--data-dir <dir>', 'folder of the embedded database', process.env.RETAIN_DATA_DIR ?? DEFAULT_DATA_DIR)
  .option('--db-schema <name>', 'database schema to use (default: $RETAIN_DB_SCHEMA, else public)', process.env.RETAIN_DB_SCHEMA)
  .showHelpAfterError()
  .exitOverride();

for (const register of [
  registerDemo, registerImport, registerEvaluate, registerScore, registerServe,
  registerToken, registerStaff, registerPolicy, registerGenerate, registerMigrate, registerRebuildState,
  registerFit, registerBacktest,
  registerSimulate, registerWorker,
  registerCampaign, registerReview,
  registerTasks, registerPrograms, registerScripts,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
