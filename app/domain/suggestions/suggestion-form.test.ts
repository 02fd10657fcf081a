import { parseWithZod } from '@conform-to/zod/v4';
import { expect, test } from 'vitest';
import { suggestionFormSchema, type SuggestionFormSettings } from './suggestion-form.ts';

const settings: SuggestionFormSettings = {
  categoryIds: [1, 2],
  sectionIds: [10, 11],
  submitterTypes: ['在校学生', '教职工'],
  bodyMinLength: 10,
  bodyMaxLength: 50,
  allowAnonymous: false,
};

const valid = {
  intakeKey: 'b5b3a8a0-5b6e-4c1e-9d2a-0a1b2c3d4e5f',
  categoryId: '1',
  sectionId: '10',
  title: '建议增加自习室开放时间',
  body: '期末考试期间图书馆自习室座位紧张，建议延长开放时间。',
  submitterType: '在校学生',
  name: '张三',
  unit: '文学院 2022 级',
  phone: '',
  email: 'zhangsan@example.edu.cn',
  consent: 'on',
};

function parse(values: Record<string, string>, overrides: Partial<SuggestionFormSettings> = {}) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.set(key, value);
  return parseWithZod(formData, { schema: suggestionFormSchema({ ...settings, ...overrides }) });
}

const errorsOf = (values: Record<string, string>, overrides: Partial<SuggestionFormSettings> = {}) => {
  const result = parse(values, overrides);
  return result.status === 'success' ? {} : (result.error ?? {});
};

test('a complete form passes, with numbers coerced and blanks dropped', () => {
  const result = parse(valid);
  expect(result.status).toBe('success');
  if (result.status !== 'success') return;
  expect(result.value).toMatchObject({
    categoryId: 1,
    sectionId: 10,
    phone: undefined,
    email: 'zhangsan@example.edu.cn',
  });
});

test('each required field has its own message', () => {
  const errors = errorsOf({ intakeKey: valid.intakeKey });
  expect(errors).toMatchObject({
    categoryId: ['suggest.error.categoryRequired'],
    title: ['suggest.error.titleRequired'],
    body: ['suggest.error.bodyRequired'],
    submitterType: ['suggest.error.submitterTypeRequired'],
    consent: ['suggest.error.consentRequired'],
  });
});

test('lengths follow the plan settings and count characters, not bytes', () => {
  expect(errorsOf({ ...valid, body: '太短了' }).body).toEqual(['suggest.error.bodyTooShort']);
  expect(errorsOf({ ...valid, body: '长'.repeat(51) }).body).toEqual(['suggest.error.bodyTooLong']);
  expect(errorsOf({ ...valid, body: '𠀀'.repeat(50) }).body).toBeUndefined();
  expect(errorsOf({ ...valid, title: '题'.repeat(101) }).title).toEqual(['suggest.error.titleTooLong']);
});

test('category, section and submitter type must belong to the plan', () => {
  expect(errorsOf({ ...valid, categoryId: '99' }).categoryId).toEqual(['suggest.error.categoryRequired']);
  expect(errorsOf({ ...valid, sectionId: '99' }).sectionId).toEqual(['suggest.error.sectionInvalid']);
  expect(errorsOf({ ...valid, submitterType: '路人' }).submitterType).toEqual(['suggest.error.submitterTypeRequired']);
});

test('the missing contact is reported along with the other errors', () => {
  expect(errorsOf({ intakeKey: valid.intakeKey, title: '', phone: '', email: '' })).toMatchObject({
    title: ['suggest.error.titleRequired'],
    email: ['suggest.error.contactRequired'],
  });
});

test('a phone or an email is required unless the plan allows anonymous suggestions', () => {
  const anonymous = { ...valid, email: '', phone: '', name: '' };
  expect(errorsOf(anonymous).email).toEqual(['suggest.error.contactRequired']);
  expect(errorsOf(anonymous, { allowAnonymous: true })).toEqual({});
  expect(errorsOf({ ...anonymous, phone: '138 0013 8000' })).toEqual({});
});

test('malformed contact details are refused', () => {
  expect(errorsOf({ ...valid, email: 'not-an-email' }).email).toEqual(['suggest.error.emailInvalid']);
  expect(errorsOf({ ...valid, phone: 'call me' }).phone).toEqual(['suggest.error.phoneInvalid']);
});
