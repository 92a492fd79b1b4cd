import type { Command } from 'commander';
import { activatePrograms, getActivePrograms } from '../../engine/programs/index.js';
import { VersionConflictError } from '../../store/versioned-documents.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { loadProgramsFile } from '../load-programs-file.js';

/** `retain programs`: the program document (programs.md) in force, checked and activated like the policy. */
export function registerPrograms(program: Command): void {
  const programs = program.command('programs').description('the programs (cadences, tasks, escalations): show, check, activate');
  programs
    .command('show')
    .description('print the program document in force as JSON')
    .action(async (_o: unknown, cmd: Command) => {
      const doc = await withDb(globalOptions(cmd), (db) => getActivePrograms(db));
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    });
  programs
    .command('check')
    .description('validate a program document (YAML or JSON) without changing anything')
    .argument('<file>')
    .action((file: string) => {
      const doc = loadProgramsFile(file);
      process.stdout.write(`${file}: valid (version ${doc.version}, ${doc.programs.length} programs)\n`);
    });
  programs
    .command('activate')
    .description('validate a program document and put it in force (its version must be new or identical); runs already started keep theirs')
    .argument('<file>')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const doc = loadProgramsFile(file);
      await withDb(globalOptions(cmd), async (db) => {
        try {
          await activatePrograms(db, doc, new Date(), 'cli');
        } catch (err) {
          throw err instanceof VersionConflictError ? new UsageError(`${file}: version: ${err.message}`) : err;
        }
      });
      process.stdout.write(`programs ${doc.version} are now in force\n`);
    });
}
