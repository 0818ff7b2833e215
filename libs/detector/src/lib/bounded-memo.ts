/**
 * `compute(key)`, remembered in `memo`, which starts afresh once it holds `limit` keys: clinical
 * text brings new words and phrases without end, and a worker that lives for months must not
 * grow with them, while the ones that matter are back within a few documents.
 */
export function rememberedIn<K, V>(memo: Map<K, V>, limit: number, key: K, compute: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
  }
  return value;
}
