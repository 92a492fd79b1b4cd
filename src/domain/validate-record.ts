import { z } from 'zod';
import { futureEventError } from './future-event.js';
import { eventSchema, eventTypes, recordSchemas, type RecordKind, type RecordOf } from './records.js';

/** One problem with one record: the field (dotted path, '' for the whole record) and why. */
export interface FieldError {
  field: string;
  reason: string;
}

export type Validated<K extends RecordKind> = { ok: true; value: RecordOf[K] } | { ok: false; errors: FieldError[] };

// The fields of each record kind and event type, worked out once: an import asks for every record.
const KIND_KEYS = new Map<RecordKind, ReadonlySet<string>>();
const EVENT_KEYS = new Map(eventSchema.options.map((o) => [o.shape.type.value as string, new Set(Object.keys(o.shape))]));

function knownKeys(kind: RecordKind, input: Record<string, unknown>): ReadonlySet<string> {
  if (kind === 'events') return EVENT_KEYS.get(input.type as string) ?? new Set();
  let keys = KIND_KEYS.get(kind);
  if (!keys) KIND_KEYS.set(kind, (keys = new Set(Object.keys(recordSchemas[kind].shape))));
  return keys;
}

/**
 * Validates one record of data-format.md. Unknown fields are kept under `extra`
 * (never dropped silently); a present `extra` object is merged with them. Given `now` (when an
 * import or an API call receives it), an event may not be dated more than a day after it.
 */
export function validateRecord<K extends RecordKind>(kind: K, input: unknown, now?: Date): Validated<K> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', reason: 'must be a JSON object' }] };
  }
  const obj = input as Record<string, unknown>;
  if (kind === 'events' && typeof obj.type === 'string' && !eventTypes.includes(obj.type as never)) {
    return { ok: false, errors: [{ field: 'type', reason: `unknown event type "${obj.type}"` }] };
  }
  const parsed = (recordSchemas[kind] as z.ZodType).safeParse(obj);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), reason: i.message })),
    };
  }
  const known = knownKeys(kind, obj);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'extra' && typeof v === 'object' && v !== null) Object.assign(extra, v);
    else if (!known.has(k)) extra[k] = v;
  }
  const value = parsed.data as RecordOf[K];
  const future = now && kind === 'events' ? futureEventError((value as RecordOf['events']).at, now) : undefined;
  if (future) return { ok: false, errors: [future] };
  if (Object.keys(extra).length > 0) (value as { extra?: Record<string, unknown> }).extra = extra;
  return { ok: true, value };
}
