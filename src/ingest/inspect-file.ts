import { closeSync, openSync, readSync } from 'node:fs';

/** How a record file's text is encoded: UTF-8 (the format's), or GB18030 as Chinese Excel and DMS exports save it. */
export type TextEncoding = 'utf-8' | 'gb18030';

export type FileInspection = { encoding: TextEncoding; problem?: undefined } | { problem: string; encoding?: undefined };

const SAMPLE_BYTES = 64 * 1024;
const SIGNATURES: [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel .xlsx workbook?)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls workbook'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
];
const ASK = 'save it as CSV (UTF-8) or JSON Lines';

/**
 * Looks at the start of a record file before it is read: an empty or binary file is refused
 * as a whole with one clear reason, and text that is not UTF-8 but is valid GB18030 (GBK's
 * superset, what Excel saves as "CSV" on a Chinese Windows) is read as such. GB18030 can
 * decode almost any bytes, so UTF-8 wins whenever the sample is valid UTF-8.
 */
export function inspectFile(path: string): FileInspection {
  const fd = openSync(path, 'r');
  const sample = Buffer.alloc(SAMPLE_BYTES);
  let size: number;
  try {
    size = readSync(fd, sample, 0, SAMPLE_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return inspectSample(sample.subarray(0, size));
}

export function inspectSample(bytes: Uint8Array): FileInspection {
  if (bytes.length === 0) return { problem: 'the file is empty: nothing to import' };
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return { problem: `the file is ${what}, not text: ${ASK}` };
  }
  if (bytes.includes(0)) return { problem: `the file holds binary data (NUL bytes), not text: ${ASK}` };
  if (decodes('utf-8', bytes)) return { encoding: 'utf-8' };
  return decodes('gb18030', bytes)
    ? { encoding: 'gb18030' }
    : { problem: `the file is neither UTF-8 nor GB18030 text: ${ASK}` };
}

function decodes(encoding: TextEncoding, bytes: Uint8Array): boolean {
  try {
    // stream: a character cut at the end of the sample is not an error.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
