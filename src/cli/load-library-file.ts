import type { ScriptLibrary } from '../scripts/library-schema.js';
import { parseLibrary } from '../scripts/parse-library.js';
import { invalidDocument, readDocumentFile } from './read-document-file.js';

/** Reads and validates a script library (JSON or YAML); a bad one is refused naming each bad field. */
export function loadLibraryFile(file: string): ScriptLibrary {
  const parsed = parseLibrary(readDocumentFile(file));
  if (!parsed.ok) throw invalidDocument(file, 'the script library is', parsed.errors);
  return parsed.library;
}
