import { expect, test } from 'vitest';
import { maskPhone } from '../../contacts/mask.ts';
import { maskContactsInText } from './mask-mail-text.ts';

test('addresses and phone numbers in the text are masked like contact details', () => {
  expect(maskContactsInText('请回复 zhangming@example.edu.cn，或致电 13800138000。')).toBe(`请回复 z***@example.edu.cn，或致电 ${maskPhone('13800138000')}。`);
  expect(maskContactsInText('办公室 0376-6391234')).toBe(`办公室 ${maskPhone('0376-6391234')}`);
  expect(maskContactsInText('手机 138 1234 5678 谢谢')).toBe(`手机 ${maskPhone('13812345678')} 谢谢`);
  expect(maskContactsInText('身份证 410102199001011234')).toBe(`身份证 ${maskPhone('410102199001011234')}`);
  // However contact masking evolves, no digit run of the number survives whole.
  for (const secret of ['8000', '6391234', '5678', '1234']) expect(maskContactsInText('致电 13800138000、0376-6391234、138 1234 5678')).not.toContain(secret);
});

test('years, amounts and ordinary numbers stay as written', () => {
  const text = '“十四五”（2021-2025年）期间，建议每年投入 200 万元，第 3 章第 12 条。';
  expect(maskContactsInText(text)).toBe(text);
  expect(maskContactsInText('user@localhost 不是地址，@某人 也不是')).toBe('user@localhost 不是地址，@某人 也不是');
});

test('linear on hostile input', () => {
  const started = performance.now();
  maskContactsInText('a'.repeat(500_000) + '@');
  maskContactsInText('@'.repeat(200_000) + 'a.b');
  maskContactsInText('1 '.repeat(300_000));
  expect(performance.now() - started).toBeLessThan(5000);
});
