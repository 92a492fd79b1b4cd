import type { z } from 'zod';
import { eventSchema, recordSchemas, type RecordKind } from '../domain/records.js';

/** What a CSV cell has to become for the schema: everything arrives as text. */
export type CellType = 'number' | 'boolean' | 'array' | 'object' | 'text';
export interface FieldType {
  type: CellType;
  /** An empty cell means null (the field is nullable) rather than absent. */
  nullable: boolean;
  /** The record needs the field (no optional or default wrapper). */
  required: boolean;
}
/** Dotted field path (`consent.sms`) → type. */
export type FieldTypes = Map<string, FieldType>;

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Reads the field types off the record schemas, so a field added to records.ts is coerced
 * without a hand-kept list here. Wrappers (optional, nullable, default, pipe) are looked through.
 */
function collect(shape: Record<string, z.ZodType>, prefix: string, into: FieldTypes): FieldTypes {
  for (const [name, schema] of Object.entries(shape)) {
    let def = defOf(schema);
    let nullable = false;
    let required = true;
    for (;;) {
      if (def.type === 'nullable') nullable = true;
      if (def.type === 'optional' || def.type === 'default') required = false;
      const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
      if (!inner) break;
      def = defOf(inner);
    }
    const path = prefix + name;
    const type: CellType =
      def.type === 'number' || def.type === 'int'
        ? 'number'
        : def.type === 'boolean'
          ? 'boolean'
          : def.type === 'array'
            ? 'array'
            : def.type === 'object'
              ? 'object'
              : 'text';
    into.set(path, { type, nullable, required });
    if (type === 'object' && def.shape) collect(def.shape, `${path}.`, into);
  }
  return into;
}

const byKind = new Map<RecordKind, FieldTypes>();
const byEventType = new Map<string, FieldTypes>(
  eventSchema.options.map((o) => [o.shape.type.value, collect(o.shape as Record<string, z.ZodType>, '', new Map())]),
);

/**
 * The field types of a record kind; for events they depend on the row's `type` (an unknown
 * type gets no coercion beyond text, and validation reports the type).
 */
export function fieldTypesOf(kind: RecordKind, eventType?: string): FieldTypes | undefined {
  if (kind === 'events') return eventType === undefined ? undefined : byEventType.get(eventType);
  let types = byKind.get(kind);
  if (!types) {
    types = collect(recordSchemas[kind].shape as Record<string, z.ZodType>, '', new Map());
    byKind.set(kind, types);
  }
  return types;
}

const requiredOf = (types: FieldTypes) => [...types].filter(([path, t]) => t.required && !path.includes('.')).map(([path]) => path);
const EVENT_COLUMNS = [...byEventType.values()].map(requiredOf).reduce((all, some) => all.filter((c) => some.includes(c)));

/** The top-level fields every record of `kind` needs, so a CSV header must have them (events: those of every type). */
export function requiredColumns(kind: RecordKind): string[] {
  return kind === 'events' ? EVENT_COLUMNS : requiredOf(fieldTypesOf(kind)!);
}
