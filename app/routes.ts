import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('plans/:slug', 'routes/plan.tsx'),
  route('plans/:slug/suggest', 'routes/suggest.tsx'),
  route('receipt/:code', 'routes/receipt.tsx'),
  route('track', 'routes/track.tsx'),
  route('privacy', 'routes/privacy.tsx'),
  route('healthz', 'routes/healthz.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
