import crypto from 'node:crypto';

export type Attempt = { key: string; status: number | 'network_error'; trackingCode?: string };

export type SuggestionForm = { url: string; slug: string; categoryId: string };

/** The category ids the plan's form offers (the form needs one). */
export async function formCategory(url: string, slug: string): Promise<string> {
  const html = await (await fetch(`${url}/plans/${slug}/suggest`)).text();
  const id = /<option value="(\d+)">/.exec(html)?.[1];
  if (!id) throw new Error('the suggestion form offers no category');
  return id;
}

/** One post of the suggestion form, as a browser without JavaScript sends it. */
export async function submitOnce(form: SuggestionForm, key: string): Promise<Attempt> {
  const body = new URLSearchParams({
    intakeKey: key,
    categoryId: form.categoryId,
    title: `压力测试意见 ${key.slice(0, 8)}`,
    body: `这是故障测试中提交的一条意见，编号 ${key}。建议延长图书馆开放时间。`,
    submitterType: '在校学生',
    name: '测试同学',
    email: 'fault-test@example.edu.cn',
    consent: 'on',
  });
  try {
    const response = await fetch(`${form.url}/plans/${form.slug}/suggest`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { origin: form.url },
      signal: AbortSignal.timeout(15_000),
    });
    const location = response.headers.get('location') ?? '';
    await response.body?.cancel();
    const trackingCode = response.status === 303 ? /\/receipt\/([^/?#]+)$/.exec(location)?.[1] : undefined;
    return { key, status: response.status, trackingCode };
  } catch {
    return { key, status: 'network_error' };
  }
}

export type Submission = Attempt & {
  /** Tries that got no HTTP answer (the process was killed, or not up yet) before this one. */
  interrupted: number;
  /** Answers other than a receipt (503 while the database is away) before it. */
  refused: number[];
};

/**
 * A stream of submissions from `clients` parallel clients until stop() is
 * called. Like a person pressing submit again, a client retries the same form
 * (same intake key) until it gets a receipt.
 */
export function submissionStream(form: () => SuggestionForm, clients: number) {
  const submissions: Submission[] = [];
  let stopping = false;
  const loops = Array.from({ length: clients }, async () => {
    while (!stopping) {
      const key = crypto.randomUUID();
      let interrupted = 0;
      const refused: number[] = [];
      // Two minutes of retries at most; a submission still without a receipt then is recorded as such.
      for (let tries = 1; ; tries++) {
        const attempt = await submitOnce(form(), key);
        if (attempt.trackingCode || tries >= 600) {
          submissions.push({ ...attempt, interrupted, refused });
          break;
        }
        if (attempt.status === 'network_error') interrupted += 1;
        else refused.push(attempt.status);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
  return {
    submissions,
    receipts: () => submissions.filter((s) => s.trackingCode).length,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

export async function until(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
