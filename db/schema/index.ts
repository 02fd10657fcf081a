export * from './plans.ts';
export * from './suggestions.ts';
