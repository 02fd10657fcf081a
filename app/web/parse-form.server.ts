import { data } from 'react-router';
import type { z } from 'zod';
import { invariantResponse } from './invariant-response.ts';

export type FieldErrors = Record<string, string[]>;

/**
 * Form fields through a zod schema. Empty fields count as absent, as the
 * browser sends them; a field repeated (checkboxes) becomes an array.
 */
export function parseFormData<S extends z.ZodType>(
  formData: FormData,
  schema: S,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v) => v !== '');
    if (values.length) raw[key] = values.length === 1 ? values[0] : values;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    (errors[key] ??= []).push(issue.code === 'custom' ? issue.message : issue.code);
  }
  return { ok: false, errors };
}

/** 400 with the field errors, for the form to show next to each field. */
export function invalid(errors: FieldErrors, extra: Record<string, unknown> = {}) {
  return data({ errors, ...extra }, { status: 400 });
}

/** A positive integer route parameter, or a 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  invariantResponse(Number.isSafeInteger(id) && id > 0 && String(id) === value);
  return id;
}
