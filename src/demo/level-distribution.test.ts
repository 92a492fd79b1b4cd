import { describe, expect, it } from 'vitest';
import { parseDay } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { Level, Lifecycle } from '../domain/evaluation.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { DEMO_TIME_ZONE } from './calendar.js';
import { generateServiceCenter } from './generate-service-center.js';
import type { Persona } from './personas.js';

/**
 * The demo must look like a real service center under the default policy (the brief's
 * bands): most customers green, yellow and orange most of the rest, a few percent red —
 * and each persona must land where its story says.
 */
const ASOF = '2026-06-30';
const N = 2000;

interface Outcome {
  persona: Persona;
  level: Level;
  lifecycle: Lifecycle;
}

const outcomes: Outcome[] = [];
const policy = defaultPolicy();
for (const b of generateServiceCenter({ seed: 2024, customers: N, asOf: ASOF }).bundles()) {
  const ev = evaluateCustomer({ customer: b.customer, vehicles: b.vehicles, events: b.events, timeZone: DEMO_TIME_ZONE }, policy, parseDay(ASOF));
  outcomes.push({ persona: b.persona, level: ev.level, lifecycle: ev.lifecycle });
}

function share(of: Outcome[], test: (o: Outcome) => boolean): number {
  return of.filter(test).length / of.length;
}
const persona = (p: Persona) => outcomes.filter((o) => o.persona === p);
const level = (...levels: Level[]) => (o: Outcome) => levels.includes(o.level);
const lifecycle = (...stages: Lifecycle[]) => (o: Outcome) => stages.includes(o.lifecycle);

describe(`demo service center evaluated with the default policy (${N} customers)`, () => {
  it('is mostly green with a few percent red', () => {
    const pct = (l: Level) => Math.round(1000 * share(outcomes, level(l))) / 10;
    console.log(`levels: green ${pct('green')} %, yellow ${pct('yellow')} %, orange ${pct('orange')} %, red ${pct('red')} %`);
    expect(share(outcomes, level('green'))).toBeGreaterThanOrEqual(0.55);
    expect(share(outcomes, level('green'))).toBeLessThanOrEqual(0.75);
    expect(share(outcomes, level('red'))).toBeGreaterThanOrEqual(0.02);
    expect(share(outcomes, level('red'))).toBeLessThanOrEqual(0.06);
    // "yellow and orange making up most of the rest"
    const rest = outcomes.filter((o) => o.level !== 'green');
    expect(share(rest, level('yellow', 'orange'))).toBeGreaterThan(0.75);
  });

  it('keeps healthy customers green', () => {
    expect(share(persona('healthy'), level('green'))).toBeGreaterThanOrEqual(0.85);
    expect(share(persona('healthy'), level('red'))).toBe(0);
  });

  it('warns about customers drifting, going silent or cancelling', () => {
    expect(share(persona('drifting'), level('green'))).toBeLessThan(0.1);
    expect(share(persona('silent'), level('green'))).toBeLessThan(0.1);
    expect(share(persona('cancelling'), level('green'))).toBeLessThan(0.4);
    // Drifting and silent customers are caught early: mostly yellow or orange, not yet red.
    expect(share(persona('drifting'), level('yellow', 'orange'))).toBeGreaterThan(0.7);
    expect(share(persona('silent'), level('yellow', 'orange'))).toBeGreaterThan(0.8);
  });

  it('puts an unresolved complaint at orange or red', () => {
    expect(share(persona('complaining'), level('orange', 'red'))).toBeGreaterThanOrEqual(0.8);
  });

  it('recognises the sold, the moved, the lost and the returned', () => {
    expect(share([...persona('sold'), ...persona('moved')], lifecycle('sold_or_moved'))).toBeGreaterThanOrEqual(0.95);
    expect(share(persona('lost'), lifecycle('lost', 'dormant', 'abandoned'))).toBeGreaterThanOrEqual(0.95);
    expect(share(persona('lost'), level('red'))).toBeGreaterThanOrEqual(0.95);
    expect(share(persona('returned'), lifecycle('observation'))).toBeGreaterThanOrEqual(0.9);
    // Nobody else is mistaken for having left.
    const stayed = outcomes.filter((o) => o.persona !== 'sold' && o.persona !== 'moved');
    expect(share(stayed, lifecycle('sold_or_moved'))).toBe(0);
  });
});
