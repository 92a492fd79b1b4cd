import type { Day } from '../dates.js';
import type { Features } from '../evaluation.js';
import { lastInteractionDay } from './interactions.js';
import { within, type Timeline } from './timeline.js';

export type RelationshipFeatures = Pick<
  Features,
  'complaints365' | 'complaintSilenceDays' | 'valueAddDeclineStreak' | 'contactInvalid' | 'socialNegativeOpen'
>;

/** Complaints, declined recommendations, bounced contacts and public posts. */
export function relationshipFeatures(t: Timeline): RelationshipFeatures {
  const asOf = t.asOf;
  // A complaint is one complaintId, however many systems reported its opening.
  const opened = new Set<string>();
  for (const c of t.of('complaint_opened')) if (within(c.day, asOf, 365)) opened.add(c.e.complaintId);

  const closed = t.of('complaint_closed').at(-1);
  const lastInteraction = lastInteractionDay(t);
  const complaintSilenceDays = closed && (lastInteraction === null || lastInteraction < closed.day) ? asOf - closed.day : null;

  const recs = t.of('recommendation');
  let valueAddDeclineStreak = 0;
  for (let i = recs.length - 1; i >= 0 && !recs[i]!.e.accepted; i--) valueAddDeclineStreak++;

  const lastInvalid: Day | undefined = t.of('contact_invalid').at(-1)?.day;
  const lastUpdated: Day | undefined = t.of('contact_updated').at(-1)?.day;

  const resolved = new Set(t.of('social_resolved').map((r) => r.e.postId));

  return {
    complaints365: opened.size,
    complaintSilenceDays,
    valueAddDeclineStreak,
    contactInvalid: lastInvalid !== undefined && (lastUpdated === undefined || lastUpdated < lastInvalid),
    socialNegativeOpen: t.of('social_post').some((p) => p.e.sentiment === 'negative' && !resolved.has(p.e.postId)),
  };
}
