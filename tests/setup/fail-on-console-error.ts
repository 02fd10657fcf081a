import { beforeEach, vi } from 'vitest';

// An unexpected console.error is a bug (React warnings, unhandled rejections
// logged by libraries). A test that expects one mocks console.error itself.
const originalConsoleError = console.error;
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    originalConsoleError(...args);
    throw new Error('console.error was called. If the test expects it, mock console.error in that test.');
  });
});
