import type { RetentionSettings } from './settings-schema.js';
import type { WarningLevel } from './vocabulary.js';

/** One customer recovered in the month, credited to the staff member who won them back. */
export interface Recovery {
  staffId: string;
  staffName: string;
  customerId: string;
  /** The warning level they were recovered from. */
  level: WarningLevel;
}

export interface StaffIncentive {
  staffId: string;
  staffName: string;
  recovered: { yellow: number; orange: number; red: number };
  total: number;
  reward: number;
  topRecoverer: boolean;
}

/**
 * programs.md §11: rewards per customer recovered by warning level (¥50 yellow, ¥100 orange,
 * ¥200 red by default) and the month's top recoverer (¥1000): most recoveries, then the
 * higher-level work (more reward), then the staff id so a tie is decided the same way every time.
 * A customer counts once per staff member; green recoveries (nothing to recover) earn nothing.
 */
export function computeIncentives(recoveries: readonly Recovery[], settings: RetentionSettings['incentives']): StaffIncentive[] {
  const byStaff = new Map<string, StaffIncentive & { seen: Set<string> }>();
  for (const r of recoveries) {
    if (r.level === 'green') continue;
    const s = byStaff.get(r.staffId) ?? {
      staffId: r.staffId, staffName: r.staffName, recovered: { yellow: 0, orange: 0, red: 0 }, total: 0, reward: 0, topRecoverer: false, seen: new Set<string>(),
    };
    if (s.seen.has(r.customerId)) continue;
    s.seen.add(r.customerId);
    s.recovered[r.level]++;
    s.total++;
    s.reward += settings.perRecovery[r.level];
    byStaff.set(r.staffId, s);
  }
  const list = [...byStaff.values()].map(({ seen: _seen, ...s }) => s);
  list.sort((a, b) => b.total - a.total || b.reward - a.reward || (a.staffId < b.staffId ? -1 : 1));
  if (list[0]) {
    list[0].topRecoverer = true;
    list[0].reward += settings.topRecoverer;
  }
  return list;
}
