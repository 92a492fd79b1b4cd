import { InvalidArgumentError } from 'commander';
import { DEFAULT_TIME_ZONE, isIsoDate, isIsoDateOrTimestamp, parseDay, toInstant, type Day } from '../domain/dates.js';

/** Argument parsers for commander: a bad value is refused naming the option and the reason. */
export function asDay(value: string): Day {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`"${value}" is not a calendar date (YYYY-MM-DD).`);
  return parseDay(value);
}

export function asPositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number.`);
  return n;
}

export function asPort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port (0–65535).`);
  return n;
}

/** A moment, as an ISO 8601 date-time; without an offset it is read in the stores' zone. */
export function asInstant(value: string): Date {
  const ms = isIsoDateOrTimestamp(value) ? toInstant(value, DEFAULT_TIME_ZONE) : Number.NaN;
  if (!Number.isFinite(ms)) throw new InvalidArgumentError(`"${value}" is not a date-time (YYYY-MM-DDTHH:MM, optionally with an offset).`);
  return new Date(ms);
}
