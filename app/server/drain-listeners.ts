import type express from 'express';

/**
 * Gives a response one real 'drain' listener and dispatches to the callers'
 * own, so that `once('drain')` and `off('drain')` work behind `compression`.
 *
 * compression (1.8) sends `res.on('drain', fn)` to its gzip stream but leaves
 * `removeListener` on the response (expressjs/compression#135, #152; the fix,
 * PR #153, is unmerged). A `once` wrapper, and React Router's
 * `writeReadableStreamToWritable`, which waits with `once('drain')` and then
 * `off('drain')` on every refused write, therefore leave one listener on the
 * Gzip stream per wait: an export of a few megabytes piled them up
 * ("MaxListenersExceededWarning: 11 drain listeners added to [Gzip]"), each
 * kept until the response ended (decision 088).
 *
 * Installed after compression: the one dispatcher goes through compression's
 * `on` (to the gzip stream when there is one, to the response otherwise), and
 * the callers' listeners live in a list this response owns.
 */
export function drainListenersThatLeave(): express.RequestHandler {
  return (_req, res, next) => {
    const listeners: ((...args: unknown[]) => void)[] = [];
    const on = res.on;
    const removeListener = res.removeListener;
    const listenerCount = res.listenerCount;
    let dispatching = false;
    const dispatch = (...args: unknown[]) => {
      // A copy: a once-wrapper removes itself while the list is being walked.
      for (const listener of [...listeners]) listener.apply(res, args);
    };
    const add = function (this: typeof res, event: string | symbol, listener: (...args: unknown[]) => void) {
      if (event !== 'drain') return on.call(this, event, listener);
      if (!dispatching) {
        dispatching = true;
        on.call(this, 'drain', dispatch);
      }
      listeners.push(listener);
      return this;
    } as typeof res.on;
    const remove = function (this: typeof res, event: string | symbol, listener: (...args: unknown[]) => void) {
      if (event !== 'drain') return removeListener.call(this, event, listener);
      // EventEmitter's once() registers a wrapper that knows its listener.
      const at = listeners.findLastIndex((l) => l === listener || (l as { listener?: unknown }).listener === listener);
      if (at >= 0) listeners.splice(at, 1);
      return this;
    } as typeof res.removeListener;
    res.on = add;
    res.addListener = add;
    res.removeListener = remove;
    res.off = remove;
    res.listenerCount = function (this: typeof res, event: string | symbol, ...rest: unknown[]) {
      if (event === 'drain') return listeners.length;
      return listenerCount.call(this, event, ...(rest as []));
    } as typeof res.listenerCount;
    next();
  };
}
