import { expect, test } from 'vitest';
import { maskEmail, maskName, maskPhone, maskUnit } from './mask.ts';

test('names keep their first character', () => {
  expect(maskName('张三丰')).toBe('张**');
  expect(maskName('  ')).toBe('');
});

test('masked phones never show the last four digits, which are the /track proof', () => {
  expect(maskPhone('13812345678')).toBe('138********');
  expect(maskPhone('+86 138-1234-5678')).toBe('138********');
  expect(maskPhone('0376-6391234')).toBe('0376-*******');
  expect(maskPhone('010-62751234')).toBe('010-********');
  expect(maskPhone('6391234')).toBe('*******');
  expect(maskPhone('12')).toBe('****');
  for (const phone of [
    '13812345678',
    '+86 138 1234 5678',
    '0376-6391234',
    '010-62751234',
    '6391234',
    '95588',
    '1234',
  ]) {
    const last4 = phone.replace(/\D/g, '').slice(-4);
    expect(maskPhone(phone), phone).not.toContain(last4);
  }
});

test('emails keep the first character and the domain', () => {
  expect(maskEmail('zhang@example.edu.cn')).toBe('z***@example.edu.cn');
  expect(maskEmail('nobody')).toBe('***');
});

test('units keep two characters', () => {
  expect(maskUnit('物理与电子工程学院')).toBe('物理***');
  expect(maskUnit('某处')).toBe('***');
});
