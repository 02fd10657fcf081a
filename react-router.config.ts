import type { Config } from '@react-router/dev/config';

export default {
  // Server-rendered: every page works without JavaScript, and forms post to real actions.
  ssr: true,
  future: {
    // Opted in early where nothing in our code depends on the old behaviour.
    // v8_middleware stays off for now: see docs/decisions/001-server-and-database.md.
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
