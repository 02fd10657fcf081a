import { z } from 'zod';
import type { MessageKey } from '../../i18n/index.ts';
import { publicationConsents } from './vocabulary.ts';

// The web form's rules, shared by the server action and the browser (which
// validates as the user types). Error messages are i18n keys.

export type SuggestionFormSettings = {
  categoryIds: number[];
  sectionIds: number[];
  submitterTypes: string[];
  bodyMinLength: number;
  bodyMaxLength: number;
  allowAnonymous: boolean;
};

const error = (key: MessageKey) => ({ error: key });

/** Length as people count it: one per character, whatever UTF-16 does with it. */
export function characterCount(text: string): number {
  return [...text].length;
}

export function suggestionFormSchema(settings: SuggestionFormSettings) {
  const submitterTypes = settings.submitterTypes as [string, ...string[]];
  return (
    z
      .object({
        intakeKey: z
          .string(error('suggest.error.formExpired'))
          .regex(/^[A-Za-z0-9-]{16,64}$/, error('suggest.error.formExpired')),
        categoryId: z
          .number(error('suggest.error.categoryRequired'))
          .int()
          .refine((id) => settings.categoryIds.includes(id), error('suggest.error.categoryRequired')),
        sectionId: z
          .number(error('suggest.error.sectionInvalid'))
          .int()
          .refine((id) => settings.sectionIds.includes(id), error('suggest.error.sectionInvalid'))
          .optional(),
        title: z
          .string(error('suggest.error.titleRequired'))
          .trim()
          .min(1, error('suggest.error.titleRequired'))
          .refine((v) => characterCount(v) <= 100, error('suggest.error.titleTooLong')),
        body: z
          .string(error('suggest.error.bodyRequired'))
          .trim()
          .refine((v) => characterCount(v) >= settings.bodyMinLength, error('suggest.error.bodyTooShort'))
          .refine((v) => characterCount(v) <= settings.bodyMaxLength, error('suggest.error.bodyTooLong')),
        submitterType: z.enum(submitterTypes, error('suggest.error.submitterTypeRequired')),
        name: z
          .string()
          .trim()
          .refine((v) => characterCount(v) <= 50, error('suggest.error.nameTooLong'))
          .optional(),
        unit: z
          .string()
          .trim()
          .refine((v) => characterCount(v) <= 100, error('suggest.error.unitTooLong'))
          .optional(),
        phone: z
          .string()
          .trim()
          .refine(
            (v) => /^\+?[\d\s()-]{5,24}$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5,
            error('suggest.error.phoneInvalid'),
          )
          .optional(),
        email: z.email(error('suggest.error.emailInvalid')).max(254, error('suggest.error.emailInvalid')).optional(),
        consent: z.literal('on', error('suggest.error.consentRequired')),
        // 个人信息保护法 Art. 25: publishing is a separate choice, 不公开 unless chosen.
        publication: z.enum(publicationConsents, error('suggest.error.publicationInvalid')).default('none'),
      })
      .refine((value) => value.publication !== 'named' || Boolean(value.name), {
        path: ['name'],
        message: 'suggest.error.nameForNamed',
        when: () => true,
      })
      // `when` runs this even while other fields are invalid, so the missing
      // contact is reported together with everything else, not on a second try.
      .refine((value) => settings.allowAnonymous || Boolean(value.phone || value.email), {
        path: ['email'],
        message: 'suggest.error.contactRequired',
        when: () => true,
      })
  );
}

export type SuggestionFormValues = z.infer<ReturnType<typeof suggestionFormSchema>>;

/**
 * "查找相似建议" submits the form unfinished on purpose (decision 048): the
 * browser skips its checks (formnovalidate) and so must the client-side
 * validation, which accepts anything then. The server validates on submit.
 */
export const unvalidatedFormSchema = z.looseObject({});
