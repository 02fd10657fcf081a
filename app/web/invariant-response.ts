import { data } from 'react-router';

/**
 * Epic Stack's invariantResponse: when `condition` is falsy, stop the loader
 * or action with an empty response of `status` (404 unless told), which the
 * route's error boundary shows as a page a person understands. TypeScript
 * narrows `condition` afterwards, so `invariantResponse(plan)` also proves
 * `plan` is there.
 */
export function invariantResponse(condition: unknown, status = 404): asserts condition {
  if (!condition) throw data(null, { status });
}
