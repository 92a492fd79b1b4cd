import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultPolicy } from './default-policy.js';
import { parsePolicy, parsePolicyText } from './parse-policy.js';

/** A mutable copy of the default policy as plain data, to break on purpose. */
const doc = (): Record<string, any> => structuredClone(defaultPolicy()) as Record<string, any>;

function errorsOf(input: unknown) {
  const r = parsePolicy(input);
  if (r.ok) throw new Error('expected the policy to be refused');
  return r.errors;
}

describe('the default policy', () => {
  it('is valid, versioned and frozen', () => {
    const p = defaultPolicy();
    expect(p.version).toMatch(/\S/);
    expect(Object.isFrozen(p.risk.weights)).toBe(true);
  });

  it('carries the ten rules of §6 with ids "1" … "10"', () => {
    const rules = defaultPolicy().rules;
    expect(rules.map((r) => `${r.id}:${r.level}`)).toEqual([
      '1:yellow', '2:orange', '3:orange', '4:orange', '5:red', '6:yellow', '7:yellow', '8:orange', '9:yellow', '10:red',
    ]);
    expect(rules[6]!.when).toEqual({ all: [{ field: 'hasApp', op: '==', value: true }, { field: 'appLogins30', op: '==', value: 0 }] });
    expect(rules[9]!.when).toEqual({ field: 'risk.score', op: '<', value: 35 });
  });

  it('survives a JSON round trip (it is stored as a document)', () => {
    const r = parsePolicy(JSON.parse(JSON.stringify(defaultPolicy())));
    expect(r.ok && r.policy).toEqual(defaultPolicy());
  });
});

describe('refusing a bad policy with the path of the field', () => {
  it('a weight of the wrong type', () => {
    const d = doc();
    d.risk.weights.r = '0.5';
    expect(errorsOf(d)).toEqual([{ path: 'risk.weights.r', message: expect.stringContaining('expected number') }]);
  });

  it('an unknown field in a rule, nested or not', () => {
    const d = doc();
    d.rules[3].when.field = 'NPS';
    d.rules[6].when.all[1].value = 'zero';
    expect(errorsOf(d).map((e) => e.path)).toEqual(['rules.3.when.field', 'rules.6.when.all.1.value']);
  });

  it('a missing field, and an unknown one', () => {
    const d = doc();
    delete d.health.tiers.blue;
    d.risk.weight = 1;
    expect(errorsOf(d)).toEqual([
      { path: 'risk.weight', message: 'unknown field' },
      { path: 'health.tiers.blue', message: 'is required' },
    ]);
  });

  it('tiers out of order and weights that do not sum to 1', () => {
    const d = doc();
    d.risk.tiers.orange = 60;
    d.health.weights.referral = 0.1;
    const errors = errorsOf(d);
    expect(errors.map((e) => e.path)).toEqual(['health.weights', 'risk.tiers.orange']);
    expect(errors[1]!.message).toContain('below yellow (60)');
  });

  it('accepts weights that sum to 1 up to rounding', () => {
    const d = doc();
    Object.assign(d.health.weights, { visits: 0.1, spend: 0.2, satisfaction: 0.3, interaction: 0.35, referral: 0.05 });
    expect(parsePolicy(d).ok).toBe(true);
  });

  it('bands out of order, a band with two bounds, R bands and silent counts', () => {
    const d = doc();
    d.risk.rScore.bands[1].atMost = 20;
    d.health.visits.bands[0] = { atLeast: 3, above: 2, score: 100 };
    d.rBands.orange = 50;
    d.silent.levels.red = 2;
    expect(errorsOf(d)).toEqual([
      { path: 'risk.rScore.bands.1', message: expect.stringContaining('ascending') },
      { path: 'health.visits.bands.0', message: expect.stringContaining('exactly one of') },
      { path: 'rBands.orange', message: expect.stringContaining('above yellow (60)') },
      { path: 'silent.levels.red', message: expect.stringContaining('above orange (2)') },
    ]);
  });

  it('silent grades, value tiers, recall recency and response steps that contradict each other', () => {
    const d = doc();
    d.silent.indicators.R.danger = { below: 150 };
    d.silent.indicators.complaints365.danger = { atLeast: 0 };
    d.valueTier.mid = { atLeast: 9000 };
    d.recall.longAboveR = 200;
    d.responseLevels.orange.minSignals = 4;
    expect(errorsOf(d).map((e) => e.path)).toEqual([
      'responseLevels.red.minSignals',
      'silent.indicators.R.danger',
      'silent.indicators.complaints365.danger',
      'valueTier.mid',
      'recall.longAboveR',
    ]);
  });

  it('duplicate rule ids and an unknown level', () => {
    const d = doc();
    d.rules[1].id = '1';
    expect(errorsOf(d)).toEqual([{ path: 'rules.1.id', message: 'duplicate rule id "1"' }]);
    d.rules[1].id = '2';
    d.rules[1].level = 'purple';
    expect(errorsOf(d).map((e) => e.path)).toEqual(['rules.1.level']);
  });

  it('fills in `enabled` for a rule that leaves it out', () => {
    const d = doc();
    delete d.rules[0].enabled;
    const r = parsePolicy(d);
    expect(r.ok && r.policy.rules[0]!.enabled).toBe(true);
  });
});

describe('reading a policy file', () => {
  it('reads YAML and JSON', () => {
    expect(parsePolicyText(stringify(defaultPolicy()), 'policy.yaml')).toEqual({ ok: true, policy: defaultPolicy() });
    expect(parsePolicyText(JSON.stringify(defaultPolicy(), null, 2), 'policy.json')).toEqual({ ok: true, policy: defaultPolicy() });
  });

  it('accepts a rule written by hand in YAML', () => {
    const { rules: _defaultRules, ...rest } = doc();
    const text = stringify(rest) + [
      'rules:',
      '  - id: vip-quiet',
      '    level: orange',
      '    when:',
      '      all:',
      '        - { field: historicalAnnualSpend, op: ">", value: 8000 }',
      '        - { field: R, op: ">", value: 45 }',
    ].join('\n');
    const r = parsePolicyText(text, 'custom.yaml');
    expect(r.ok && r.policy.rules).toEqual([
      { id: 'vip-quiet', level: 'orange', enabled: true, when: { all: [{ field: 'historicalAnnualSpend', op: '>', value: 8000 }, { field: 'R', op: '>', value: 45 }] } },
    ]);
  });

  it('reports a syntax error with its line', () => {
    const yaml = parsePolicyText('version: x\nrisk:\n  weights: [1,\n  r: 2\n', 'p.yaml');
    expect(yaml.ok === false && yaml.errors[0]).toMatchObject({ path: '', line: 4, message: expect.stringContaining('p.yaml: YAML syntax error') });
    const json = parsePolicyText('{\n  "version": "x",\n  "risk": {,\n}', 'p.json');
    expect(json.ok === false && json.errors[0]).toMatchObject({ path: '', line: 3, message: expect.stringContaining('line 3') });
  });

  it('gives the line of a bad field', () => {
    const d = doc();
    d.risk.weights.r = 'half';
    const text = stringify(d);
    const r = parsePolicyText(text, 'p.yml');
    const expectedLine = text.split('\n').findIndex((l) => l.includes('r: half')) + 1;
    expect(r.ok === false && r.errors).toEqual([{ path: 'risk.weights.r', message: expect.any(String), line: expectedLine }]);
  });
});
