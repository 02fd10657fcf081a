import { z } from 'zod';

export const SectionFieldsSchema = z.object({
  level: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)])),
  number: z.string().trim().max(20).default(''),
  heading: z.string().trim().min(1).max(200),
  bodyMarkdown: z.string().max(100_000).default(''),
});
