import { index, layout, prefix, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('plans/:slug', 'routes/plan.tsx'),
  route('plans/:slug/suggest', 'routes/suggest.tsx'),
  route('plans/:slug/report', 'routes/plan-report.tsx'),
  route('receipt/:code', 'routes/receipt.tsx'),
  route('track', 'routes/track.tsx'),
  route('privacy', 'routes/privacy.tsx'),
  route('api/intake/email', 'routes/api/intake-email.ts'),
  route('healthz', 'routes/healthz.ts'),
  // Staff area. Every loader and action under it checks the session and the
  // permission itself (requireUser / requireUserWithPermission); the list of
  // routes is mirrored in tests/integration/admin-access-matrix.test.ts.
  ...prefix('admin', [
    route('login', 'routes/admin/login.tsx'),
    route('login/two-factor', 'routes/admin/login-two-factor.tsx'),
    route('logout', 'routes/admin/logout.ts'),
    layout('routes/admin/layout.tsx', [
      index('routes/admin/dashboard.tsx'),
      route('account', 'routes/admin/account.tsx'),
      route('users', 'routes/admin/users.tsx'),
      route('users/:userId', 'routes/admin/user.tsx'),
      route('audit', 'routes/admin/audit.tsx'),
      route('plans', 'routes/admin/plans.tsx'),
      route('plans/new', 'routes/admin/plan-new.tsx'),
      route('plans/:planId', 'routes/admin/plan-edit.tsx'),
      route('plans/:planId/categories', 'routes/admin/plan-categories.tsx'),
      route('plans/:planId/rules', 'routes/admin/plan-rules.tsx'),
      route('plans/:planId/sections', 'routes/admin/plan-sections.tsx'),
      route('plans/:planId/sections/:sectionId', 'routes/admin/plan-section.tsx'),
      route('plans/:planId/import', 'routes/admin/plan-import.tsx'),
      route('exports', 'routes/admin/exports.tsx'),
      route('plans/:slug/dashboard', 'routes/admin/plan-dashboard.tsx'),
      route('suggestions', 'routes/admin/suggestions.tsx'),
      route('suggestions/:suggestionId', 'routes/admin/suggestion.tsx'),
      route('suggestions/:suggestionId/contact', 'routes/admin/suggestion-contact.tsx'),
      route('intake/new', 'routes/admin/intake-new.tsx'),
      route('inbox', 'routes/admin/inbox.tsx'),
      route('clusters', 'routes/admin/clusters.tsx'),
    ]),
    // Downloads: resource routes outside the layout (no HTML frame), same permission checks.
    route('exports/download', 'routes/admin/exports-download.ts'),
    route('plans/:slug/dashboard/csv/:table', 'routes/admin/plan-dashboard-csv.ts'),
    route('suggestions/:suggestionId/attachments/:attachmentId', 'routes/admin/suggestion-attachment.ts'),
    route('inbox/:emailId/eml', 'routes/admin/inbox-eml.ts'),
  ]),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
