import fs from 'node:fs';
import path from 'node:path';

// Every page of app/routes.ts, for the accessibility spec (every-page.spec.ts):
// a route module that renders HTML (.tsx) must have an entry here, or the
// completeness test fails, so a new page cannot go unchecked by axe. Resource
// routes (.ts: downloads, redirects, JSON) render no page and are left out by
// their extension. The layout is checked through every staff page it wraps.

export type PageData = {
  openSlug: string;
  closedSlug: string;
  planId: number;
  sectionId: number;
  suggestionId: number;
  /** A near-duplicate group of two in the plan `draftPlanId`, named by its first suggestion. */
  clusterId: number;
  draftPlanId: number;
  trackingCode: string;
  userId: number;
  ratingToken: string;
};

export type PageCase = {
  /** The route module, as app/routes.ts names it. */
  file: string;
  path: (d: PageData) => string;
  /** Who opens it: nobody signed in, a staff member, or one half-way through the second factor. */
  as: 'public' | 'staff' | 'second-factor';
  /** A page that answers with an error status on purpose (the 404 page). */
  status?: number;
};

export const everyPage: PageCase[] = [
  { file: 'routes/home.tsx', path: () => '/', as: 'public' },
  { file: 'routes/plan.tsx', path: (d) => `/plans/${d.openSlug}`, as: 'public' },
  { file: 'routes/suggest.tsx', path: (d) => `/plans/${d.openSlug}/suggest`, as: 'public' },
  { file: 'routes/plan-report.tsx', path: (d) => `/plans/${d.closedSlug}/report`, as: 'public' },
  { file: 'routes/plan-version.tsx', path: (d) => `/plans/${d.closedSlug}/versions/1`, as: 'public' },
  { file: 'routes/plan-compare.tsx', path: (d) => `/plans/${d.closedSlug}/compare`, as: 'public' },
  { file: 'routes/receipt.tsx', path: (d) => `/receipt/${d.trackingCode}`, as: 'public' },
  { file: 'routes/track.tsx', path: () => '/track', as: 'public' },
  { file: 'routes/track-delete.tsx', path: () => `/track/delete/${'x'.repeat(43)}`, as: 'public' },
  { file: 'routes/rate.tsx', path: (d) => `/rate/${d.ratingToken}`, as: 'public' },
  { file: 'routes/privacy.tsx', path: () => '/privacy', as: 'public' },
  { file: 'routes/not-found.tsx', path: () => '/no-such-page', as: 'public', status: 404 },
  // Its page for a published suggestion is checked by axe and for keyboard reach in similar-and-support.spec.ts;
  // here, the 404 for an unknown id.
  { file: 'routes/support.tsx', path: (d) => `/plans/${d.openSlug}/support/0`, as: 'public', status: 404 },
  { file: 'routes/admin/login.tsx', path: () => '/admin/login', as: 'public' },
  { file: 'routes/admin/login-two-factor.tsx', path: () => '/admin/login/two-factor', as: 'second-factor' },
  { file: 'routes/admin/login-unlock.tsx', path: () => '/admin/login/unlock', as: 'public' },
  { file: 'routes/admin/login-unlock-token.tsx', path: () => `/admin/login/unlock/${'x'.repeat(43)}`, as: 'public' },
  { file: 'routes/admin/dashboard.tsx', path: () => '/admin', as: 'staff' },
  { file: 'routes/admin/account.tsx', path: () => '/admin/account', as: 'staff' },
  { file: 'routes/admin/users.tsx', path: () => '/admin/users', as: 'staff' },
  { file: 'routes/admin/user.tsx', path: (d) => `/admin/users/${d.userId}`, as: 'staff' },
  { file: 'routes/admin/audit.tsx', path: () => '/admin/audit', as: 'staff' },
  { file: 'routes/admin/plans.tsx', path: () => '/admin/plans', as: 'staff' },
  { file: 'routes/admin/plan-new.tsx', path: () => '/admin/plans/new', as: 'staff' },
  { file: 'routes/admin/plan-edit.tsx', path: (d) => `/admin/plans/${d.planId}`, as: 'staff' },
  { file: 'routes/admin/plan-categories.tsx', path: (d) => `/admin/plans/${d.planId}/categories`, as: 'staff' },
  { file: 'routes/admin/plan-tags.tsx', path: (d) => `/admin/plans/${d.planId}/tags`, as: 'staff' },
  { file: 'routes/admin/plan-rules.tsx', path: (d) => `/admin/plans/${d.planId}/rules`, as: 'staff' },
  { file: 'routes/admin/plan-sections.tsx', path: (d) => `/admin/plans/${d.planId}/sections`, as: 'staff' },
  {
    file: 'routes/admin/plan-section.tsx',
    path: (d) => `/admin/plans/${d.planId}/sections/${d.sectionId}`,
    as: 'staff',
  },
  { file: 'routes/admin/plan-import.tsx', path: (d) => `/admin/plans/${d.planId}/import`, as: 'staff' },
  { file: 'routes/admin/plan-versions.tsx', path: (d) => `/admin/plans/${d.planId}/versions`, as: 'staff' },
  { file: 'routes/admin/plan-version-changes.tsx', path: (d) => `/admin/plans/${d.planId}/versions/2`, as: 'staff' },
  { file: 'routes/admin/exports.tsx', path: () => '/admin/exports', as: 'staff' },
  { file: 'routes/admin/plan-dashboard.tsx', path: (d) => `/admin/plans/${d.closedSlug}/dashboard`, as: 'staff' },
  { file: 'routes/admin/suggestions.tsx', path: () => '/admin/suggestions', as: 'staff' },
  { file: 'routes/admin/suggestion.tsx', path: (d) => `/admin/suggestions/${d.suggestionId}`, as: 'staff' },
  {
    file: 'routes/admin/suggestion-contact.tsx',
    path: (d) => `/admin/suggestions/${d.suggestionId}/contact`,
    as: 'staff',
  },
  { file: 'routes/admin/intake-new.tsx', path: () => '/admin/intake/new', as: 'staff' },
  { file: 'routes/admin/inbox.tsx', path: () => '/admin/inbox', as: 'staff' },
  { file: 'routes/admin/clusters.tsx', path: () => '/admin/clusters', as: 'staff' },
  { file: 'routes/admin/themes.tsx', path: () => '/admin/themes', as: 'staff' },
  {
    file: 'routes/admin/campaign.tsx',
    path: (d) => `/admin/clusters/${d.clusterId}?plan=${d.draftPlanId}`,
    as: 'staff',
  },
];

/** The route modules in app/routes.ts that render a page (.tsx), the layout excepted. */
export function pageRoutesInRouteTable(): string[] {
  const table = fs.readFileSync(path.resolve('app/routes.ts'), 'utf8');
  return [...table.matchAll(/'(routes\/[^']+\.tsx)'/g)]
    .map((m) => m[1]!)
    .filter((file) => file !== 'routes/admin/layout.tsx');
}
