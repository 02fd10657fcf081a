import { buildIfNeeded } from '../../app/server/build-if-needed.ts';
import { projectRoot } from '../../app/server/http.ts';
import { createLogger } from '../../app/server/logger.ts';

/**
 * Several test files serve the built portal over HTTP. Building once here,
 * before any of them starts, keeps two workers from building into build/ at once.
 */
export function setup() {
  buildIfNeeded(projectRoot, createLogger('warn'));
}
