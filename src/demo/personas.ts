import type { Day } from '../domain/dates.js';
import type { Rand } from './rng.js';

/**
 * Who a customer is in the demo: the story their events tell. Healthy customers are the
 * majority, the rest are the churn paths of the spec's material (README: churn is silent — a
 * customer stops answering, skips a service, rates lower, cancels — months before leaving).
 */
export type Persona =
  | 'healthy' // regular visits, good ratings, active in the app and on WeChat
  | 'drifting' // after a long wait or a low rating: visits thin out, ratings fall, replies stop
  | 'cancelling' // books and cancels or reschedules appointments
  | 'silent' // stops answering reminders, calls and WeChat
  | 'complaining' // a complaint left open, or closed and followed by silence
  | 'sold' // sold the car
  | 'moved' // moved to another city
  | 'lost' // stopped coming 4–14 months ago (lost / dormant)
  | 'returned'; // came back within the last 90 days after 6+ months away (observation)

/**
 * The persona mix. Under the default policy every customer whose last visit is over 90 days
 * ago is red (response level 3), and so is every last NPS ≤ 6: the long-gone personas and
 * the angry ones make up the red share, so they are kept to a few percent (the target is
 * 2–6 % red and 55–75 % green; level-distribution.test.ts holds the demo to it).
 */
export const PERSONA_MIX: readonly (readonly [Persona, number])[] = [
  ['healthy', 0.7],
  ['drifting', 0.1],
  ['cancelling', 0.05],
  ['silent', 0.07],
  ['complaining', 0.012],
  ['sold', 0.022],
  ['moved', 0.01],
  ['lost', 0.016],
  ['returned', 0.02],
];

/** Per-customer timeline of a persona (all days are store-local calendar days). */
export interface Plan {
  persona: Persona;
  /**
   * The day behaviour changes: the triggering visit (drifting, complaining), the start of
   * cancelling or silence, the sale or move (sold, moved), the last visit (lost), the return
   * visit (returned). null for healthy customers.
   */
  turn: Day | null;
  /** returned: the dormant gap starts after this day (the last visit before it is on or before it) */
  gapStart: Day | null;
  /** complaining: the day the complaint was closed (silence follows); null = still open */
  complaintClosed: Day | null;
  /** lost: the day a retention specialist gave up on the customer (programs.md §9), if they did */
  abandonedOn: Day | null;
  /** no visits after this day */
  visitsUntil: Day;
  /** no customer-initiated activity (chat, app, answered calls) after this day */
  activeUntil: Day;
  /** mean days between visits while steady (washes and free checks count as visits) */
  pace: number;
}

/** The latest delivery date a persona's story fits after (its turn needs some history first). */
export interface PersonaDraft {
  persona: Persona;
  turn: Day | null;
  gapStart: Day | null;
  latestSince: Day;
}

/**
 * Draws the persona and the day its story turns, relative to the demo's "today" (asOf).
 * Windows are chosen so each persona lands in its intended level most of the time: e.g. a
 * drift that starts 25–150 days ago shows as thinning visits (R 31–90), not yet as lost.
 */
export function draftPersona(rand: Rand, asOf: Day): PersonaDraft {
  const persona = rand.weighted(PERSONA_MIX);
  const ago = (min: number, max: number) => asOf - rand.int(min, max);
  switch (persona) {
    case 'healthy':
      return { persona, turn: null, gapStart: null, latestSince: asOf - 3 };
    case 'drifting': {
      const turn = ago(25, 150);
      return { persona, turn, gapStart: null, latestSince: turn - 75 };
    }
    case 'cancelling': {
      const turn = ago(10, 60);
      return { persona, turn, gapStart: null, latestSince: turn - 60 };
    }
    case 'silent': {
      const turn = ago(20, 70);
      return { persona, turn, gapStart: null, latestSince: turn - 75 };
    }
    case 'complaining': {
      const turn = ago(45, 110);
      return { persona, turn, gapStart: null, latestSince: turn - 45 };
    }
    case 'sold':
    case 'moved': {
      const turn = ago(3, 85);
      return { persona, turn, gapStart: null, latestSince: turn - 90 };
    }
    case 'lost': {
      const turn = ago(125, 420);
      return { persona, turn, gapStart: null, latestSince: turn - 45 };
    }
    case 'returned': {
      const turn = ago(5, 85);
      const gapStart = turn - rand.int(185, 330);
      return { persona, turn, gapStart, latestSince: gapStart - 45 };
    }
  }
}

/** Fills in the rest of the plan once the delivery date is known. */
export function completePlan(rand: Rand, draft: PersonaDraft, lastDay: Day): Plan {
  const { persona, turn, gapStart } = draft;
  // Most owners come every 3–4 weeks (washes, free checks); a quarter are a little less regular.
  const pace = rand.chance(0.75) ? rand.between(21, 28) : rand.between(28, 34);
  let visitsUntil = lastDay;
  let activeUntil = lastDay;
  let complaintClosed: Day | null = null;
  let abandonedOn: Day | null = null;
  if (turn !== null) {
    if (persona === 'sold' || persona === 'moved') {
      // The last service is a little before the sale or the move; the app and chat fade with it.
      visitsUntil = turn - rand.int(2, 20);
      activeUntil = turn;
    } else if (persona === 'lost') {
      visitsUntil = turn;
      activeUntil = turn + rand.int(0, 20);
      // After most of a year of unanswered recall, half of them are given up on.
      if (lastDay - turn >= 300 && rand.chance(0.5)) abandonedOn = turn + rand.int(240, lastDay - turn - 3);
    } else if (persona === 'silent') {
      visitsUntil = turn;
    } else if (persona === 'complaining' && rand.chance(0.55)) {
      complaintClosed = turn + rand.int(2, 12);
      visitsUntil = complaintClosed;
    }
  }
  return { persona, turn, gapStart, complaintClosed, abandonedOn, visitsUntil, activeUntil, pace };
}

/** How the customer behaves on a given day of the plan. */
export type Phase = 'steady' | 'drifting' | 'cancelling' | 'silent' | 'aggrieved' | 'away' | 'gone';

export function phaseAt(plan: Plan, day: Day): Phase {
  const { persona, turn } = plan;
  if (turn === null || persona === 'healthy') return 'steady';
  if (day > plan.activeUntil) return 'gone';
  switch (persona) {
    case 'drifting':
      return day >= turn ? 'drifting' : 'steady';
    case 'cancelling':
      return day >= turn ? 'cancelling' : 'steady';
    case 'silent':
      return day > turn ? 'silent' : 'steady';
    case 'complaining':
      if (plan.complaintClosed !== null && day > plan.complaintClosed) return 'silent';
      return day >= turn ? 'aggrieved' : 'steady';
    case 'returned':
      return plan.gapStart !== null && day > plan.gapStart && day < turn ? 'away' : 'steady';
    case 'lost':
      // The last months before leaving already look like a drift.
      return day > turn - 90 ? 'drifting' : 'steady';
    default:
      return 'steady';
  }
}
