import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { computeFeatures } from './compute-features.js';
import { buildTimeline } from './timeline.js';

const feat = (b: FactsBuilder) => computeFeatures(b.build(), defaultPolicy(), AS_OF).features;

describe('reading the history', () => {
  it('counts an event id once: the first record of it wins', () => {
    const b = facts().visit(10, { amount: 100 }, 'same').visit(5, { amount: 900 }, 'same');
    expect(feat(b)).toMatchObject({ visits365: 1, spend365: 100, R: 10 });
  });

  it('ignores events after asOf', () => {
    expect(feat(facts().visit(30).visit(-1)).R).toBe(30);
  });

  it('reduces timestamps to the store-local calendar date', () => {
    // 16:30 UTC on the 29th is 00:30 on the 30th in Shanghai; 17:00 UTC on the 30th is already 1 July.
    expect(feat(facts().visit(40).visit('2024-06-29T16:30:00Z')).R).toBe(0);
    expect(feat(facts().visit(40).visit('2024-06-30T17:00:00Z')).R).toBe(40);
    expect(feat(facts().inTimeZone('Europe/Berlin').visit(40).visit('2024-06-29T23:30:00Z')).R).toBe(0);
  });

  it('orders a day by time (a bare date is midnight), then by event id, whatever the arrival order', () => {
    const b = facts()
      .event('nps', '2024-06-01T18:00:00+08:00', { score: 1 }, 'b')
      .event('nps', '2024-06-01T08:00:00Z', { score: 2 }, 'c')
      .event('nps', '2024-06-01', { score: 3 }, 'd')
      .event('nps', '2024-06-01T18:00:00+08:00', { score: 4 }, 'a')
      .build();
    const scores = (events: typeof b.events) =>
      buildTimeline(events, b.timeZone, AS_OF).all.map((d) => (d.e.type === 'nps' ? d.e.score : -1));
    expect(scores(b.events)).toEqual([3, 2, 4, 1]);
    expect(scores([...b.events].reverse())).toEqual([3, 2, 4, 1]);
    expect(buildTimeline(b.events, b.timeZone, AS_OF).all.map((d) => d.seq)).toEqual([0, 1, 2, 3]);
  });
});
