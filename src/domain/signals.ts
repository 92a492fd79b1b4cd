import { formatDay } from './dates.js';
import type { Features, SignalHit } from './evaluation.js';
import type { FeatureSet } from './features/compute-features.js';
import { within, type Timeline } from './features/timeline.js';
import { comparison } from './notation.js';
import type { SignalsPolicy } from './policy/signals-schema.js';
import { signalIds, type SignalId } from './signal-ids.js';

type Check<K extends SignalId> = (f: Features, p: SignalsPolicy[K], t: Timeline) => string | null;

/** Each check returns the numbers that made the signal fire, or null when it does not fire. */
const checks: { [K in SignalId]: Check<K> } = {
  maintenance_overdue_unanswered: (f, p) => {
    if (f.overdueDays === null || f.overdueDays < p.minOverdueDays) return null;
    const why = [
      f.remindersUnanswered >= p.minRemindersUnanswered ? comparison('remindersUnanswered', f.remindersUnanswered, '>=', p.minRemindersUnanswered) : null,
      f.refusedToBook ? 'refusedToBook' : null,
    ].filter((x) => x !== null);
    return why.length ? [comparison('overdueDays', f.overdueDays, '>=', p.minOverdueDays), ...why].join(', ') : null;
  },
  nps_drop: (f, p) => {
    if (f.lastNps === null || f.prevNps === null) return null;
    const why = [
      f.lastNps <= f.prevNps - p.minDrop ? `lastNps ${f.lastNps} ≤ prevNps ${f.prevNps} − ${p.minDrop}` : null,
      f.lastNps <= p.bothAtMost && f.prevNps <= p.bothAtMost
        ? `${comparison('lastNps', f.lastNps, '<=', p.bothAtMost)}, ${comparison('prevNps', f.prevNps, '<=', p.bothAtMost)}`
        : null,
    ].filter((x) => x !== null);
    return why.length ? why.join('; ') : null;
  },
  appointment_cancelled: (f, p, t) => {
    // Its own window (30 days by default), not the 90 days of cancellations90.
    const cancelled = t.of('appointment_cancelled').at(-1)?.day;
    const why = [
      cancelled !== undefined && within(cancelled, t.asOf, p.cancelledWithinDays)
        ? `cancelled ${formatDay(cancelled)} (${t.asOf - cancelled} days ago < ${p.cancelledWithinDays})`
        : null,
      f.reschedules90 >= p.minReschedules90 ? comparison('reschedules90', f.reschedules90, '>=', p.minReschedules90) : null,
    ].filter((x) => x !== null);
    return why.length ? why.join('; ') : null;
  },
  app_inactive: (f, p) => {
    if (!f.hasApp) return null;
    if (f.appLogins30 === 0) return 'hasApp, appLogins30 0 = 0';
    if (f.appBaseline >= p.minBaseline && f.appLogins30 < p.belowLogins30) {
      return `hasApp, ${comparison('appBaseline', f.appBaseline, '>=', p.minBaseline)}, ${comparison('appLogins30', f.appLogins30, '<', p.belowLogins30)}`;
    }
    return null;
  },
  complaint_silence: (f, p) =>
    f.complaintSilenceDays !== null && f.complaintSilenceDays >= p.minSilenceDays
      ? comparison('complaintSilenceDays', f.complaintSilenceDays, '>=', p.minSilenceDays)
      : null,
  value_add_refused: (f, p) =>
    f.valueAddDeclineStreak >= p.minStreak ? comparison('valueAddDeclineStreak', f.valueAddDeclineStreak, '>=', p.minStreak) : null,
  basic_only: (f, p) => {
    if (f.basicOnlyStreak < p.minStreak) return null;
    if (f.ticketTrend !== null && f.ticketTrend > p.maxTicketTrend) return null;
    const trend = f.ticketTrend === null ? 'ticketTrend null' : comparison('ticketTrend', f.ticketTrend, '<=', p.maxTicketTrend);
    return `${comparison('basicOnlyStreak', f.basicOnlyStreak, '>=', p.minStreak)}, ${trend}`;
  },
  no_activities: (f, p) =>
    f.invited365 >= p.minInvited && f.attended365 <= p.maxAttended
      ? `${comparison('invited365', f.invited365, '>=', p.minInvited)}, ${comparison('attended365', f.attended365, '<=', p.maxAttended)}`
      : null,
  contact_invalid: (f) => (f.contactInvalid ? 'contactInvalid' : null),
  social_negative: (f) => (f.socialNegativeOpen ? 'socialNegativeOpen' : null),
};

function check<K extends SignalId>(id: K, fs: FeatureSet, policy: SignalsPolicy): SignalHit | null {
  const p = policy[id];
  if (!p.enabled) return null;
  const detail = checks[id](fs.features, p, fs.timeline);
  return detail === null ? null : { id, severity: p.severity, penalty: p.penalty, detail };
}

/** scoring.md §2: the enabled signals that fire, in their numbered order. */
export function evaluateSignals(fs: FeatureSet, policy: SignalsPolicy): SignalHit[] {
  const hits: SignalHit[] = [];
  for (const id of signalIds) {
    const hit = check(id, fs, policy);
    if (hit) hits.push(hit);
  }
  return hits;
}
