import { describe, expect, it } from 'vitest';
import { diffViews, emptyView, sameView, type StoredView } from './diff-views.js';
import type { EvaluationView } from './evaluation-view.js';

const ev = (over: Partial<EvaluationView> = {}): EvaluationView => ({
  healthLevel: null, healthScore: 80, silentLevel: 'green', lifecycle: 'active', recallLevel: null, signals: [], valueTier: 'mid',
  byRecency: false, lastVisitDay: '2024-05-01', returnedAt: null, dissatisfied: false, topValue: false, care: [], ...over,
});
const seen = (over: Partial<StoredView> = {}): StoredView => ({ ...emptyView(), asOf: '2024-05-31', lifecycle: 'active', silentLevel: 'green', ...over });
const day = '2024-06-01';
const summary = (prev: StoredView, next: EvaluationView, w: { id: number; level: 'yellow' | 'orange' | 'red' } | null) =>
  diffViews(prev, next, w && { ...w, reasons: ['r'] }, day).changes.map((c) =>
    c.kind === 'start' ? `start ${c.triggerKey}` : c.kind === 'stop' ? `stop ${c.scope} ${c.reason}` : `${c.kind} ${c.warningId}`);

describe('what an evaluation starts and stops', () => {
  it('a warning starts its level\'s program when opened or raised, never when lowered', () => {
    expect(summary(seen(), ev(), { id: 7, level: 'orange' })).toEqual(['warning_opened 7', 'start warning:7:orange']);
    expect(summary(seen({ warningId: 7, warningLevel: 'orange' }), ev(), { id: 7, level: 'red' })).toEqual(['warning_changed 7', 'start warning:7:red']);
    expect(summary(seen({ warningId: 7, warningLevel: 'red' }), ev(), { id: 7, level: 'yellow' })).toEqual(['warning_changed 7']);
    expect(summary(seen({ warningId: 7, warningLevel: 'red' }), ev(), { id: 7, level: 'red' })).toEqual([]);
  });

  it('a closed warning stops the risk programs; a new warning is a new trigger', () => {
    expect(summary(seen({ warningId: 7, warningLevel: 'red' }), ev(), null)).toEqual(['stop risk green', 'warning_closed 7']);
    expect(summary(seen({ warningId: 7, warningLevel: 'red' }), ev(), { id: 9, level: 'yellow' })).toEqual(['warning_closed 7', 'warning_opened 9', 'start warning:9:yellow']);
  });

  it('health warnings count episodes, so a second episode plans again', () => {
    const first = diffViews(seen(), ev({ healthLevel: 'orange' }), null, day);
    expect(first.changes.map((c) => c.kind === 'start' && c.triggerKey)).toEqual(['health:1:orange']);
    const over = diffViews(first.view, ev(), null, day);
    expect(over.changes).toEqual([{ kind: 'stop', scope: 'health', reason: 'green' }]);
    expect(summary(over.view, ev({ healthLevel: 'yellow' }), null)).toEqual(['start health:2:yellow']);
  });

  it('new signals, a rising silent level and lifecycle entries start their programs', () => {
    expect(summary(seen({ signals: ['nps_drop'] }), ev({ signals: ['nps_drop', 'social_negative'] }), null)).toEqual([`start signal:social_negative:${day}`]);
    expect(summary(seen(), ev({ silentLevel: 'orange' }), null)).toEqual([`start silent:orange:${day}`]);
    expect(summary(seen({ silentLevel: 'orange' }), ev(), null)).toEqual(['stop silent green']);
    expect(summary(seen(), ev({ lifecycle: 'dormant' }), null)).toEqual([`start dormant:${day}`]);
    expect(summary(seen(), ev({ lifecycle: 'lost', recallLevel: 2 }), null)).toEqual([`start recall:2:${day}`]);
    expect(summary(seen({ lifecycle: 'dormant' }), ev({ lifecycle: 'observation', returnedAt: '2024-05-30' }), null)).toEqual(['start returned:2024-05-30']);
  });

  it('recall follows the quadrant: a new level starts its recall, the same level or none starts nothing (programs.md §8)', () => {
    // Turned lost at R 121, high value and recent: level 1.
    const lost = diffViews(seen(), ev({ lifecycle: 'lost', recallLevel: 1 }), null, day);
    expect(lost.changes.map((c) => c.kind === 'start' && c.triggerKey)).toEqual([`recall:1:${day}`]);
    expect(lost.view.recallLevel).toBe(1);
    // Dormant at R 180, still recent: the wake-up, no second recall.
    expect(summary(lost.view, ev({ lifecycle: 'dormant', recallLevel: 1 }), null)).toEqual([`start dormant:${day}`]);
    // Past R 210 (middle recency) a high-value customer is level 2: its call starts.
    expect(summary(seen({ lifecycle: 'dormant', recallLevel: 1 }), ev({ lifecycle: 'dormant', recallLevel: 2 }), null)).toEqual([`start recall:2:${day}`]);
    expect(summary(seen({ lifecycle: 'dormant', recallLevel: 2 }), ev({ lifecycle: 'dormant', recallLevel: 2 }), null)).toEqual([]);
    // Basic value past R 300 is not recalled: nothing starts.
    expect(summary(seen({ lifecycle: 'dormant', recallLevel: 3 }), ev({ lifecycle: 'dormant', recallLevel: null }), null)).toEqual([]);
    // A customer given up is not recalled whatever the quadrant.
    expect(summary(seen({ lifecycle: 'dormant', recallLevel: 1 }), ev({ lifecycle: 'abandoned', recallLevel: 2 }), null)).toEqual(['stop all abandoned', `start abandoned:${day}`]);
  });

  it('a give-up stops everything and starts only the farewell; coming back starts the return ritual', () => {
    expect(summary(seen({ warningId: 7, warningLevel: 'orange' }), ev({ lifecycle: 'abandoned', signals: ['nps_drop'] }), { id: 7, level: 'red' }))
      .toEqual(['stop all abandoned', 'warning_changed 7', `start abandoned:${day}`]);
    expect(summary(seen({ lifecycle: 'abandoned' }), ev(), null)).toEqual([`start returned:${day}`]);
  });

  it('the first evaluation seen is compared with a healthy nobody; an unchanged one is not rewritten', () => {
    expect(summary(emptyView(), ev({ lifecycle: 'dormant' }), null)).toEqual([`start dormant:${day}`]);
    const { view } = diffViews(seen(), ev(), null, day);
    expect(sameView(seen(), view)).toBe(true);
    expect(sameView(emptyView(), view)).toBe(false);
  });

  it('a care moment starts its program when it opens, once while it stays open, again when a new occurrence opens', () => {
    const birthday = { key: 'birthday:2024', moment: 'birthday' as const, day: '2024-06-12', facts: { birthdayDay: '2024-06-12' } };
    const contact = { key: 'contact:2024-06-01', moment: 'contact_interval' as const, day: '2024-06-01', facts: { intervalDays: 30 } };
    const opened = diffViews(seen(), ev({ care: [birthday] }), null, day);
    expect(opened.changes).toEqual([{ kind: 'start', happening: { kind: 'care', moment: 'birthday' }, triggerKey: 'care:birthday:2024', scope: 'other', moment: birthday }]);
    expect(opened.view.careKeys).toEqual(['birthday:2024']);
    expect(summary(opened.view, ev({ care: [birthday] }), null)).toEqual([]);
    expect(summary(opened.view, ev({ care: [birthday, contact] }), null)).toEqual(['start care:contact:2024-06-01']);
    // Closed (the birthday passed), the view forgets it; the next contact occurrence is a new key.
    const closed = diffViews(opened.view, ev({ care: [] }), null, day);
    expect(closed.changes).toEqual([]);
    expect(closed.view.careKeys).toEqual([]);
    expect(summary(closed.view, ev({ care: [{ ...contact, key: 'contact:2024-07-01' }] }), null)).toEqual(['start care:contact:2024-07-01']);
  });

  it('a customer who is gone gets no care moment', () => {
    const birthday = { key: 'birthday:2024', moment: 'birthday' as const, day: '2024-06-12', facts: {} };
    expect(summary(seen({ lifecycle: 'abandoned' }), ev({ lifecycle: 'abandoned', care: [birthday] }), null)).toEqual([]);
  });
});
