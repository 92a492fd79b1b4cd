import { formatDay, localDay, toInstant, type Day } from '../domain/dates.js';
import type { EventOf, RetainEvent, Vehicle } from '../domain/records.js';

type Visit = EventOf<'visit'>;

export interface VisitFacts {
  lastVisit: { day: string; kind: Visit['kind']; items: string[] } | null;
  /** The latest odometer reading on or before asOf, from visits and mileage events. */
  mileage: number | null;
  /** The next service by distance for the vehicle with a km interval, or null when unknown. */
  nextServiceKm: number | null;
}

interface Timed<E> {
  e: E;
  instant: number;
}

/** The customer's events up to the end of `asOf` (store-local), oldest first. */
function upTo(events: readonly RetainEvent[], asOf: Day, zone: string): Timed<RetainEvent>[] {
  return events
    .filter((e) => localDay(e.at, zone) <= asOf)
    .map((e) => ({ e, instant: toInstant(e.at, zone) }))
    .sort((a, b) => a.instant - b.instant);
}

function isVisit(t: Timed<RetainEvent>): t is Timed<Visit> {
  return t.e.type === 'visit';
}

/**
 * Next service mileage: the last maintenance reading plus the interval, or else the next multiple
 * of the interval (a car at exactly 40,000 km is due its 40,000 km service now).
 */
function nextServiceKm(vehicles: readonly Vehicle[], visits: Timed<Visit>[], mileage: number | null): number | null {
  const v = vehicles.find((x) => x.maintenanceIntervalKm);
  const interval = v?.maintenanceIntervalKm;
  if (!v || !interval) return null;
  const own = visits.filter((x) => !x.e.vin || x.e.vin === v.vin);
  const lastService = own.filter((x) => x.e.kind === 'maintenance' && x.e.mileage != null).at(-1);
  if (lastService) return lastService.e.mileage! + interval;
  if (mileage === null) return null;
  return Math.max(interval, Math.ceil(mileage / interval) * interval);
}

/** What the scripts say about the customer's history, read from the event log as of a date. */
export function visitFacts(events: readonly RetainEvent[], vehicles: readonly Vehicle[], asOf: Day, zone: string): VisitFacts {
  const timed = upTo(events, asOf, zone);
  const visits = timed.filter(isVisit);
  const last = visits.at(-1);
  let mileage: number | null = null;
  for (const t of timed) {
    if (t.e.type === 'mileage') mileage = t.e.km;
    else if (t.e.type === 'visit' && t.e.mileage != null) mileage = t.e.mileage;
  }
  return {
    lastVisit: last ? { day: formatDay(localDay(last.e.at, zone)), kind: last.e.kind, items: last.e.items } : null,
    mileage,
    nextServiceKm: nextServiceKm(vehicles, visits, mileage),
  };
}

/** The latest open complaint's topic (opened and not closed by asOf). */
export function openComplaintTopic(events: readonly RetainEvent[], asOf: Day, zone: string): string | null {
  const open = new Map<string, string | null>();
  for (const { e } of upTo(events, asOf, zone)) {
    if (e.type === 'complaint_opened') open.set(e.complaintId, e.topic ?? null);
    if (e.type === 'complaint_closed') open.delete(e.complaintId);
  }
  return [...open.values()].filter((t) => t !== null).at(-1) ?? null;
}
