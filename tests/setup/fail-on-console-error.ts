import { afterEach, beforeEach, expect, vi } from 'vitest';

// An unexpected console.error is a bug (React warnings, unhandled rejections
// logged by libraries). A test that expects one mocks console.error itself.
// Throwing inside the spy is not enough: code that catches errors (a server
// handling a request) would swallow it. So the calls are also recorded and
// checked after each test, unless the test replaced the spy with its own.
const originalConsoleError = console.error;
let calls: unknown[][] = [];
let spy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  calls = [];
  const failing = (...args: unknown[]) => {
    calls.push(args);
    originalConsoleError(...args);
    throw new Error('console.error was called. If the test expects it, mock console.error in that test.');
  };
  spy = vi.spyOn(console, 'error').mockImplementation(failing);
});

afterEach(() => {
  const ours = spy;
  spy = undefined;
  // A test that mocked console.error itself expected the calls.
  if (!ours || ours.getMockImplementation()?.name !== 'failing') return;
  expect(
    calls.map((args) => args.map(String).join(' ')),
    'unexpected console.error',
  ).toEqual([]);
});
