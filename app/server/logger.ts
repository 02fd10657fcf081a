import { pino, type Logger } from 'pino';
import { safeError } from '../utils/safe-error.ts';

export type { Logger };

// Structured JSON logs. Contact details and suggestion text never belong in a
// log line: the redact list is a safety net for fields that might slip into a
// logged object, not a licence to log them.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'jianyan' },
    // An error is logged as name, code and server message only (see safe-error).
    serializers: { err: (error: unknown) => (typeof error === 'string' ? { message: error } : safeError(error)) },
    redact: {
      paths: [
        'password',
        '*.password',
        'email',
        '*.email',
        'phone',
        '*.phone',
        'name',
        '*.name',
        'contact',
        '*.contact',
        'req.headers.cookie',
        'req.headers.authorization',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
  });
}
