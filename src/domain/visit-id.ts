import type { EventOf } from './records.js';

/**
 * The visit a check-in or visit event is about. A visit without a `visitId` (a DMS export with no
 * check-ins) is its own visit: its event id is unique per source, so it stands in.
 */
export function visitIdOf(e: EventOf<'checkin'> | EventOf<'visit'>): string {
  return e.visitId ?? e.id;
}
