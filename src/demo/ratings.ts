import type { Day } from '../domain/dates.js';
import { hours } from './calendar.js';
import type { Ctx } from './context.js';
import type { Phase } from './personas.js';

/** How the customer felt about a visit, which decides the ratings they give. */
export type Mood = 'delighted' | 'passive' | 'let_down' | 'angry' | 'welcomed_back';

type Table = readonly (readonly [number, number])[];

/**
 * NPS (0–10) and satisfaction (1–5) tables per mood. A delighted customer gives 9–10 only:
 * under the default policy an NPS of 8 after a 10 already fires "nps_drop" (a drop of 2),
 * and ≤ 7 is an orange rule — a steady customer's ratings must not trip either by chance.
 */
const NPS: Record<Mood, Table> = {
  delighted: [[10, 60], [9, 40]],
  passive: [[10, 20], [9, 40], [8, 40]],
  let_down: [[8, 42], [7, 48], [6, 8], [5, 2]],
  angry: [[4, 5], [5, 15], [6, 25], [7, 40], [8, 15]],
  welcomed_back: [[10, 40], [9, 40], [8, 20]],
};
const SATISFACTION: Record<Mood, Table> = {
  delighted: [[5, 80], [4, 20]],
  passive: [[5, 40], [4, 60]],
  let_down: [[4, 65], [3, 33], [2, 2]],
  angry: [[1, 30], [2, 50], [3, 20]],
  welcomed_back: [[5, 60], [4, 40]],
};
/** Share of visits that get an NPS answer / a satisfaction answer (survey response rates). */
const ANSWER_RATE: Record<Mood, number> = {
  delighted: 0.25,
  passive: 0.3,
  let_down: 0.55,
  angry: 0.85,
  welcomed_back: 0.6,
};

/** A visit that turns a customer's story: the start of a drift, a complaint, a return. */
export type VisitTrigger = 'long_wait' | 'low_rating' | 'complaint' | 'return';

export function moodFor(phase: Phase, trigger: VisitTrigger | null): Mood {
  if (trigger === 'long_wait' || trigger === 'low_rating') return 'let_down';
  if (trigger === 'complaint') return 'angry';
  if (trigger === 'return') return 'welcomed_back';
  if (phase === 'drifting' || phase === 'aggrieved') return 'let_down';
  if (phase === 'cancelling') return 'passive';
  return 'delighted';
}

/** The survey after a visit with a repair order: answered the same evening or the next day. */
export function rateVisit(ctx: Ctx, day: Day, closedAt: number, mood: Mood): void {
  const { rand, sink } = ctx;
  const answerDay = rand.chance(0.6) ? day : day + 1;
  const minute = answerDay === day ? Math.min(23 * 60, closedAt + rand.int(30, 240)) : hours.personal(rand);
  const rate = ANSWER_RATE[mood];
  if (rand.chance(rate)) sink.add(answerDay, minute, { type: 'nps', score: rand.weighted(NPS[mood]) });
  if (rand.chance(rate)) sink.add(answerDay, minute + 1, { type: 'satisfaction', score: rand.weighted(SATISFACTION[mood]) });
}
