/** Beyond this many table cells the middle of two sequences is treated as replaced, not aligned. */
export const LCS_MAX_CELLS = 4_000_000;

/**
 * Index pairs `[i, j]` of a longest common subsequence of `a` and `b` (by `key`), in order.
 * Common prefixes and suffixes are matched first, so small edits to long sequences stay cheap;
 * a remaining middle larger than LCS_MAX_CELLS is left unmatched.
 */
export function lcsPairs<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): Array<[number, number]> {
  const ka = a.map(key);
  const kb = b.map(key);
  const head: Array<[number, number]> = [];
  let start = 0;
  while (start < ka.length && start < kb.length && ka[start] === kb[start]) {
    head.push([start, start]);
    start += 1;
  }
  let endA = ka.length;
  let endB = kb.length;
  const tail: Array<[number, number]> = [];
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA -= 1;
    endB -= 1;
    tail.unshift([endA, endB]);
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0 || n * m > LCS_MAX_CELLS) return [...head, ...tail];

  // lengths[i][j]: LCS length of a[start+i..endA) and b[start+j..endB), row-major with width m + 1.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        ka[start + i] === kb[start + j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  const middle: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[start + i] === kb[start + j]) {
      middle.push([start + i, start + j]);
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return [...head, ...middle, ...tail];
}
