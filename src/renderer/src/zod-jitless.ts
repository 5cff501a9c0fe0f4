// Imported first by main.tsx: zod probes `new Function` when a schema is built, and under the CSP (no 'unsafe-eval')
// that probe is blocked and reported as a securitypolicyviolation even though zod catches it. Jitless skips the probe.
import { config } from 'zod'

config({ jitless: true })
