import { expect, test } from 'vitest';
import { safeRedirect } from './safe-redirect.ts';

test('local paths pass, with their query and fragment', () => {
  expect(safeRedirect('/admin/suggestions?status=new#top')).toBe('/admin/suggestions?status=new#top');
  expect(safeRedirect('/plans/南湖')).toBe('/plans/%E5%8D%97%E6%B9%96');
});

test('every way of reaching another host falls back', () => {
  const attacks = [
    '//evil.example',
    '/\t/evil.example', // what redirectTo=/%09/evil.example decodes to
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /admin',
    'evil.example',
    '',
    '/'.padEnd(3000, 'a'),
  ];
  for (const attack of attacks) expect(safeRedirect(attack, '/admin'), JSON.stringify(attack)).toBe('/admin');
  expect(safeRedirect(null, '/admin')).toBe('/admin');
  expect(safeRedirect(42, '/admin')).toBe('/admin');
});

test('percent-encoded tricks stay paths on this site', () => {
  // Encoded, the tab and slashes are ordinary path characters: the browser does not decode a Location.
  expect(safeRedirect('/%09/evil.example')).toBe('/%09/evil.example');
  expect(safeRedirect('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
});
