import type { Command } from 'commander';
import { VersionConflictError, activateLibrary, getActiveLibrary } from '../../engine/active-library.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { loadLibraryFile } from '../load-library-file.js';

/** `retain scripts`: the script library (话术库) and message templates in force: show, check, activate. */
export function registerScripts(program: Command): void {
  const scripts = program.command('scripts').description('the script library and message templates: show, check, activate');
  scripts
    .command('show')
    .description('print the library in force (scripts and templates) as JSON')
    .action(async (_o: unknown, cmd: Command) => {
      const library = await withDb(globalOptions(cmd), (db) => getActiveLibrary(db));
      process.stdout.write(`${JSON.stringify(library, null, 2)}\n`);
    });
  scripts
    .command('check')
    .description('validate a library document (YAML or JSON) without changing anything')
    .argument('<file>')
    .action((file: string) => {
      const library = loadLibraryFile(file);
      process.stdout.write(`${file}: valid (version ${library.version}, ${library.scripts.length} scripts, ${library.templates.length} templates)\n`);
    });
  scripts
    .command('activate')
    .description('validate a library document and put it in force (its version must be new or identical)')
    .argument('<file>')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const library = loadLibraryFile(file);
      await withDb(globalOptions(cmd), async (db) => {
        try {
          await activateLibrary(db, library, new Date(), 'cli');
        } catch (err) {
          throw err instanceof VersionConflictError ? new UsageError(`${file}: version: ${err.message}`) : err;
        }
      });
      process.stdout.write(`script library ${library.version} is now in force\n`);
    });
}
