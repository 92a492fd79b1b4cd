import { formatDay, type Day } from '../domain/dates.js';
import type { CustomerFacts } from '../domain/evaluation.js';
import { compactHistory } from '../domain/state/compact-history.js';
import { copyField } from '../store/copy-text.js';
import { stateRecordsText } from '../store/customer-state.js';

/** A compacted state is thinned again after this long: each time, about a month of old events goes. */
const AGAIN_AFTER_DAYS = 28;
/** Fewer events than this are not worth rewriting a compacted state for. */
const WORTH_REWRITING = 16;

/**
 * The line of saveStates' COPY text (id, the revision read, compacted_to, records or \N) that
 * brings a customer's state up to date, or '' where that is not worth a write. A state rebuilt
 * from the log, or long and never compacted, is always written; a compacted one once a month
 * if enough of it goes.
 */
export function compactState(
  c: Pick<CustomerFacts, 'customer' | 'events' | 'timeZone'> & { revision: number; compactedTo: Day | null; fromLog: boolean },
  cutoff: Day,
): string {
  // A short state that was never compacted serves every date and policy as it is.
  if (!c.fromLog && c.events.length < WORTH_REWRITING) return '';
  const fresh = c.fromLog || c.compactedTo === null;
  if (!fresh && cutoff - c.compactedTo! < AGAIN_AFTER_DAYS) return '';
  const kept = compactHistory(c.events, c.timeZone, cutoff);
  const worth = c.fromLog || c.events.length - kept.length >= Math.max(WORTH_REWRITING, c.events.length / 4);
  if (!fresh && !worth) return '';
  // Never compacted and little to thin: only the cutoff is written (\N keeps the records), so
  // that the state is not looked at again for a month. Saying more may be missing than is, is safe.
  return `${copyField(c.customer.id)}\t${c.revision}\t${formatDay(cutoff)}\t${worth ? copyField(stateRecordsText(kept)) : '\\N'}\n`;
}
