// Array helpers for lists of any length: spreading a list into arguments (`push(...list)`,
// `Math.max(...list)`) overflows the stack beyond about 125,000 items.

/** Appends every item of the lists to `target`. */
export function pushAll<T>(target: T[], ...lists: readonly (readonly T[])[]): T[] {
  for (const list of lists) for (const item of list) target.push(item);
  return target;
}

/** The largest of the numbers, or `floor` when there are none (or all are smaller). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** Adds `item` to the list under `key`, making the list on first use. */
export function addTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
