import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { recordKinds, type RecordKind } from '../domain/records.js';

export type FileFormat = 'jsonl' | 'csv';

export interface ImportFile {
  /** Absolute or caller-relative path to open. */
  path: string;
  /** Name relative to the imported path, as reported in summaries and errors. */
  name: string;
  kind: RecordKind;
  format: FileFormat;
  bytes: number;
}

const FORMATS: Record<string, FileFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };
// The kind is the base name or its prefix before a non-letter: `events-2024-05.csv`, `staff_sh.jsonl`.
const KIND_RE = new RegExp(`^(${recordKinds.join('|')})(?![a-z])`, 'i');

/** What a file holds, from its name; undefined when it is not a record file. */
export function classifyFile(name: string): { kind: RecordKind; format: FileFormat } | undefined {
  const dot = name.lastIndexOf('.');
  const format = dot > 0 ? FORMATS[name.slice(dot).toLowerCase()] : undefined;
  const kind = KIND_RE.exec(name.slice(0, dot))?.[1]?.toLowerCase() as RecordKind | undefined;
  return format && kind ? { kind, format } : undefined;
}

/**
 * The record files of a directory (not recursive) or the single file `path`, in dependency
 * order — stores, staff, customers, vehicles, events — and by name within a kind. Anything
 * else is listed as skipped.
 */
export function listImportFiles(path: string): { files: ImportFile[]; skipped: string[] } {
  const files: ImportFile[] = [];
  const skipped: string[] = [];
  const stat = statSync(path);
  const entries = stat.isDirectory()
    ? readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, full: join(path, e.name), isFile: e.isFile() || e.isSymbolicLink() }))
    : [{ name: basename(path), full: path, isFile: true }];
  for (const e of entries) {
    const what = e.isFile ? classifyFile(e.name) : undefined;
    if (!what) {
      skipped.push(e.name);
      continue;
    }
    const s = statSync(e.full);
    if (!s.isFile()) skipped.push(e.name);
    else files.push({ path: e.full, name: e.name, ...what, bytes: s.size });
  }
  const rank = (k: RecordKind) => recordKinds.indexOf(k);
  files.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  skipped.sort();
  return { files, skipped };
}
