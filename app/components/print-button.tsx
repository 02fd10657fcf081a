import { useHydrated } from '../utils/use-hydrated.ts';

/** Printing needs JavaScript; without it the button is not shown (Ctrl-P still works). */
export function PrintButton({ label }: { label: string }) {
  if (!useHydrated()) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
