import { describe, expect, it } from 'vitest';
import { fitParetoNbd, paretoNbdExpectedPurchases, paretoNbdLogLikelihood, paretoNbdPAlive } from './pareto-nbd.js';
import { fitBgNbd } from './bg-nbd.js';
import { readSummaryCsv } from './read-summary-csv.js';
import { readSharedData } from './testing/shared-data.js';

const cdnow = readSummaryCsv(readSharedData('cdnow', 'cdnow_customers_summary.csv'));
/** Fader, Hardie & Lee (2005) §7, published beside the BG/NBD fit. */
const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const relative = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('Pareto/NBD', () => {
  it('gives the published log-likelihood at the published parameters', () => {
    expect(paretoNbdLogLikelihood(published, cdnow)).toBeCloseTo(-9594.97, 1);
  });

  it('fits the published parameters and log-likelihood on CDNOW within 0.5 %, a worse fit than BG/NBD by likelihood', () => {
    const fit = fitParetoNbd(cdnow);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(relative(fit.params[k], published[k]), k).toBeLessThan(0.005);
    expect(relative(fit.logLik, -9595.0)).toBeLessThan(0.005);
    // CLVTools, more digits: −9594.976.
    expect(fit.logLik).toBeCloseTo(-9594.976, 1);
    expect(fit.logLik).toBeLessThan(fitBgNbd(cdnow).logLik);
  });

  it("gives BTYD's documented P(alive) of a customer without a repeat purchase", () => {
    // BTYD pnbd.PAlive example: params (0.55, 10.56, 0.61, 11.64), x = 0, T = 39 → 0.2924031.
    const p = { r: 0.55, alpha: 10.56, s: 0.61, beta: 11.64 };
    expect(paretoNbdPAlive(p, 0, 0, 39)).toBeCloseTo(0.2924031, 6);
    // Same recency as age: certainly alive.
    expect(paretoNbdPAlive(p, 23, 39, 39)).toBeCloseTo(1, 12);
  });

  it('handles α < β and α > β alike (the two branches of the likelihood agree where they meet)', () => {
    const below = paretoNbdLogLikelihood({ ...published, alpha: 11.669 - 1e-7 }, cdnow);
    const above = paretoNbdLogLikelihood({ ...published, alpha: 11.669 + 1e-7 }, cdnow);
    expect(below).toBeCloseTo(above, 4);
  });

  it('expects more purchases from a frequent, recent buyer than from one gone quiet', () => {
    const active = paretoNbdExpectedPurchases(published, 10, 38, 39, 52);
    const quiet = paretoNbdExpectedPurchases(published, 10, 10, 39, 52);
    expect(active).toBeGreaterThan(quiet);
    expect(quiet).toBeGreaterThan(0);
  });
});
