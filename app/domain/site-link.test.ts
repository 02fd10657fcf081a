import { expect, test } from 'vitest';
import { siteLink } from './site-link.ts';
import { trackUrl } from './suggestions/track-url.ts';

test('a path joins a site address with one slash, whether either side has one or several', () => {
  for (const base of [
    'https://jianyan.example.edu.cn',
    'https://jianyan.example.edu.cn/',
    'https://jianyan.example.edu.cn//',
  ])
    for (const path of ['rate/abc', '/rate/abc', '//rate/abc'])
      expect(siteLink(base, path), `${base} + ${path}`).toBe('https://jianyan.example.edu.cn/rate/abc');
});

test('a site address with a path prefix keeps it', () => {
  expect(siteLink('https://example.edu.cn/jianyan/', '/track/delete/tok_en-1')).toBe(
    'https://example.edu.cn/jianyan/track/delete/tok_en-1',
  );
  expect(siteLink('https://example.edu.cn/jianyan', 'admin/login/unlock/t')).toBe(
    'https://example.edu.cn/jianyan/admin/login/unlock/t',
  );
  expect(siteLink('https://example.edu.cn/a/b/', '/rate/t')).toBe('https://example.edu.cn/a/b/rate/t');
});

test('a port, and the address alone, are kept as they are', () => {
  expect(siteLink('http://localhost:37111', '/track')).toBe('http://localhost:37111/track');
  expect(siteLink('http://localhost:37111/', '')).toBe('http://localhost:37111/');
});

test('the path keeps its own inner slashes, query and trailing slash', () => {
  expect(siteLink('https://example.edu.cn/jianyan/', '/admin/suggestions/12?tab=notes')).toBe(
    'https://example.edu.cn/jianyan/admin/suggestions/12?tab=notes',
  );
  expect(siteLink('https://example.edu.cn', '/plans/')).toBe('https://example.edu.cn/plans/');
});

test('trackUrl is built by it, so it keeps a path prefix too', () => {
  expect(trackUrl('https://example.edu.cn/jianyan/')).toBe('https://example.edu.cn/jianyan/track');
  expect(trackUrl('https://jianyan.example.edu.cn')).toBe('https://jianyan.example.edu.cn/track');
});
