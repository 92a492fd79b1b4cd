import { InvalidArgumentError } from 'commander';
import { isIsoDate, parseDay, type Day } from '../domain/dates.js';

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
