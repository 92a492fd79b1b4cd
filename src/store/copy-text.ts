const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const ESCAPED_ALL = /\\([\\nrt])/g;
const UNESCAPES: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t' };

/**
 * A value as a field of COPY text format: backslash, newline, carriage return and tab are
 * escaped (the test first, because almost no value has any).
 */
export function copyField(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** The value of a field written by copyField. */
export function fromCopyField(field: string): string {
  return field.includes('\\') ? field.replace(ESCAPED_ALL, (_, c: string) => UNESCAPES[c]!) : field;
}

/**
 * A string as an SQL literal, for statements that take no parameters (COPY). The E'' form
 * reads backslash escapes whatever standard_conforming_strings says, so both quote and
 * backslash are doubled.
 */
export function sqlLiteral(value: string): string {
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
