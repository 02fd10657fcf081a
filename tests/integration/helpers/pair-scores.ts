// How the evaluations score a grouping (near-duplicate clusters, campaigns)
// against the labelled one: as pairs of items put together, so that a big
// group counts by the links it makes and the group ids on either side need
// not match. One definition, so that the quality and campaign figures in the
// README are measured the same way.

/** Rounded to three places, as the figures are reported. */
export const round = (n: number) => Math.round(n * 1000) / 1000;

/** Every unordered pair of members that share a group, as "a|b" with a < b. */
export function pairs(groups: Map<unknown, string[]>) {
  const set = new Set<string>();
  for (const members of groups.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) set.add([members[i], members[j]].sort().join('|'));
  return set;
}

/** Pair precision, recall and F1; an empty side counts as perfect rather than dividing by zero. */
export function score(predicted: Set<string>, truth: Set<string>) {
  const hits = [...predicted].filter((p) => truth.has(p)).length;
  const precision = predicted.size ? hits / predicted.size : 1;
  const recall = truth.size ? hits / truth.size : 1;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round((2 * precision * recall) / (precision + recall || 1)),
  };
}
