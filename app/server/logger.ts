import { pino, type Logger } from 'pino';

export type { Logger };

// Structured JSON logs. Contact details and suggestion text never belong in a
// log line: the redact list is a safety net for fields that might slip into a
// logged object, not a licence to log them.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'jianyan' },
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
