import { readFileSync } from 'node:fs';
import { parsePolicyText } from '../domain/policy/parse-policy.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { UsageError } from './context.js';
import { invalidDocument } from './read-document-file.js';

/** Reads and validates a policy document; a bad one is refused naming each bad field. */
export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
  const parsed = parsePolicyText(text, file);
  if (!parsed.ok) {
    throw invalidDocument(file, 'the policy is', parsed.errors);
  }
  return parsed.policy;
}
