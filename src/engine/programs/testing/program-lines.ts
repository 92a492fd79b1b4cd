import { defaultPolicy } from '../../../domain/policy/default-policy.js';
import type { Db } from '../../../store/db.js';
import { listActions, type PrintedAction } from '../list-actions.js';
import { simulate } from '../simulate.js';
import { contractProblems } from './contract.js';
import { line } from './drive.js';

export interface Only {
  /** Programs whose tasks are kept (with their escalations and closes). */
  programs: string[];
  /** Message purposes whose queued/sent/held/blocked lines are kept. */
  purposes?: string[];
  customerId?: string;
}

/**
 * The lines of some programs only. A scenario's customer is also under a warning (a signal, a
 * silent level, R itself raise one), whose work the early-warning tests cover; its tasks would
 * shift the ids. So task ids are numbered `#1…` by first appearance among the kept lines.
 */
export function onlyLines(actions: PrintedAction[], only: Only): string[] {
  const ids = new Map<string, string>();
  const rename = (id: string) => ids.get(id) ?? ids.set(id, `#${ids.size + 1}`).get(id)!;
  const kept: string[] = [];
  for (const action of actions) {
    const a = action as PrintedAction & Record<string, string>;
    if (only.customerId !== undefined && a.customerId !== only.customerId) continue;
    if (a.kind === 'task_created' && only.programs.includes(a['program']!)) kept.push(line({ ...a, taskId: rename(a['taskId']!) } as PrintedAction));
    else if (a.kind === 'task_escalated' && ids.has(a['taskId']!)) {
      kept.push(line({ ...a, taskId: rename(a['taskId']!), newTaskId: rename(a['newTaskId']!) } as PrintedAction));
    } else if (a.kind === 'task_closed' && ids.has(a['taskId']!)) kept.push(line({ ...a, taskId: rename(a['taskId']!) } as PrintedAction));
    else if (a.kind.startsWith('message_') && (only.purposes ?? []).includes(a['purpose']!)) kept.push(line(a));
  }
  return kept;
}

export async function programLines(db: Db, only: Only): Promise<string[]> {
  return onlyLines(await listActions(db), only);
}

/** `retain simulate` over a fixture folder with the shipped presets; the output is held to the §14 contract first. */
export async function replay(dataDir: string, from: string, to: string): Promise<PrintedAction[]> {
  const result = await simulate({ dataDir, from, to, policy: defaultPolicy() });
  if (result.problems.length > 0) throw new Error(`replay data problems: ${JSON.stringify(result.problems)}`);
  const broken = result.actions.flatMap((a) => contractProblems(a));
  if (broken.length > 0) throw new Error(`replay output breaks the contract: ${broken.join('; ')}`);
  const ats = result.actions.map((a) => Date.parse(a.at));
  if (ats.some((t, i) => i > 0 && t < ats[i - 1]!)) throw new Error('replay actions are not in time order');
  return result.actions;
}
