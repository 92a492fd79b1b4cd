import { parsePrograms } from '../programs/parse-programs.js';
import type { ProgramDocument } from '../programs/program-schema.js';
import { invalidDocument, readDocumentFile } from './read-document-file.js';

/** Reads and validates a program document (JSON or YAML); a bad one is refused naming each bad field. */
export function loadProgramsFile(file: string): ProgramDocument {
  const parsed = parsePrograms(readDocumentFile(file));
  if (!parsed.ok) throw invalidDocument(file, 'the programs are', parsed.errors);
  return parsed.document;
}
