/**
 * Runs `task` after every earlier task with the same key (in this process)
 * has settled. The web form uses it so that a double click or a retry of one
 * form waits for the first post, captcha check included, and then finds its
 * receipt, without holding a database connection while it waits. Across
 * processes the form's advisory lock serialises the writes, and a post whose
 * token a sibling in another process already spent waits for that sibling's
 * receipt (web-form.server.ts, docs/decisions/098).
 */
const tails = new Map<string, Promise<unknown>>();

export async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
