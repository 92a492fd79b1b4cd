import type { Notice } from '../../domain/records.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { Db } from '../../store/db.js';
import { GONE, loadCustomerContexts } from './customer-context.js';
import { EVENT_WINDOW_DAYS } from './react-to-events.js';
import { startProgramsFor } from './start-programs.js';
import { isoInZone } from './store-time.js';

export interface DueNotice {
  id: string;
  store_id: string;
  at: Date;
  record: Notice;
}

const PAGE = 1000;

/**
 * A store notice whose time came (row locked by the caller): every customer of the store who may
 * still be written to starts the programs of the `bad_weather` care moment, keyed by the notice so
 * that it reaches each customer once. The messages then pass the outbox like any other — consent,
 * quiet hours and the frequency cap decide when, or whether, each goes. A notice that was already
 * a week old when it arrived (imported history) is recorded as announced to nobody.
 */
export async function announceNotice(db: Db, n: DueNotice, doc: ProgramDocument, now: Date): Promise<void> {
  let recipients = 0;
  if (now.getTime() - n.at.getTime() <= EVENT_WINDOW_DAYS * 86_400_000) {
    const ids = (await db.query<{ id: string }>('SELECT id FROM customers WHERE store_id = $1 ORDER BY id', [n.store_id])).map((r) => r.id);
    const facts = { noticeTitle: n.record.title };
    for (let i = 0; i < ids.length; i += PAGE) {
      const contexts = await loadCustomerContexts(db, ids.slice(i, i + PAGE));
      const triggers = [...contexts.values()]
        .filter((ctx) => !ctx.doNotContact && !(ctx.lifecycle !== null && GONE.has(ctx.lifecycle)))
        .map((ctx) => ({ ctx, trigger: {
          happening: { kind: 'care' as const, moment: 'bad_weather' as const }, triggerKey: `notice:${n.id}`, scope: 'other' as const,
          at: isoInZone(n.at, ctx.timeZone), facts,
        } }));
      recipients += await startProgramsFor(db, doc, triggers, now);
    }
  }
  await db.query('UPDATE store_notices SET announced_at = $2, recipients = $3 WHERE id = $1', [n.id, now, recipients]);
}
