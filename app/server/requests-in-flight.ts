import type express from 'express';

// How many HTTP requests this process is answering, so that background work
// in the same process (the enrichment jobs of `npm start`, decision 085) can
// wait for a gap instead of taking the CPU from a citizen's receipt
// (decision 088). A process without the HTTP server (`npm run worker`) never
// counts a request, so its jobs never wait.

let inFlight = 0;
// When a request last arrived or ended: a keep-alive client's next request
// follows its last answer within milliseconds, and that gap is not quiet.
let lastActivity = 0;

/** Counts a request from its arrival until its response is sent or its connection closes. */
export function countRequestsInFlight(): express.RequestHandler {
  return (_req, res, next) => {
    inFlight += 1;
    lastActivity = performance.now();
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      lastActivity = performance.now();
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };
}

export function requestsInFlight(): number {
  return inFlight;
}

/**
 * Resolves once no request has been in flight for `settleMs`, or after
 * `maxWaitMs` whatever the traffic (so that background work still advances
 * under a sustained load), or when `signal` is aborted. Checked every
 * `settleMs`: a timer, not a hook in every request.
 */
export async function quietOrAfter(
  maxWaitMs: number,
  { settleMs = 50, signal }: { settleMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = performance.now() + maxWaitMs;
  for (;;) {
    const now = performance.now();
    if (signal?.aborted || now >= deadline) return;
    if (inFlight === 0 && now - lastActivity >= settleMs) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(settleMs, deadline - now)));
  }
}
