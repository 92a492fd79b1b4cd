import { describe, expect, it } from 'vitest';
import type { Level, RuleHit } from './evaluation.js';
import { warningLevel } from './warning-level.js';

const rule = (level: Level): RuleHit => ({ id: 'r', level, detail: '' });
const parts = (over: Partial<Parameters<typeof warningLevel>[0]> = {}) => ({
  riskTier: 'green' as Level, response: null, rules: [], silent: 'green' as Level, ...over,
});

describe('the warning level (§7)', () => {
  it('is the highest of the risk tier, response level, rules and silent level', () => {
    expect(warningLevel(parts(), 'active', 'orange').level).toBe('green');
    expect(warningLevel(parts({ riskTier: 'yellow' }), 'active', 'orange').level).toBe('yellow');
    expect(warningLevel(parts({ response: 'orange' }), 'active', 'orange').level).toBe('orange');
    expect(warningLevel(parts({ rules: [rule('yellow'), rule('red')] }), 'active', 'orange').level).toBe('red');
    expect(warningLevel(parts({ silent: 'orange', riskTier: 'yellow' }), 'active', 'orange').level).toBe('orange');
  });

  it('raises a customer under observation who is not green to at least orange', () => {
    expect(warningLevel(parts({ riskTier: 'yellow' }), 'observation', 'orange')).toEqual({ level: 'orange', raisedFrom: 'yellow' });
    expect(warningLevel(parts(), 'observation', 'orange')).toEqual({ level: 'green', raisedFrom: null });
    expect(warningLevel(parts({ response: 'red' }), 'observation', 'orange')).toEqual({ level: 'red', raisedFrom: null });
    expect(warningLevel(parts({ riskTier: 'yellow' }), 'dormant', 'orange').level).toBe('yellow');
  });
});
