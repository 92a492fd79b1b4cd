import { Command, CommanderError } from 'commander';
import { registerDemo } from './commands/demo.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerGenerate } from './commands/generate.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerPolicy } from './commands/policy.js';
import { registerScore } from './commands/score.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { DEFAULT_DATA_DIR, UsageError } from './context.js';

const program = new Command('retain')
  .description('Retain — churn early warning and retention for EV service centers')
  .option('--database-url <url>', 'PostgreSQL server (default: $DATABASE_URL, else the embedded database)', process.env.DATABASE_URL)
  .option('--data-dir <dir>', 'folder of the embedded database', process.env.RETAIN_DATA_DIR ?? DEFAULT_DATA_DIR)
  .showHelpAfterError()
  .exitOverride();

for (const register of [
  registerDemo, registerImport, registerEvaluate, registerScore, registerServe,
  registerToken, registerPolicy, registerGenerate, registerMigrate,
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
