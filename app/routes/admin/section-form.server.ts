import { z } from 'zod';
import type { SectionLevel } from '../../domain/plans/manage-sections.server.ts';

export const SectionFieldsSchema = z.object({
  level: z.coerce
    .number()
    .int()
    .min(1)
    .max(6)
    .transform((n) => n as SectionLevel),
  number: z.string().trim().max(20).default(''),
  heading: z.string().trim().min(1).max(200),
  bodyMarkdown: z.string().max(100_000).default(''),
});
