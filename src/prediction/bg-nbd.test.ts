import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNew,
  bgNbdLogLikelihood,
  bgNbdPAlive,
  bgNbdPNoPurchase,
  fitBgNbd,
} from './bg-nbd.js';
import { readSummaryCsv } from './read-summary-csv.js';
import { readSharedData } from './testing/shared-data.js';

const cdnow = readSummaryCsv(readSharedData('cdnow', 'cdnow_customers_summary.csv'));
/** Fader, Hardie & Lee (2005) §7, on the CDNOW sample in weeks. */
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const relative = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('BG/NBD', () => {
  it('gives the published log-likelihood at the published parameters', () => {
    expect(cdnow).toHaveLength(2357);
    expect(bgNbdLogLikelihood(published, cdnow)).toBeCloseTo(-9582.43, 1);
  });

  it('fits the published parameters and log-likelihood on CDNOW within 0.5 %', () => {
    const fit = fitBgNbd(cdnow);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(relative(fit.params[k], published[k])).toBeLessThan(0.005);
    expect(relative(fit.logLik, -9582.4)).toBeLessThan(0.005);
    // The maximum itself, to more digits (CLVTools −9582.429; lifetimes r 0.242593, α 4.413532, a 0.792886, b 2.425752).
    expect(fit.logLik).toBeCloseTo(-9582.429, 2);
    expect(fit.params.r).toBeCloseTo(0.242593, 5);
    expect(fit.params.alpha).toBeCloseTo(4.413532, 4);
    expect(fit.converged).toBe(true);
  });

  it('fits the same model whatever the time unit: days give α seven times the weeks', () => {
    const days = cdnow.map((c) => ({ ...c, recency: c.recency * 7, T: c.T * 7 }));
    const fit = fitBgNbd(days);
    expect(relative(fit.params.alpha / 7, published.alpha)).toBeLessThan(0.005);
    expect(relative(fit.params.b, published.b)).toBeLessThan(0.005);
  });

  it("reproduces Hardie's spreadsheet at the fitted maximum: E[X(t)] and the paper's conditional example", () => {
    const { params } = fitBgNbd(cdnow);
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const sheet = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(bgNbdExpectedPurchasesNew(params, t)).toBeCloseTo(sheet[i]!, 3));
    // x = 2, t_x = 30.43, T = 38.86: 1.226 purchases expected in the next 39 weeks.
    expect(bgNbdExpectedPurchases(params, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 3);
  });

  it('ranks the top CDNOW customers as the lifetimes documentation shows (fitted model, next week)', () => {
    const fit = fitBgNbd(cdnow);
    // lifetimes docs/Quickstart: customers 1516 (26, 30.86, 31) and 157 (29, 37.71, 38).
    expect(bgNbdExpectedPurchases(fit.params, 26, 30.86, 31, 1)).toBeCloseTo(0.710623, 4);
    expect(bgNbdExpectedPurchases(fit.params, 29, 37.71, 38, 1)).toBeCloseTo(0.662396, 4);
  });

  it('P(alive) is 1 without a repeat purchase, falls with the time since the last, and stays in [0, 1] for huge counts', () => {
    expect(bgNbdPAlive(published, 0, 0, 39)).toBe(1);
    const recent = bgNbdPAlive(published, 5, 38, 39);
    const old = bgNbdPAlive(published, 5, 10, 39);
    expect(recent).toBeGreaterThan(0.8);
    expect(old).toBeGreaterThan(0);
    expect(old).toBeLessThan(recent);
    const huge = bgNbdPAlive(published, 5000, 100, 3000);
    expect(huge).toBeGreaterThanOrEqual(0);
    expect(huge).toBeLessThan(1e-10);
    expect(Number.isFinite(bgNbdLogLikelihood(published, [{ id: 'x', frequency: 5000, recency: 2900, T: 3000 }]))).toBe(true);
  });

  it('P(no purchase in t) is the complement of "alive and buys", and matches a direct integration', () => {
    const p = published;
    const [x, tx, T, t] = [3, 20, 39, 10];
    const alive = bgNbdPAlive(p, x, tx, T);
    // E[e^(−λt)] for λ ~ Gamma(r+x, α+T), integrated numerically.
    const shape = p.r + x;
    const rate = p.alpha + T;
    let integral = 0;
    const h = 1e-4;
    for (let l = h / 2; l < 5; l += h) {
      integral += Math.exp(shape * Math.log(rate) + (shape - 1) * Math.log(l) - rate * l - lgammaInt(shape) - l * t) * h;
    }
    expect(bgNbdPNoPurchase(p, x, tx, T, t)).toBeCloseTo(1 - alive + alive * integral, 5);
    expect(bgNbdPNoPurchase(p, x, tx, T, 0)).toBeCloseTo(1, 12);
  });
});

/** ln Γ by Stirling's series with recurrence: independent of the library under test. */
function lgammaInt(z: number): number {
  let shift = 0;
  while (z < 10) {
    shift -= Math.log(z);
    z += 1;
  }
  return shift + (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5);
}
