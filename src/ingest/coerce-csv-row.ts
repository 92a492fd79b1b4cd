import type { RecordKind } from '../domain/records.js';
import { fieldTypesOf, type FieldType, type FieldTypes } from './csv-field-types.js';

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);
const ABSENT = Symbol('absent');

/**
 * Turns one cell into what the schema expects. A cell that cannot be coerced stays a string,
 * so validation names the field and says what was expected instead of the import guessing.
 */
export function coerceCell(cell: string, field: FieldType | undefined): unknown {
  const text = cell.trim();
  if (text === '') return field?.nullable ? null : ABSENT;
  switch (field?.type) {
    case 'number':
      return NUMBER_RE.test(text) ? Number(text) : cell;
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : cell;
    }
    case 'array':
      if (text.startsWith('[')) return parsedJson(text, Array.isArray) ?? cell;
      return text.split('|').map((s) => s.trim()).filter((s) => s !== '');
    case 'object':
      return text.startsWith('{') ? (parsedJson(text, (v) => typeof v === 'object' && v !== null && !Array.isArray(v)) ?? cell) : cell;
    default:
      return cell;
  }
}

function parsedJson(text: string, accept: (v: unknown) => boolean): unknown {
  try {
    const v: unknown = JSON.parse(text);
    return accept(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A function from the cells of one row to a record: `header` names the fields, dotted names
 * (`consent.sms`) rebuild nested objects, cells are coerced per the record schema.
 */
export function csvRowCoercer(kind: RecordKind, header: readonly string[]): (cells: readonly string[]) => Record<string, unknown> {
  const paths = header.map((h) => h.split('.'));
  const typeColumn = header.indexOf('type');
  return (cells) => {
    const types: FieldTypes | undefined = fieldTypesOf(kind, kind === 'events' && typeColumn >= 0 ? cells[typeColumn]?.trim() : undefined);
    const record: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) {
      const value = coerceCell(cells[i] ?? '', types?.get(header[i]!));
      if (value !== ABSENT) setPath(record, paths[i]!, value);
    }
    return record;
  };
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
    else node = setOwn(node, key, {}) as Record<string, unknown>;
  }
  setOwn(node, path[path.length - 1]!, value);
}

/** Plain assignment, except that a `__proto__` header must become a field, not a prototype. */
function setOwn(node: Record<string, unknown>, key: string, value: unknown): unknown {
  if (key === '__proto__') Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  else node[key] = value;
  return value;
}
