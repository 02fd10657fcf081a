import { buildIfNeeded } from '../../app/server/build-if-needed.ts';
import { projectRoot } from '../../app/server/http.ts';
import { createLogger } from '../../app/server/logger.ts';

// Integration tests serve the built app; build it once, before any worker
// starts, so that parallel test files never build at the same time.
export function setup() {
  buildIfNeeded(projectRoot, createLogger('warn'));
}
