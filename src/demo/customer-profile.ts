import { formatDay, dayFromYmd, type Day } from '../domain/dates.js';
import type { Customer, Store } from '../domain/records.js';
import { draftPersona, type PersonaDraft } from './personas.js';
import { emailAddress, mobilePhone, personName, wechatHandle } from './names.js';
import { Rand, Stream } from './rng.js';
import { ADVISORS_PER_STORE, advisorId } from './stores.js';
import { makeVehicle, type DemoVehicle } from './vehicles.js';

/** The frame every customer is drawn in. */
export interface Frame {
  seed: number;
  asOf: Day;
  /** the first day of history: the store network opened `years` before asOf */
  open: Day;
  stores: readonly Store[];
}

export interface Profile {
  customer: Customer;
  vehicles: DemoVehicle[];
  draft: PersonaDraft;
  since: Day;
}

export function customerId(index: number): string {
  return `c-${String(index + 1).padStart(6, '0')}`;
}

export function storeOf(frame: Frame, index: number): Store {
  return frame.stores[index % frame.stores.length]!;
}

/**
 * The delivery date. EV sales have grown every year, so a service center's base is skewed
 * to recent owners: the delivery density rises linearly to 3× from the opening to today
 * (mean tenure ≈ 5/12 of the history). `latest` truncates it for personas that need history.
 */
function drawSince(rand: Rand, frame: Frame, latest: Day): Day {
  const span = frame.asOf - 3 - frame.open;
  const uMax = Math.max(0, Math.min(1, (latest - frame.open) / span));
  const p = rand.float() * (uMax + uMax * uMax);
  const u = (-1 + Math.sqrt(1 + 4 * p)) / 2;
  return frame.open + Math.floor(u * span);
}

/**
 * Persona and delivery date, drawn first in the profile stream so that they can be looked
 * up cheaply for any index (a referral needs to know when another customer bought their car).
 */
export function personaAndSince(frame: Frame, index: number, rand = new Rand(frame.seed, Stream.profile, index)) {
  let draft = draftPersona(rand, frame.asOf);
  // A story that needs more history than the store has becomes a healthy customer.
  if (draft.latestSince < frame.open) draft = { persona: 'healthy', turn: null, gapStart: null, latestSince: frame.asOf - 3 };
  return { draft, since: drawSince(rand, frame, Math.min(draft.latestSince, frame.asOf - 3)) };
}

export function makeProfile(frame: Frame, index: number): Profile {
  const rand = new Rand(frame.seed, Stream.profile, index);
  const { draft, since } = personaAndSince(frame, index, rand);
  const id = customerId(index);
  const store = storeOf(frame, index);
  const person = personName(rand);
  const birthYear = rand.int(1962, 2001);
  const birthday = dayFromYmd(birthYear, rand.int(1, 12), rand.int(1, 28));
  const wechat = rand.chance(0.72) ? wechatHandle(rand, person, birthYear) : null;
  const email = rand.chance(birthYear >= 1975 ? 0.22 : 0.1) ? emailAddress(rand, person, birthYear) : null;
  const hasApp = rand.chance(birthYear >= 1975 ? 0.7 : 0.45);
  // Consent: most say yes to service contact; some opt out of SMS marketing or calls, a few of all.
  const optOutAll = rand.chance(0.01);
  const consent = {
    sms: !optOutAll && rand.chance(0.92),
    phone: !optOutAll && rand.chance(0.95),
    wechat: !optOutAll && wechat !== null && rand.chance(0.97),
    app: !optOutAll && hasApp && rand.chance(0.93),
    email: !optOutAll && email !== null && rand.chance(0.7),
  };
  const vehicles = [makeVehicle(rand, id, since, index * 2)];
  // About one household in twelve brings a second car, bought later (not after leaving).
  const leaves = draft.persona === 'sold' || draft.persona === 'moved' || draft.persona === 'lost';
  const latestSecond = leaves && draft.turn !== null ? draft.turn - 30 : frame.asOf - 30;
  if (rand.chance(0.08) && latestSecond > since) {
    vehicles.push(makeVehicle(rand, id, rand.int(since, latestSecond), index * 2 + 1));
  }
  const customer: Customer = {
    id,
    storeId: store.id,
    name: person.name,
    phone: mobilePhone(rand, index, frame.seed),
    wechat,
    email,
    advisorId: advisorId(store.id, rand.int(0, ADVISORS_PER_STORE - 1)),
    since: formatDay(since),
    hasApp,
    birthday: formatDay(birthday),
    consent,
  };
  return { customer, vehicles, draft, since };
}
