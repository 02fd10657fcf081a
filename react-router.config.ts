import type { Config } from '@react-router/dev/config';

export default {
  // Server-rendered: every page works without JavaScript, and forms post to real actions.
  ssr: true,
} satisfies Config;
