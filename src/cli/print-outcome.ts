import { makeTable } from './table.js';
import type { StoreOutcome } from '../engine/evaluate-and-store.js';

/** The level distribution and the warning changes of an evaluation run. */
export function printOutcome(outcome: StoreOutcome): void {
  const levels = makeTable(['level', 'customers', 'share']);
  for (const [level, n] of Object.entries(outcome.levels)) {
    levels.push([level, n, outcome.customers ? `${((100 * n) / outcome.customers).toFixed(1)} %` : '–']);
  }
  levels.push(['total', outcome.customers, '']);
  process.stdout.write(`${levels.toString()}\n`);
  const w = outcome.warnings;
  process.stdout.write(`warnings: ${w.opened} opened, ${w.raised} raised, ${w.lowered} lowered, ${w.closed} closed\n`);
}
