import { useEffect, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'jianyan.shortcuts';

// Single-key shortcuts (WCAG 2.1.4): never while typing in a field, never with
// a modifier (screen readers use those), and they can be switched off.
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const CHANGED = 'jianyan:shortcuts';
function subscribe(callback: () => void) {
  window.addEventListener('storage', callback);
  window.addEventListener(CHANGED, callback);
  return () => {
    window.removeEventListener('storage', callback);
    window.removeEventListener(CHANGED, callback);
  };
}

/** The reader's choice, kept in localStorage; on by default and during server rendering. */
export function useShortcutsEnabled() {
  const enabled = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(STORAGE_KEY) !== 'off',
    () => true,
  );
  const update = (value: boolean) => {
    window.localStorage.setItem(STORAGE_KEY, value ? 'on' : 'off');
    window.dispatchEvent(new Event(CHANGED));
  };
  return [enabled, update] as const;
}

export function useShortcuts(enabled: boolean, handlers: Record<string, () => void>) {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, handlers]);
}
