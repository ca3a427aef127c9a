// How many cases a property test runs. Under mutation testing (vitest.mutate.config.ts sets
// DVK_MUTATE) a tenth, at least 10: every mutant that survives reruns each test covering it, in
// instrumented code, and the 20,000-case properties alone made a whole-core run last longer than
// three hours. A mutant that breaks behaviour fails on an early case in practice; `npm test`
// still runs every case.
export const runs = (n: number): number => (process.env.DVK_MUTATE ? Math.max(10, Math.ceil(n / 10)) : n);
