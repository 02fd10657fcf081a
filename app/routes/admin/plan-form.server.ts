import { z } from 'zod';
import type { PlanFields } from '../../domain/plans/manage-plans.server.ts';
import { isShortWindow } from '../../domain/plans/consultation-window.ts';
import { fromChinaLocalInput } from '../../utils/china-time.ts';

const when = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const date = fromChinaLocalInput(value);
    if (!date) ctx.addIssue({ code: 'custom', message: 'invalid_date' });
    return date;
  });

// The slug rule matches the plans_slug_format check constraint.
export const PlanForm = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
    title: z.string().trim().min(1).max(200),
    summary: z.string().trim().max(4000).default(''),
    organizer: z.string().trim().max(200).default(''),
    opensAt: when,
    closesAt: when,
    emailMarker: z.string().trim().max(100).optional(),
    bodyMinLength: z.coerce.number().int().min(1).max(100_000).default(10),
    bodyMaxLength: z.coerce.number().int().min(1).max(100_000).default(5000),
    // One type per line, as the form shows them (在校学生, 教职工, …).
    submitterTypes: z
      .string()
      .default('')
      .transform((text) => [
        ...new Set(
          text
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().max(50)).min(1).max(20)),
    allowAnonymous: z
      .string()
      .optional()
      .transform((value) => value === 'on'),
    shortWindowReason: z.string().trim().max(1000).optional(),
    // Contact details are purged this many days after the plan closes (app/domain/retention).
    contactRetentionDays: z.coerce.number().int().default(180),
  })
  .refine((f) => f.contactRetentionDays >= 1 && f.contactRetentionDays <= 3650, {
    path: ['contactRetentionDays'],
    message: 'retention_range',
  })
  .refine((f) => f.bodyMaxLength >= f.bodyMinLength, { path: ['bodyMaxLength'], message: 'length_order' })
  .refine((f) => !f.opensAt || !f.closesAt || f.closesAt > f.opensAt, { path: ['closesAt'], message: 'window_order' })
  // Art. 15 of 《重大行政决策程序暂行条例》: under 30 days needs a stated reason.
  .refine((f) => !isShortWindow(f) || Boolean(f.shortWindowReason), {
    path: ['shortWindowReason'],
    message: 'short_window_reason',
  })
  .transform((f): PlanFields => ({
    ...f,
    emailMarker: f.emailMarker || null,
    // A reason is kept only while the window is short: it is shown publicly.
    shortWindowReason: isShortWindow(f) ? f.shortWindowReason || null : null,
  }));
