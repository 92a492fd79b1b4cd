import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { AS_OF, facts, type FactsBuilder } from '../testing/facts-builder.js';
import { computeFeatures } from './compute-features.js';

const feat = (b: FactsBuilder) => computeFeatures(b.build(), defaultPolicy(), AS_OF).features;
const closedAt40 = () => facts().event('complaint_opened', 50, { complaintId: 'k1' }).event('complaint_closed', 40, { complaintId: 'k1' });

describe('relationship features', () => {
  it('counts complaints opened in 365 days, one per complaint id', () => {
    const b = facts().event('complaint_opened', 10, { complaintId: 'k1' }).event('complaint_opened', 9, { complaintId: 'k1' })
      .event('complaint_opened', 364, { complaintId: 'k2' }).event('complaint_opened', 365, { complaintId: 'k3' });
    expect(feat(b).complaints365).toBe(2);
  });

  it('complaintSilenceDays: days since the last close when no interaction came on or after it', () => {
    expect(feat(closedAt40()).complaintSilenceDays).toBe(40);
    expect(feat(closedAt40().event('wechat', 20, { direction: 'out' })).complaintSilenceDays).toBe(40);
    expect(feat(closedAt40().event('wechat', 20, { direction: 'in' })).complaintSilenceDays).toBe(null);
    expect(feat(closedAt40().event('call', 40, { direction: 'out', answered: true })).complaintSilenceDays).toBe(null);
    expect(feat(closedAt40().event('call', 30, { direction: 'out', answered: false })).complaintSilenceDays).toBe(40);
    expect(feat(closedAt40().event('app_login', 41, {})).complaintSilenceDays).toBe(40);
    expect(feat(facts()).complaintSilenceDays).toBe(null);
  });

  it('valueAddDeclineStreak counts the latest declined recommendations', () => {
    const rec = (b: FactsBuilder, ago: number, accepted: boolean) => b.event('recommendation', ago, { item: 'extended_warranty', accepted });
    let b = rec(facts(), 50, true);
    for (const d of [40, 30, 20]) b = rec(b, d, false);
    expect(feat(b).valueAddDeclineStreak).toBe(3);
    expect(feat(rec(b, 10, true)).valueAddDeclineStreak).toBe(0);
  });

  it('contactInvalid until a contact_updated on or after it', () => {
    const bounced = () => facts().event('contact_invalid', 20, { channel: 'sms' });
    expect(feat(bounced()).contactInvalid).toBe(true);
    expect(feat(bounced().event('contact_updated', 20, {})).contactInvalid).toBe(false);
    expect(feat(bounced().event('contact_updated', 21, {})).contactInvalid).toBe(true);
  });

  it('socialNegativeOpen: a negative post without a resolution for its postId', () => {
    const post = () => facts().event('social_post', 20, { sentiment: 'negative', postId: 'p1' }).event('social_post', 15, { sentiment: 'positive', postId: 'p2' });
    expect(feat(post()).socialNegativeOpen).toBe(true);
    expect(feat(post().event('social_resolved', 10, { postId: 'p2' })).socialNegativeOpen).toBe(true);
    expect(feat(post().event('social_resolved', 10, { postId: 'p1' })).socialNegativeOpen).toBe(false);
  });
});
