import { describe, expect, it } from 'vitest';
import type { Features } from './evaluation.js';
import { computeFeatures } from './features/compute-features.js';
import { buildTimeline } from './features/timeline.js';
import { defaultPolicy } from './policy/default-policy.js';
import { evaluateSignals } from './signals.js';
import { AS_OF, facts, features } from './testing/facts-builder.js';

const policy = defaultPolicy();
const empty = buildTimeline([], 'Asia/Shanghai', AS_OF);
const fired = (over: Partial<Features>) => evaluateSignals({ features: features(over), timeline: empty }, policy.signals).map((s) => s.id);

describe('the ten signals (§2)', () => {
  it('1 maintenance_overdue_unanswered: overdue ≥ 7 and (≥ 3 unanswered reminders or a refusal)', () => {
    expect(fired({ overdueDays: 7, remindersUnanswered: 3 })).toEqual(['maintenance_overdue_unanswered']);
    expect(fired({ overdueDays: 7, refusedToBook: true })).toEqual(['maintenance_overdue_unanswered']);
    expect(fired({ overdueDays: 6, remindersUnanswered: 5 })).toEqual([]);
    expect(fired({ overdueDays: 30, remindersUnanswered: 2 })).toEqual([]);
  });

  it('2 nps_drop: a drop of 2 or more, or the two latest both ≤ 7', () => {
    expect(fired({ lastNps: 8, prevNps: 10 })).toEqual(['nps_drop']);
    expect(fired({ lastNps: 9, prevNps: 10 })).toEqual([]);
    expect(fired({ lastNps: 7, prevNps: 7 })).toEqual(['nps_drop']);
    expect(fired({ lastNps: 7, prevNps: 8 })).toEqual([]);
    expect(fired({ lastNps: 3, prevNps: null })).toEqual([]);
  });

  it('3 appointment_cancelled: a cancellation in the last 30 days, or ≥ 3 reschedules', () => {
    const at = (daysAgo: number) => {
      const fs = computeFeatures(facts().event('appointment_cancelled', daysAgo, {}).build(), policy, AS_OF);
      return evaluateSignals(fs, policy.signals).map((s) => s.id);
    };
    expect(at(29)).toEqual(['appointment_cancelled']);
    expect(at(30)).toEqual([]);
    expect(fired({ reschedules90: 3 })).toEqual(['appointment_cancelled']);
    expect(fired({ reschedules90: 2, cancellations90: 1 })).toEqual([]);
  });

  it('4 app_inactive: app account and no login in 30 days, or a high baseline and fewer than 3', () => {
    expect(fired({ hasApp: true, appLogins30: 0 })).toEqual(['app_inactive']);
    expect(fired({ hasApp: false, appLogins30: 0 })).toEqual([]);
    expect(fired({ hasApp: true, appLogins30: 2, appBaseline: 15 })).toEqual(['app_inactive']);
    expect(fired({ hasApp: true, appLogins30: 3, appBaseline: 15 })).toEqual([]);
    expect(fired({ hasApp: true, appLogins30: 2, appBaseline: 14.9999 })).toEqual([]);
  });

  it('5 complaint_silence at 30 days', () => {
    expect(fired({ complaintSilenceDays: 30 })).toEqual(['complaint_silence']);
    expect(fired({ complaintSilenceDays: 29 })).toEqual([]);
  });

  it('6 value_add_refused at a streak of 3', () => {
    expect(fired({ valueAddDeclineStreak: 3 })).toEqual(['value_add_refused']);
    expect(fired({ valueAddDeclineStreak: 2 })).toEqual([]);
  });

  it('7 basic_only: 3 basic-only visits and a ticket trend ≤ 0.7 or unknown', () => {
    expect(fired({ basicOnlyStreak: 3, ticketTrend: null })).toEqual(['basic_only']);
    expect(fired({ basicOnlyStreak: 3, ticketTrend: 0.7 })).toEqual(['basic_only']);
    expect(fired({ basicOnlyStreak: 3, ticketTrend: 0.7001 })).toEqual([]);
    expect(fired({ basicOnlyStreak: 2, ticketTrend: 0.5 })).toEqual([]);
  });

  it('8 no_activities: invited 3 times, attended none', () => {
    expect(fired({ invited365: 3, attended365: 0 })).toEqual(['no_activities']);
    expect(fired({ invited365: 2, attended365: 0 })).toEqual([]);
    expect(fired({ invited365: 5, attended365: 1 })).toEqual([]);
  });

  it('9 contact_invalid and 10 social_negative', () => {
    expect(fired({ contactInvalid: true })).toEqual(['contact_invalid']);
    expect(fired({ socialNegativeOpen: true })).toEqual(['social_negative']);
  });

  it('reports severity, penalty and the numbers behind each hit, in numbered order', () => {
    const hits = evaluateSignals({ features: features({ socialNegativeOpen: true, lastNps: 6, prevNps: 9 }), timeline: empty }, policy.signals);
    expect(hits).toEqual([
      { id: 'nps_drop', severity: 5, penalty: 30, detail: 'lastNps 6 ≤ prevNps 9 − 2' },
      { id: 'social_negative', severity: 5, penalty: 15, detail: 'socialNegativeOpen' },
    ]);
  });

  it('shows both causes when both hold', () => {
    const [hit] = evaluateSignals({ features: features({ lastNps: 4, prevNps: 7 }), timeline: empty }, policy.signals);
    expect(hit?.detail).toBe('lastNps 4 ≤ prevNps 7 − 2; lastNps 4 ≤ 7, prevNps 7 ≤ 7');
  });

  it('skips a disabled signal and uses the policy thresholds', () => {
    const p = structuredClone(policy);
    p.signals.complaint_silence.enabled = false;
    p.signals.value_add_refused.minStreak = 5;
    const hits = evaluateSignals({ features: features({ complaintSilenceDays: 90, valueAddDeclineStreak: 4 }), timeline: empty }, p.signals);
    expect(hits).toEqual([]);
  });
});
