import { describe, expect, it } from 'vitest';
import { defaultPrograms } from './default-programs.js';
import { programsFor, type Happening } from './match-trigger.js';
import type { RetainEvent } from '../domain/records.js';

const ids = (h: Happening) => programsFor(defaultPrograms(), h).map((p) => p.id);
const ev = (e: Record<string, unknown>) => ({ id: 'e1', customerId: 'c1', at: '2024-06-03T10:00:00+08:00', ...e }) as RetainEvent;

describe('which programs a happening starts', () => {
  it('warnings by source and level', () => {
    expect(ids({ kind: 'warning', source: 'risk', level: 'orange' })).toEqual(['early_warning_orange']);
    expect(ids({ kind: 'warning', source: 'health', level: 'red' })).toEqual(['health_red']);
    expect(ids({ kind: 'warning', source: 'risk', level: 'green' })).toEqual([]);
  });

  it('events, refined: a closed visit, a negative post only, a check-in', () => {
    expect(ids({ kind: 'event', event: ev({ type: 'visit', visitId: 'v1', kind: 'maintenance', amount: 100 }) })).toEqual(['post_service']);
    expect(ids({ kind: 'event', event: ev({ type: 'social_post', sentiment: 'negative', postId: 'p1' }) })).toEqual(['social_negative']);
    expect(ids({ kind: 'event', event: ev({ type: 'social_post', sentiment: 'positive', postId: 'p1' }) })).toEqual([]);
    expect(ids({ kind: 'event', event: ev({ type: 'checkin', visitId: 'v1' }) })).toEqual(['waiting_time']);
  });

  it('low rating: satisfaction below 4 or NPS ≤ 6, within 48 h of the visit', () => {
    const sat = (score: number, hours?: number) => ids({ kind: 'event', event: ev({ type: 'satisfaction', score }), ...(hours === undefined ? {} : { hoursSinceVisit: hours }) });
    expect(sat(3, 10)).toEqual(['low_rating']);
    expect(sat(4, 10)).toEqual([]);
    expect(sat(3, 48)).toEqual(['low_rating']);
    expect(sat(3, 49)).toEqual([]);
    expect(sat(1)).toEqual([]);
    expect(ids({ kind: 'event', event: ev({ type: 'nps', score: 6 }), hoursSinceVisit: 1 })).toEqual(['low_rating']);
    expect(ids({ kind: 'event', event: ev({ type: 'nps', score: 7 }), hoursSinceVisit: 1 })).toEqual([]);
  });

  it('signals and segments, with silent level and recall level', () => {
    expect(ids({ kind: 'signal', signal: 'nps_drop' })).toEqual(['nps_drop']);
    expect(ids({ kind: 'segment', segment: 'silent', level: 'orange' })).toEqual(['silent_orange']);
    expect(ids({ kind: 'segment', segment: 'lost', recallLevel: 2 })).toEqual(['recall_level_2']);
    expect(ids({ kind: 'segment', segment: 'lost', recallLevel: null })).toEqual([]);
    expect(ids({ kind: 'segment', segment: 'returned' })).toEqual(['return_ritual', 'observation']);
  });

  it('a disabled program starts nothing', () => {
    const d = structuredClone(defaultPrograms());
    d.programs.find((p) => p.id === 'cancellation')!.enabled = false;
    expect(programsFor(d, { kind: 'event', event: ev({ type: 'appointment_cancelled' }) })).toEqual([]);
  });
});
