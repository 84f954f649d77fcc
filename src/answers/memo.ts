/**
 * `compute` run once per key: answers run on every interaction and keystroke, while what they
 * derive from a corpus, work or library never changes. The result lives as long as its key.
 */
export function memoizeBy<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as V;
  };
}
