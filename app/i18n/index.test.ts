import { expect, test } from 'vitest';
import { detectLocale, formatDate, translator } from './index.ts';
import { messages } from './messages.ts';

const request = (url: string, cookie?: string) => new Request(url, { headers: cookie ? { cookie } : {} });

test('Simplified Chinese is the default', () => {
  expect(detectLocale(request('http://x/'))).toBe('zh-CN');
});

test('?lng= wins over the cookie, and the cookie over the default', () => {
  expect(detectLocale(request('http://x/?lng=en', 'lng=zh-CN'))).toBe('en');
  expect(detectLocale(request('http://x/', 'theme=dark; lng=en'))).toBe('en');
  expect(detectLocale(request('http://x/?lng=fr', 'lng=klingon'))).toBe('zh-CN');
});

test('placeholders are filled, unknown ones left visible', () => {
  const t = translator('zh-CN');
  expect(t('home.closesAt', { date: '2026年1月15日' })).toBe('征集截止：2026年1月15日');
  expect(translator('en')('plan.window', { opens: 'a' })).toBe('Open for comment from a to {closes}');
});

test('every English message is translated, not left empty or in Chinese', () => {
  for (const [key, value] of Object.entries(messages.en)) {
    if (key === 'site.languageSwitch') continue; // names the other language on purpose
    expect(value, key).not.toBe('');
    expect(value, key).not.toMatch(/[\u4e00-\u9fff]/);
  }
});

test('dates are shown in China Standard Time', () => {
  // 16:30 UTC on 14 January is already 15 January in Beijing.
  const date = new Date('2026-01-14T16:30:00Z');
  expect(formatDate(date, 'zh-CN')).toBe('2026年1月15日');
  expect(formatDate(date, 'en')).toBe('January 15, 2026');
});
