import { expect, test } from 'vitest';
import { generateTrackingCode, normalizeTrackingCode } from './tracking-code.ts';

test('codes look like JY-XXXX-XXXX with no ambiguous characters', () => {
  for (let i = 0; i < 500; i++)
    expect(generateTrackingCode()).toMatch(/^JY-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
});

test('codes do not repeat in practice', () => {
  const codes = new Set(Array.from({ length: 10_000 }, generateTrackingCode));
  expect(codes.size).toBe(10_000);
});

test('what people type is normalized: case, full-width, spaces, missing dashes', () => {
  expect(normalizeTrackingCode('jy-7k3f-9qxd')).toBe('JY-7K3F-9QXD');
  expect(normalizeTrackingCode('ＪＹ－７Ｋ３Ｆ－９ＱＸＤ')).toBe('JY-7K3F-9QXD');
  expect(normalizeTrackingCode(' 7K3F 9QXD ')).toBe('JY-7K3F-9QXD');
});

test('anything else is not a code', () => {
  expect(normalizeTrackingCode('JY-7K3F-9QX')).toBeNull();
  expect(normalizeTrackingCode('JY-0O1I-LUUU')).toBeNull();
  expect(normalizeTrackingCode("'; drop table suggestions; --")).toBeNull();
});
