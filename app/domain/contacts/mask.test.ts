import { expect, test } from 'vitest';
import { maskEmail, maskName, maskPhone, maskUnit } from './mask.ts';

test('names keep their first character', () => {
  expect(maskName('张三丰')).toBe('张**');
  expect(maskName('  ')).toBe('');
});

test('mobile numbers keep the first three and last four digits', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
  expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  expect(maskPhone('0376-6391234')).toBe('037****1234');
  expect(maskPhone('6391234')).toBe('****1234');
  expect(maskPhone('12')).toBe('****12');
});

test('emails keep the first character and the domain', () => {
  expect(maskEmail('zhang@example.edu.cn')).toBe('z***@example.edu.cn');
  expect(maskEmail('nobody')).toBe('***');
});

test('units keep two characters', () => {
  expect(maskUnit('物理与电子工程学院')).toBe('物理***');
  expect(maskUnit('某处')).toBe('***');
});
