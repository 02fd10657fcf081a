export * from './plans.ts';
export * from './suggestions.ts';
export * from './rate-limits.ts';
export * from './intake.ts';
export * from './outbox.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './moderation.ts';
