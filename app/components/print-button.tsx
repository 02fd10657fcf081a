import { useEffect, useState } from 'react';

/** Printing needs JavaScript; without it the button is not shown (Ctrl-P still works). */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
