// Reading data that may not have passed its schema: rules run on every file that parsed (so that
// one run shows every problem), and take only the parts whose shape they can check.

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The value if it is a mapping, else an empty one. */
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
/** The value if it is a list, else an empty one. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Any value as text, never throwing: a mapping or list (`{ toString: false }` included) as JSON. */
export const text = (v: unknown): string => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
