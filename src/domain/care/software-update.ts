import { formatDay } from '../dates.js';
import type { Timeline } from '../features/timeline.js';
import type { CareMoment } from './care-result.js';

/**
 * A software update worth a visit (a `software_update` event with `visitRecommended`), open for
 * `days` after it arrived until the customer visits. A repeated update id is one update: its
 * latest event counts.
 */
export function softwareUpdateMoments(t: Timeline, days: number): CareMoment[] {
  const lastVisit = t.of('visit').at(-1)?.seq ?? -1;
  const latest = new Map<string, (typeof updates)[number]>();
  const updates = t.of('software_update');
  for (const u of updates) latest.set(u.e.updateId, u);
  const out: CareMoment[] = [];
  for (const u of latest.values()) {
    if (!u.e.visitRecommended || u.seq < lastVisit || t.asOf - u.day > days) continue;
    out.push({
      key: `software_update:${u.e.updateId}`, moment: 'software_update', day: formatDay(u.day),
      facts: { updateId: u.e.updateId, ...(u.e.title ? { updateTitle: u.e.title } : {}), ...(u.e.version ? { updateVersion: u.e.version } : {}), ...(u.e.vin ? { vin: u.e.vin } : {}) },
    });
  }
  return out;
}
