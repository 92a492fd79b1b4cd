import pino from 'pino';

/** Structured logs to stderr, so command output on stdout stays machine-readable. */
export const log = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));
