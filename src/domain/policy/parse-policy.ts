import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { policySchema, type Policy } from './policy-schema.js';

/** One problem with a policy: the dotted path of the field (`risk.weights.r`), why, and where. */
export interface PolicyError {
  path: string;
  message: string;
  /** 1-based line in the policy text, when it was read from text. */
  line?: number;
}

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

type Located = { segments: (string | number)[]; message: string };

function toLocated(issue: z.core.$ZodIssue): Located[] {
  const segments = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ segments: [...segments, k], message: 'unknown field' }));
  return [{ segments, message: issue.message }];
}

function validate(input: unknown): { ok: true; policy: Policy } | { ok: false; errors: Located[] } {
  const r = policySchema.safeParse(input, { error: (iss) => (iss.input === undefined ? 'is required' : undefined) });
  return r.success ? { ok: true, policy: r.data } : { ok: false, errors: r.error.issues.flatMap(toLocated) };
}

/** Validates a policy document (already parsed from JSON/YAML or read from the database). */
export function parsePolicy(input: unknown): PolicyResult {
  const r = validate(input);
  if (r.ok) return r;
  return { ok: false, errors: r.errors.map((e) => ({ path: e.segments.join('.'), message: e.message })) };
}

/**
 * Reads a policy file: `.json` as strict JSON, anything else as YAML. A syntax error is reported
 * with its line; a validation error also carries the line of the bad field when it can be found.
 */
export function parsePolicyText(text: string, fileName: string): PolicyResult {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed | null = null;
  let data: unknown;
  if (/\.json$/i.test(fileName)) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { ok: false, errors: [jsonSyntaxError(text, (e as Error).message, fileName)] };
    }
  } else {
    doc = parseDocument(text, { lineCounter });
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line;
      return { ok: false, errors: [{ path: '', message: `${fileName}: YAML syntax error: ${err.message.split('\n')[0]!.replace(/:$/, '')}`, ...(line ? { line } : {}) }] };
    }
    data = doc.toJS();
  }
  const r = validate(data);
  if (r.ok) return r;
  // JSON is YAML too, so one reader finds the lines for both.
  doc ??= parseDocument(text, { lineCounter });
  const located = doc.errors.length === 0 ? doc : null;
  return {
    ok: false,
    errors: r.errors.map((e) => {
      const line = located ? lineOf(located, lineCounter, e.segments) : undefined;
      return { path: e.segments.join('.'), message: e.message, ...(line ? { line } : {}) };
    }),
  };
}

/** The line of the deepest node on `segments` that exists (a missing field points at its parent). */
function lineOf(doc: Document.Parsed, lc: LineCounter, segments: (string | number)[]): number | undefined {
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lc.linePos(range[0]).line;
  }
  return undefined;
}

function jsonSyntaxError(text: string, message: string, fileName: string): PolicyError {
  const at = /position (\d+)/.exec(message);
  if (!at) return { path: '', message: `${fileName}: JSON syntax error: ${message}` };
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { path: '', message: `${fileName}: JSON syntax error at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`, line };
}
