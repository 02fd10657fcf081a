import { expect, test } from 'vitest';
import { consultationWindow } from './consultation-window.ts';

const now = new Date('2026-03-01T00:00:00Z');
const plan = (status: string, opensAt: string | null, closesAt: string | null) => ({
  status,
  opensAt: opensAt ? new Date(opensAt) : null,
  closesAt: closesAt ? new Date(closesAt) : null,
});

test('an open plan inside its window takes suggestions', () => {
  expect(consultationWindow(plan('open', '2026-02-01', '2026-04-01'), now)).toBe('open');
  expect(consultationWindow(plan('open', null, null), now)).toBe('open');
});

test('the dates bound the status: before opening is upcoming, at closing time it is closed', () => {
  expect(consultationWindow(plan('open', '2026-03-02', '2026-04-01'), now)).toBe('upcoming');
  expect(consultationWindow(plan('open', '2026-02-01', '2026-03-01T00:00:00Z'), now)).toBe('closed');
});

test('closed and archived plans are closed whatever their dates; drafts are upcoming', () => {
  expect(consultationWindow(plan('closed', '2026-02-01', '2026-04-01'), now)).toBe('closed');
  expect(consultationWindow(plan('archived', null, null), now)).toBe('closed');
  expect(consultationWindow(plan('draft', null, null), now)).toBe('upcoming');
});
