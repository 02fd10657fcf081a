import { expect, test } from 'vitest';
import { renderMarkdown } from './markdown.server.ts';

test('renders lists, emphasis and tables', () => {
  const html = renderMarkdown('**坚持立德树人。**\n\n- 一\n- 二\n\n| 指标 | 目标 |\n| --- | --- |\n| 博士 | 60% |');
  expect(html).toContain('<strong>坚持立德树人。</strong>');
  expect(html).toContain('<li>一</li>');
  expect(html).toContain('<th scope="col">指标</th>');
  expect(html).toContain('<td>60%</td>');
});

test('strips scripts, event handlers, iframes and styles', () => {
  const html = renderMarkdown(
    '<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe><p style="color:red" onclick="x()">正文</p>',
  );
  expect(html).not.toMatch(/<script|onerror|onclick|<iframe|style=|<img/i);
  expect(html).toContain('正文');
});

test('drops javascript: and data: links and marks other links safe', () => {
  const html = renderMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org/plan)');
  expect(html).not.toMatch(/javascript:|data:text/);
  expect(html).toContain('<a href="https://example.org/plan" rel="noopener noreferrer nofollow">c</a>');
});

test('demotes headings inside a section body below the section heading', () => {
  expect(renderMarkdown('# 标题').trim()).toBe('<h3>标题</h3>');
});
