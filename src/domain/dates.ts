import { IANAZone } from 'luxon';
import { storeZone } from './store-zone.js';

/**
 * A calendar date as whole days since 1970-01-01. Scoring works on store-local calendar
 * dates (scoring.md), so every timestamp is reduced to one of these once, at the edge.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, Gregorian leap years; by arithmetic, as every imported date asks. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

export function dayFromYmd(y: number, m: number, d: number): Day {
  return Math.floor(utc(y, m - 1, d) / MS_PER_DAY);
}

/** `Date.UTC`, but a year below 100 is that year, not 19xx. */
function utc(y: number, month0: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = Date.UTC(y, month0, d, h, mi, s, ms);
  return y >= 100 || Number.isNaN(t) ? t : new Date(t).setUTCFullYear(y);
}

export function ymdOf(day: Day): { y: number; m: number; d: number } {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** True for `YYYY-MM-DD` and ISO 8601 timestamps with or without an offset. */
export function isIsoDateOrTimestamp(s: string): boolean {
  const m = DATE_RE.exec(s) ?? TIMESTAMP_RE.exec(s);
  if (!m) return false;
  if (!validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  return true;
}

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parses `YYYY-MM-DD`; throws on anything else (callers validate first). */
export function parseDay(s: string): Day {
  const m = DATE_RE.exec(s);
  if (!m || !validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`not a date: ${s}`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

// Formatting costs ~0.5 µs, and an import or an evaluation run asks for the same few hundred days again and again.
const dayTexts = new Map<Day, string>();

export function formatDay(day: Day): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= 10_000) dayTexts.clear();
    dayTexts.set(day, (text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)));
  }
  return text;
}

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Offset of `zone` from UTC in minutes at instant `ms`. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  return storeZone(zone).offset(ms);
}

/**
 * The instant (ms since epoch) an ISO date or timestamp denotes in `zone`: a bare date is the
 * store's local midnight, a timestamp without offset is store-local wall time.
 */
export function toInstant(s: string, zone: string): number {
  const fixed = fixedFormInstant(s);
  if (!Number.isNaN(fixed)) return fixed;
  const m = TIMESTAMP_RE.exec(s);
  return m ? instantOf(m, zone) : wallToInstant(parseDay(s) * MS_PER_DAY, zone);
}

/**
 * A matched timestamp's instant, by arithmetic: the events of two years pass through here at
 * every evaluation, and `Date.parse` cost more than the rest of it. Same answers: the fraction
 * is truncated to milliseconds, an offset is subtracted (`+0800` as `+08:00`).
 */
function instantOf(m: RegExpExecArray, zone: string): number {
  const wall = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0),
    m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0')));
  const offset = m[8];
  if (offset === undefined) return wallToInstant(wall, zone);
  if (offset === 'Z') return wall;
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2));
  return offset[0] === '-' ? wall + minutes * 60_000 : wall - minutes * 60_000;
}

/** Two decimal digits at `i`, NaN if either is not one. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * `YYYY-MM-DDTHH:MM:SS+HH:MM` (or `-HH:MM`), the form nearly every stored event has, read by
 * position: the regex alone cost more than the rest of a customer's dates. NaN for any other form.
 */
function fixedFormInstant(s: string): number {
  if (!hasFixedForm(s)) return NaN;
  const sign = s[19] === '+' ? -1 : 1;
  const wall = utc(twoDigits(s, 0) * 100 + twoDigits(s, 2), twoDigits(s, 5) - 1, twoDigits(s, 8), twoDigits(s, 11), twoDigits(s, 14), twoDigits(s, 17));
  return wall + sign * (twoDigits(s, 20) * 60 + twoDigits(s, 23)) * 60_000;
}

function hasFixedForm(s: string): boolean {
  return s.length === 25 && s[4] === '-' && s[7] === '-' && s[10] === 'T' && s[13] === ':' && s[16] === ':' && s[22] === ':' && (s[19] === '+' || s[19] === '-');
}

/** Store-local wall time → instant: subtract the offset in force (checked twice to land right across a shift). */
function wallToInstant(wall: number, zone: string): number {
  const guess = wall - zoneOffsetMinutes(zone, wall) * 60_000;
  return wall - zoneOffsetMinutes(zone, guess) * 60_000;
}

/** The store-local calendar date of an ISO date or timestamp. */
export function localDay(s: string, zone: string, instant?: number): Day {
  if (s.length === 10) return parseDay(s);
  // The caller's instant of a timestamp with an offset saves reading it again.
  if (instant !== undefined && hasFixedForm(s)) return localDayOfInstant(instant, zone);
  const fixed = fixedFormInstant(s);
  if (!Number.isNaN(fixed)) return localDayOfInstant(fixed, zone);
  const m = TIMESTAMP_RE.exec(s);
  if (m && m[8] === undefined) return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  return localDayOfInstant(instant ?? (m ? instantOf(m, zone) : toInstant(s, zone)), zone);
}

export function localDayOfInstant(ms: number, zone: string): Day {
  return Math.floor((ms + zoneOffsetMinutes(zone, ms) * 60_000) / MS_PER_DAY);
}

/** `day` + `months` calendar months; a day past the target month's end clamps to its last day. */
export function addMonthsClamped(day: Day, months: number): Day {
  const { y, m, d } = ymdOf(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return dayFromYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}
