import { describe, expect, it } from 'vitest';
import { audiencesFor } from './audiences-for.js';
import { defaultLibrary } from './default-library.js';
import type { Script } from './library-schema.js';
import { selectScript, type ScriptQuery } from './select-script.js';
import { audiences, churnReasons, dormantTypes, occasions, recallLevels, stages } from './vocabulary.js';

const lib = defaultLibrary();
const pick = (q: ScriptQuery) => {
  const c = selectScript(lib, q);
  return c && `${c.script.id} ${c.match}${c.borrowed ? ' borrowed' : ''}`;
};

/** A tiny library with one script per fallback step, so each step is seen to win in turn. */
function script(id: string, reason: Script['reason'], audience: Script['audience'], extra: Partial<Script> = {}): Script {
  const t = { 'zh-CN': id, en: id };
  return { id, occasion: 'retention_call', reason, audience, stage: 'offer', role: 'advisor', title: t, text: t, ...extra };
}

describe('selectScript fallback order: exact → same reason any type → generic', () => {
  const all = [script('exact', 'price', 'high'), script('reason', 'price', 'any'), script('any-any', 'any', 'any'), script('first-call', 'unknown', 'any')];
  const q: ScriptQuery = { reason: 'price', audience: 'high', stage: 'offer' };
  const without = (...ids: string[]) => ({ scripts: all.filter((s) => !ids.includes(s.id)) });

  it('takes each step only when the one before has nothing', () => {
    expect(selectScript({ scripts: all }, q)).toMatchObject({ script: { id: 'exact' }, match: 'exact' });
    expect(selectScript(without('exact'), q)).toMatchObject({ script: { id: 'reason' }, match: 'same_reason' });
    expect(selectScript(without('exact', 'reason'), q)).toMatchObject({ script: { id: 'any-any' }, match: 'generic' });
    expect(selectScript(without('exact', 'reason', 'any-any'), q)).toMatchObject({ script: { id: 'first-call' }, match: 'generic' });
    expect(selectScript({ scripts: [] }, q)).toBeNull();
  });

  it('tries the customer types in the order given', () => {
    const lib2 = { scripts: [script('mid', 'price', 'mid'), script('dormant', 'price', 'dormant')] };
    expect(selectScript(lib2, { ...q, audience: ['dormant', 'mid'] })?.script.id).toBe('dormant');
    expect(selectScript(lib2, { ...q, audience: ['lost_recall', 'mid'] })?.script.id).toBe('mid');
  });
});

describe('selectScript on the shipped library', () => {
  it('the reason × type matrix', () => {
    expect(pick({ reason: 'price', audience: 'high', stage: 'offer' })).toBe('core.price.high.offer exact');
    expect(pick({ reason: 'price', audience: ['dormant', 'high'], stage: 'offer' })).toBe('core.price.high.offer exact');
    expect(pick({ reason: 'convenience', audience: 'high', stage: 'opening' })).toBe('core.convenience.opening same_reason');
    expect(pick({ reason: 'unknown', audience: ['dormant', 'mid'], stage: 'opening' })).toBe('core.dormant.opening exact');
    expect(pick({ reason: 'unknown', audience: 'basic', stage: 'offer' })).toBe('core.unknown.offer same_reason');
  });

  it('a special occasion uses its own script, and borrows a stage it does not cover', () => {
    expect(pick({ occasion: 'orange_call', reason: 'price', audience: 'mid', stage: 'opening' })).toBe('orange.opening generic');
    expect(pick({ occasion: 'orange_call', reason: 'price', audience: 'mid', stage: 'offer' })).toBe('core.price.mid.offer exact borrowed');
    expect(pick({ occasion: 'red_call', reason: 'service', audience: 'high', stage: 'probing' })).toBe('core.service.probing same_reason borrowed');
    expect(pick({ occasion: 'cancellation_call', reason: 'convenience', audience: 'mid', stage: 'offer' })).toBe('cancellation.convenience.offer same_reason');
    expect(pick({ occasion: 'cancellation_call', reason: 'unknown', audience: 'mid', stage: 'offer' })).toBe('cancellation.offer generic');
  });

  it('dormant type and recall level pick their own script, and fall back without one', () => {
    const dormant = { occasion: 'dormant_call', reason: 'unknown', audience: 'dormant', stage: 'opening' } as const;
    expect(pick({ ...dormant, dormantType: 'substitute' })).toBe('dormant.substitute.opening generic');
    expect(pick(dormant)).toBe('core.dormant.opening exact borrowed');
    const recall = { occasion: 'recall_call', reason: 'price', audience: 'lost_recall', stage: 'opening' } as const;
    expect(pick({ ...recall, recallLevel: 1 })).toBe('recall.level1.opening generic');
    expect(pick({ ...recall, recallLevel: 3 })).toBe('recall.opening generic');
  });

  it('always answers, whatever is asked', () => {
    const unanswered: string[] = [];
    for (const occasion of occasions)
      for (const reason of churnReasons)
        for (const audience of audiences)
          for (const stage of stages)
            for (const dormantType of occasion === 'dormant_call' ? [null, ...dormantTypes] : [null])
              for (const recallLevel of occasion === 'recall_call' ? [null, ...recallLevels] : [null])
                if (!selectScript(lib, { occasion, reason, audience, stage, dormantType, recallLevel }))
                  unanswered.push(`${occasion}/${reason}/${audience}/${stage}/${dormantType}/${recallLevel}`);
    expect(unanswered).toEqual([]);
  });

  it('every special script of the spec is in the library', () => {
    for (const occasion of occasions) expect(lib.scripts.some((s) => s.occasion === occasion && s.stage === 'opening'), occasion).toBe(true);
    for (const dormantType of dormantTypes) expect(lib.scripts.filter((s) => s.dormantType === dormantType).length).toBeGreaterThanOrEqual(2);
  });
});

describe('audiencesFor', () => {
  it('lifecycle situation first, then the value tier', () => {
    expect(audiencesFor('dormant', 'high', true)).toEqual(['dormant', 'high']);
    expect(audiencesFor('lost', 'basic', false)).toEqual(['lost_recall', 'basic']);
    expect(audiencesFor('observation', 'mid', true)).toEqual(['returned', 'mid']);
    expect(audiencesFor('sold_or_moved', 'mid', false)).toEqual(['give_up', 'mid']);
    expect(audiencesFor('active', 'mid', true)).toEqual(['active_warning', 'mid']);
    expect(audiencesFor('active', 'mid', false)).toEqual(['mid']);
  });
});
