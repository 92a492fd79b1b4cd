import { InvalidArgumentError } from 'commander';
import { expect, it } from 'vitest';
import { asInstant } from './parse-args.js';

it('reads a moment in store time unless it carries an offset', () => {
  expect(asInstant('2026-06-15T10:00').toISOString()).toBe('2026-06-15T02:00:00.000Z');
  expect(asInstant('2026-06-15T10:00:00Z').toISOString()).toBe('2026-06-15T10:00:00.000Z');
  expect(asInstant('2026-06-15T10:00:00-05:00').toISOString()).toBe('2026-06-15T15:00:00.000Z');
  expect(asInstant('2026-06-15').toISOString()).toBe('2026-06-14T16:00:00.000Z');
});

it('refuses what is not a moment, naming the value', () => {
  for (const bad of ['tomorrow', '2026-02-30T10:00', '2026-06-15T24:00', '']) {
    expect(() => asInstant(bad)).toThrow(InvalidArgumentError);
  }
  expect(() => asInstant('noon')).toThrow('"noon" is not a date-time');
});
