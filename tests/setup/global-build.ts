import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';
import { projectRoot } from '../../app/server/http.ts';
import { createLogger } from '../../app/server/logger.ts';

// Integration tests serve the built app, and the scale test runs the compiled
// processes (build/node/): build both once, before any worker starts, so that
// parallel test files never build at the same time.
export function setup() {
  const log = createLogger('warn');
  buildIfNeeded(projectRoot, { info: (m) => log.info(m), warn: (m) => log.warn(m) });
}
