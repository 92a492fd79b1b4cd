import type { Command } from 'commander';
import { setPassword } from '../../auth/set-password.js';
import { SIGN_IN_RULES } from '../../auth/sign-in-rules.js';
import { getStaffMember } from '../../store/read-staff.js';
import { globalOptions, UsageError, withDb } from '../context.js';

export function registerStaff(program: Command): void {
  const staff = program.command('staff').description('staff sign-in for the web app');
  staff
    .command('password <staffId>')
    .description('set a staff member\'s web password, read from the first line of standard input (lifts a lock-out, ends their sessions)')
    .action(async (staffId: string, _opts: unknown, cmd: Command) => {
      // From stdin, never an argument: a password on the command line ends up in shell history and `ps`.
      const password = (await readFirstLine()).replace(/\r$/, '');
      if (password.length < SIGN_IN_RULES.minPasswordLength) {
        throw new UsageError(`a password needs at least ${SIGN_IN_RULES.minPasswordLength} characters (give it on standard input)`);
      }
      await withDb(globalOptions(cmd), async (db) => {
        if (!(await getStaffMember(db, staffId))) throw new UsageError(`no staff member "${staffId}" (import staff first)`);
        await setPassword(db, staffId, password, new Date(), { by: 'cli' });
      });
      process.stdout.write(`Password set for ${staffId}.\n`);
    });
}

async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}
