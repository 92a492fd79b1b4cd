/** One record read from a file, or why the line could not be read; `line` is 1-based as in the file. */
export type ReadItem = { line: number; record: unknown; error?: undefined } | { line: number; error: string; field?: string; record?: undefined };
