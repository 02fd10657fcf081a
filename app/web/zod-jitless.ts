import { z } from 'zod';

// zod compiles its object parsers with `new Function` unless told not to, and
// under our Content-Security-Policy (no 'unsafe-eval') even its guarded probe
// for eval is reported as a violation. root.tsx imports this first, so it runs
// before any route module builds or parses a schema in the browser.
// Interpreted parsing is fast enough for forms.
z.config({ jitless: true });
