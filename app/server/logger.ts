import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LoggerOptions, type TransportSingleOptions } from 'pino';
import { safeError } from '../utils/safe-error.ts';

export type { Logger };

// Structured JSON logs. Contact details and suggestion text never belong in a
// log line: the redact list is a safety net for fields that might slip into a
// logged object, not a licence to log them. `destination` (stdout when absent)
// lets the e2e server also keep its log in a file that the leak test reads.
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    // pino takes a transport or a destination, not both: a destination is a file of JSON lines.
    transport: destination
      ? undefined
      : prettyTransport(logFormat({ isTTY: process.stdout.isTTY === true, setting: process.env.LOG_FORMAT })),
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
  };
  return destination ? pino(options, destination) : pino(options);
}

export type LogFormat = 'json' | 'pretty';

/**
 * Lines a person reads in a terminal, JSON for services and files. LOG_FORMAT
 * (json or pretty) overrides; otherwise a terminal gets pretty lines.
 */
export function logFormat({ isTTY, setting }: { isTTY: boolean; setting?: string }): LogFormat {
  if (setting === 'json' || setting === 'pretty') return setting;
  return isTTY ? 'pretty' : 'json';
}

// pino-pretty is a development dependency: a production install
// (npm ci --omit=dev) lacks it and keeps JSON rather than failing to start.
function prettyTransport(format: LogFormat): TransportSingleOptions | undefined {
  if (format !== 'pretty') return undefined;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return {
    target: 'pino-pretty',
    options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true },
  };
}
