import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('plans/:slug', 'routes/plan.tsx'),
  route('plans/:slug/suggest', 'routes/suggest.tsx'),
  route('plans/:slug/report', 'routes/plan-report.tsx'),
  route('receipt/:code', 'routes/receipt.tsx'),
  route('track', 'routes/track.tsx'),
  route('privacy', 'routes/privacy.tsx'),
  route('healthz', 'routes/healthz.ts'),
  // Exports and the dashboard (issue 7). Each loader and action checks access
  // itself (app/domain/exports/access.server.ts); at merge they move under the
  // admin layout.
  route('admin/exports', 'routes/admin/exports.tsx'),
  route('admin/exports/download', 'routes/admin/exports-download.ts'),
  route('admin/plans/:slug/dashboard', 'routes/admin/plan-dashboard.tsx'),
  route('admin/plans/:slug/dashboard/csv/:table', 'routes/admin/plan-dashboard-csv.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
