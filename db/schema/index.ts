export * from './plans.ts';
export * from './suggestions.ts';
export * from './rate-limits.ts';
