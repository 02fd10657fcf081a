import { expect, test } from 'vitest';
import { loggablePath } from './log-path.ts';

test('tokens and tracking codes in paths are not logged', () => {
  expect(loggablePath('/rate/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe('/rate/:secret');
  expect(loggablePath('/receipt/JY-ABCD-EFGH')).toBe('/receipt/:secret');
  expect(loggablePath('/track/delete/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe('/track/delete/:secret');
  expect(loggablePath('/admin/login/unlock/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe(
    '/admin/login/unlock/:secret',
  );
  expect(loggablePath('/plans/nanhu/suggest')).toBe('/plans/nanhu/suggest');
  expect(loggablePath('/track')).toBe('/track');
});
