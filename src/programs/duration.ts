/**
 * Durations in a program document: an ISO 8601-like string (`PT72H`, `P3D`, `P1DT2H30M`) or an
 * object of whole `days`, `hours` and `minutes`. Months and years are refused on purpose: their
 * length varies, and every preset is written in days or less.
 */
export type DurationInput = string | { days?: number; hours?: number; minutes?: number };

/** A parsed duration: calendar days (same wall time n days later) plus elapsed minutes. */
export interface Duration {
  days: number;
  minutes: number;
}

const ISO_RE = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;
const KEYS = new Set(['days', 'hours', 'minutes']);

function wholeNonNegative(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** The duration, or null when the input is not one. */
export function parseDuration(input: unknown): Duration | null {
  if (typeof input === 'string') {
    const m = ISO_RE.exec(input);
    // `P` alone and a dangling `T` (`P1DT`) say nothing: refused.
    if (!m || input === 'P' || input.endsWith('T')) return null;
    const [, w, d, h, min] = m;
    return { days: Number(w ?? 0) * 7 + Number(d ?? 0), minutes: Number(h ?? 0) * 60 + Number(min ?? 0) };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const entries = Object.entries(input);
  if (entries.length === 0) return null;
  for (const [k, v] of entries) if (!KEYS.has(k) || !wholeNonNegative(v)) return null;
  const o = input as { days?: number; hours?: number; minutes?: number };
  return { days: o.days ?? 0, minutes: (o.hours ?? 0) * 60 + (o.minutes ?? 0) };
}

/** For ordering and comparing: a day counted as 24 h (exact across DST is not needed to compare). */
export function durationMinutes(d: Duration): number {
  return d.days * 1440 + d.minutes;
}

/** Parses a duration already validated by the schema (throws if it was not). */
export function toDuration(input: DurationInput): Duration {
  const d = parseDuration(input);
  if (!d) throw new Error(`not a duration: ${JSON.stringify(input)}`);
  return d;
}

export const DURATION_MESSAGE = 'must be a duration such as "PT72H", "P3D", "PT30M" or { "days": 3 } / { "hours": 2, "minutes": 30 }';
