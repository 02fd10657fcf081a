import { z } from 'zod';
import { manualChannels } from '../../domain/moderation/statuses.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optionalId = z.coerce.number().int().positive().optional();

// The manual-entry form. Contact details are optional (a letter may be
// anonymous); the meeting is required for a symposium.
export const ManualIntakeForm = z
  .object({
    intent: z.enum(['save', 'saveAndNext']).default('save'),
    formKey: z.string().uuid(),
    planId: z.coerce.number().int().positive(),
    channel: z.enum(manualChannels),
    receivedOn: day,
    submitterType: z.string().trim().min(1).max(40),
    name: z.string().trim().max(100).optional(),
    unit: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().email().max(254).optional(),
    categoryId: optionalId,
    sectionId: optionalId,
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(20000),
    meetingName: z.string().trim().max(200).optional(),
    meetingDate: day.optional(),
  })
  .superRefine((form, ctx) => {
    if (form.channel === 'symposium' && !form.meetingName)
      ctx.addIssue({ code: 'custom', path: ['meetingName'], message: 'too_small' });
  });
export type ManualIntakeForm = z.infer<typeof ManualIntakeForm>;

/** Where "save and add another" goes: the same plan, channel, day and meeting, a fresh form. */
export function nextEntryHref(form: ManualIntakeForm, trackingCode: string): string {
  const params = new URLSearchParams({
    plan: String(form.planId),
    channel: form.channel,
    receivedOn: form.receivedOn,
    saved: trackingCode,
  });
  if (form.meetingName) params.set('meetingName', form.meetingName);
  if (form.meetingDate) params.set('meetingDate', form.meetingDate);
  params.set('submitterType', form.submitterType);
  return `/admin/intake/new?${params.toString()}`;
}
