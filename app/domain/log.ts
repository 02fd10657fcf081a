// What the domain needs of a logger. The process passes its pino logger
// (app/server/logger.ts), which fits this shape; the domain never imports it,
// so a script or a test can pass anything with these two methods.
// Contact details and suggestion text never go into the fields.

type LogMethod = {
  (fields: object, message: string): void;
  (message: string): void;
};

export type Log = { info: LogMethod; warn: LogMethod };
