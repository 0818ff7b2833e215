/** Above this length {@link sortInPlace} hands the array to `Array.prototype.sort`. */
const SHORT_ARRAY = 16;

/**
 * `items.sort(compare)` with the same stable result, sorting a short array by insertion: V8's
 * sort allocates a work area on every call, which for the many two- and three-element arrays a
 * document sorts (a match's tokens, a sentence's matches) is most of the garbage they make.
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SHORT_ARRAY) return items.sort(compare);
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i];
    let j = i - 1;
    // Strictly greater only: an equal element stays before, as a stable sort keeps it.
    while (j >= 0 && compare(items[j], item) > 0) {
      items[j + 1] = items[j];
      j -= 1;
    }
    items[j + 1] = item;
  }
  return items;
}
