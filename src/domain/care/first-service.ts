import { formatDay, parseDay } from '../dates.js';
import { vehicleMaintenanceDue } from '../features/maintenance-due.js';
import type { Timeline } from '../features/timeline.js';
import type { Vehicle } from '../records.js';
import type { CareMoment } from './care-result.js';

/**
 * A car's first service (no maintenance visit since delivery) coming due: from `leadDays` before
 * its due day to the day itself, the due day being that of scoring's maintenance due for this car.
 * After it, the customer is overdue and the maintenance chase takes over.
 */
export function firstServiceMoments(vehicles: readonly Vehicle[], t: Timeline, leadDays: number, lookbackDays: number): CareMoment[] {
  const out: CareMoment[] = [];
  for (const v of vehicles) {
    if (parseDay(v.deliveredAt) > t.asOf) continue;
    const d = vehicleMaintenanceDue(v, t, lookbackDays);
    if (d.serviced || d.due === null || t.asOf < d.due - leadDays || t.asOf > d.due) continue;
    out.push({ key: `first_service:${v.vin}`, moment: 'first_service_due', day: formatDay(d.due), facts: { vin: v.vin, firstServiceDue: formatDay(d.due), ...(v.model ? { vehicleModel: v.model } : {}) } });
  }
  return out;
}
