import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, fitBgNbd } from './bg-nbd.js';
import { customerLifetimeValue } from './clv.js';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from './gamma-gamma.js';
import { readSummaryCsv } from './read-summary-csv.js';
import { readSharedData } from './testing/shared-data.js';

const summary = readSummaryCsv(readSharedData('cdnow', 'cdnow_customers_summary_with_transactions.csv'));
const repeat = summary.filter((r) => r.frequency > 0).map((r) => ({ frequency: r.frequency, monetaryValue: r.monetaryValue! }));
/** Fader, Hardie & Lee (2005, JMR) and Fader & Hardie (2013): CDNOW repeat-purchase spend. */
const published = { p: 6.25, q: 3.74, v: 15.44 };
const relative = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('Gamma-Gamma', () => {
  const fit = fitGammaGamma(repeat);

  it('gives the published log-likelihood at the published parameters, on the 946 repeat customers', () => {
    expect(repeat).toHaveLength(946);
    expect(gammaGammaLogLikelihood(published, repeat)).toBeCloseTo(-4055.92, 1);
  });

  it('fits the published parameters within 0.5 %', () => {
    for (const k of ['p', 'q', 'v'] as const) expect(relative(fit.params[k], published[k]), k).toBeLessThan(0.005);
    expect(fit.logLik).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(published, repeat));
    expect(fit.converged).toBe(true);
  });

  it("gives the lifetimes documentation's expected spend per customer and on average", () => {
    const byId = new Map(summary.map((r) => [r.id, r]));
    const spend = (id: string) => gammaGammaExpectedSpend(fit.params, byId.get(id)!.frequency, byId.get(id)!.monetaryValue!);
    // docs/Quickstart: customers 1, 2, 3 (no repeat purchase: the population mean), 6, 9.
    expect(spend('1')).toBeCloseTo(24.658619, 2);
    expect(spend('2')).toBeCloseTo(18.911489, 2);
    expect(spend('3')).toBeCloseTo(35.170981, 2);
    expect(spend('6')).toBeCloseTo(71.462843, 2);
    expect(spend('9')).toBeCloseTo(27.282408, 2);
    const mean = summary.reduce((s, r) => s + gammaGammaExpectedSpend(fit.params, r.frequency, r.monetaryValue!), 0) / summary.length;
    expect(mean).toBeCloseTo(35.2529588256, 2);
  });

  it("gives the lifetimes documentation's CLV (12 periods of 30 weeks, 1 % a period)", () => {
    // lifetimes' customer_lifetime_value with its default freq 'D' on these weekly data takes 30
    // time units per "month": the documented figures are for that convention.
    const bg = fitBgNbd(summary).params;
    const byId = new Map(summary.map((r) => [r.id, r]));
    const clv = (id: string) => {
      const c = byId.get(id)!;
      return customerLifetimeValue(
        (t) => bgNbdExpectedPurchases(bg, c.frequency, c.recency, c.T, t),
        gammaGammaExpectedSpend(fit.params, c.frequency, c.monetaryValue!),
        { months: 12, monthlyDiscountRate: 0.01, unitsPerMonth: 30 },
      );
    };
    expect(relative(clv('1'), 140.096211)).toBeLessThan(0.005);
    expect(relative(clv('2'), 18.943467)).toBeLessThan(0.005);
    expect(relative(clv('3'), 38.180574)).toBeLessThan(0.005);
    expect(relative(clv('6'), 1003.868107)).toBeLessThan(0.005);
    expect(relative(clv('9'), 167.418216)).toBeLessThan(0.005);
  });
});
