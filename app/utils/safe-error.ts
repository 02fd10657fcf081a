// What of an error may be logged or shown to staff. Drizzle's query errors
// put the whole statement and its parameters in the message ("Failed query:
// insert … params: <the raw mail>"), and PostgreSQL's `detail` quotes the
// offending values ("Key (email)=(someone@…)"). Neither may reach a log line
// or a page: only the error's name, SQLSTATE code and the server's own
// message (which names tables and constraints, never values) are kept.

type Described = { name: string; code?: string; message: string };

export function safeError(error: unknown): Described {
  const inner = rootCause(error);
  if (!(inner instanceof Error)) return { name: 'Error', message: 'unknown error' };
  const raw = (inner as unknown as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : undefined;
  return { name: inner.name, ...(code ? { code } : {}), message: stripValues(inner.message).slice(0, 300) };
}

/** One line for a log or a staff note: "PostgresError 23505: duplicate key value violates unique constraint …". */
export function safeErrorMessage(error: unknown): string {
  const { name, code, message } = safeError(error);
  return `${name}${code ? ` ${code}` : ''}: ${message}`;
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (!(current instanceof Error) || !cause) break;
    // Drizzle wraps the driver's error; the wrapper's message is the one that leaks.
    if (current.message.startsWith('Failed query:') || current.name === 'DrizzleQueryError') current = cause;
    else break;
  }
  if (current instanceof Error && current.message.startsWith('Failed query:'))
    return new Error('database query failed');
  return current;
}

// A message that still quotes values ("Key (x)=(…)", "params: …") is cut there.
function stripValues(message: string): string {
  return message.replace(/\s*(?:params:|Key \(|DETAIL:).*$/s, '');
}
