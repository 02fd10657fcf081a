import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// hCaptcha tokens already redeemed, by SHA-256, so that a replayed token is
// refused even when siteverify cannot tell (unreachable, or a lenient fake).
export const usedCaptchaTokens = pgTable('used_captcha_tokens', {
  tokenHash: text().primaryKey(),
  usedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
