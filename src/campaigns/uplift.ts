import { newcombeInterval, zFor, type Interval } from './proportions.js';

export interface GroupCount {
  /** Customers in the group. */
  n: number;
  /** Of them, recovered (a paid visit within the attribution window). */
  recovered: number;
}

export type UpliftVerdict = 'better' | 'worse' | 'not_significant' | 'no_hold_out' | 'no_treated';

export interface Uplift {
  confidence: number;
  treated: GroupCount & { rate: number | null };
  heldOut: GroupCount & { rate: number | null };
  /** Treated rate − held-out rate (a share, 0.1 = 10 points); null without both groups. */
  difference: number | null;
  interval: Interval | null;
  /** Recoveries the treatment added: difference × treated customers, with its interval. */
  incrementalRecoveries: number | null;
  incrementalInterval: Interval | null;
  /** The interval excludes 0. */
  significant: boolean;
  verdict: UpliftVerdict;
}

const rate = (g: GroupCount) => (g.n > 0 ? g.recovered / g.n : null);

/**
 * Treated against held-out recovery (programs.md §12): the difference of two proportions with
 * Newcombe's interval, and the recoveries it adds. "Significant" means the interval leaves 0 out.
 */
export function compareGroups(treated: GroupCount, heldOut: GroupCount, confidence = 0.95): Uplift {
  const base = { confidence, treated: { ...treated, rate: rate(treated) }, heldOut: { ...heldOut, rate: rate(heldOut) } };
  if (treated.n === 0 || heldOut.n === 0) {
    return {
      ...base, difference: null, interval: null, incrementalRecoveries: null, incrementalInterval: null,
      significant: false, verdict: treated.n === 0 ? 'no_treated' : 'no_hold_out',
    };
  }
  const difference = base.treated.rate! - base.heldOut.rate!;
  const interval = newcombeInterval(treated.recovered, treated.n, heldOut.recovered, heldOut.n, zFor(confidence));
  const significant = interval[0] > 0 || interval[1] < 0;
  return {
    ...base,
    difference,
    interval,
    incrementalRecoveries: difference * treated.n,
    incrementalInterval: [interval[0] * treated.n, interval[1] * treated.n],
    significant,
    verdict: !significant ? 'not_significant' : difference > 0 ? 'better' : 'worse',
  };
}
