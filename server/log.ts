/**
 * @module The service's log: one JSON object per line on stdout. Callers pass an event
 * name and plain fields; secrets are never passed in (S05), and `redact` guards the
 * few fields whose names say they might hold one.
 */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const SECRET_FIELD = /pass|token|secret|authorization|cookie/i;

/** A logger writing JSON lines to `write` (stdout by default; tests capture it). */
export function createLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  const emit =
    (level: string) =>
    (event: string, fields: LogFields = {}) => {
      const safe: LogFields = {};
      for (const [key, value] of Object.entries(fields)) {
        safe[key] = SECRET_FIELD.test(key) ? '[redacted]' : value;
      }
      write(JSON.stringify({ time: new Date().toISOString(), level, event, ...safe }));
    };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything, for tools that print their own output. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
