import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, ago, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { computeFeatures } from './compute-features.js';

const feat = (b: FactsBuilder) => computeFeatures(b.build(), defaultPolicy(), AS_OF).features;

describe('visit features', () => {
  it('R is days since the last visit of any kind, or since `since` without one', () => {
    expect(feat(facts().visit(200).visit(112, { kind: 'free', amount: 0 })).R).toBe(112);
    expect(feat(facts().since(40)).R).toBe(40);
    expect(feat(facts().since(40)).tenureDays).toBe(40);
  });

  it('counts visits and paid amounts in (asOf − 365, asOf] and the year before', () => {
    const f = feat(facts().visit(364, { amount: 100 }).visit(365, { amount: 200 }).visit(729, { amount: 400 }).visit(730, { amount: 800 }));
    expect([f.visits365, f.spend365, f.visitsPrev365, f.spendPrev365]).toEqual([1, 100, 2, 600]);
    expect(f.annualSpend).toBe(100);
  });

  it('adds money to the cent without binary noise', () => {
    expect(feat(facts().visit(10, { amount: 0.1 }).visit(5, { amount: 0.2 })).spend365).toBe(0.3);
  });

  it('ticketTrend compares the last 3 paid visits with the 3 before, rounded to 4 decimals', () => {
    const paid = (amounts: number[]) => {
      const b = facts();
      amounts.forEach((amount, i) => b.visit(300 - i * 10, { amount }));
      return b;
    };
    expect(feat(paid([300, 300, 300, 100, 100, 200])).ticketTrend).toBe(0.4444);
    expect(feat(paid([300, 300, 300, 100, 100])).ticketTrend).toBe(null);
    expect(feat(paid([300, 300, 300, 100, 100, 200]).visit(5, { amount: 0, kind: 'free' })).ticketTrend).toBe(0.4444);
  });

  it('basicOnlyStreak counts the latest paid visits with basicOnly, skipping free ones', () => {
    const b = facts().visit(90, { basicOnly: false }).visit(60, { basicOnly: true }).visit(40, { kind: 'warranty', amount: 0 })
      .visit(30, { basicOnly: true }).visit(10, { basicOnly: true });
    expect(feat(b).basicOnlyStreak).toBe(3);
    expect(feat(b.visit(5, { basicOnly: false })).basicOnlyStreak).toBe(0);
  });

  it('historicalAnnualSpend is the year up to and including the last visit', () => {
    const f = feat(facts().visit(1000, { amount: 1000 }).visit(764, { amount: 300 }).visit(700, { amount: 200 }).visit(400, { amount: 100 }));
    expect(f.historicalAnnualSpend).toBe(600);
    expect(f.spend365).toBe(0);
  });

  it('returnedAt is the latest visit in 90 days that came 180+ days after the one before', () => {
    expect(feat(facts().visit(300).visit(89)).returnedAt).toBe(ago(89));
    expect(feat(facts().visit(300).visit(120)).returnedAt).toBe(null);
    expect(feat(facts().visit(269).visit(89)).returnedAt).toBe(ago(89));
    expect(feat(facts().visit(268).visit(89)).returnedAt).toBe(null);
    expect(feat(facts().visit(400).visit(80).visit(20)).returnedAt).toBe(ago(80));
    expect(feat(facts().visit(50)).returnedAt).toBe(null);
  });
});
