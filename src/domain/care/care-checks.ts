import type { CarePolicy } from './care-schema.js';

type Issue = (path: (string | number)[], message: string) => void;

/** What the field schemas of the care section cannot see. */
export function careChecks(c: CarePolicy, issue: Issue): void {
  const seen = new Set<string>();
  c.holidays.forEach((h, i) => {
    if (seen.has(h.id)) issue(['care', 'holidays', i, 'id'], `duplicate holiday id "${h.id}"`);
    seen.add(h.id);
    const dates = new Set<string>();
    h.dates.forEach((d, j) => {
      if (dates.has(d)) issue(['care', 'holidays', i, 'dates', j], `"${d}" is listed twice`);
      dates.add(d);
    });
  });
  c.moments.mileageMilestonesKm.forEach((km, i, all) => {
    if (i > 0 && km <= all[i - 1]!) issue(['care', 'moments', 'mileageMilestonesKm', i], `must be above ${all[i - 1]} (milestones rise)`);
  });
  for (const key of ['contactLevels', 'contactLifecycles'] as const) {
    const values = c[key] as readonly string[];
    values.forEach((v, i) => {
      if (values.indexOf(v) !== i) issue(['care', key, i], `"${v}" is listed twice`);
    });
  }
}
