/**
 * zod's configuration for the browser, imported first by src/main.tsx (before any schema parses).
 * `jitless`: zod 4 otherwise probes for `new Function` to compile fast object parsers; the app's
 * Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses that, and the browser reports
 * every refused probe as a CSP violation even though zod catches it. Parsing works the same without it.
 */
import { z } from 'zod';

z.config({ jitless: true });
