// Multinomial naive Bayes over segmented tokens (each distinct token of a
// suggestion counted once: long letters that repeat a word do not outweigh
// short ones), with Laplace smoothing. Small, exact, explainable, trained in
// milliseconds on a plan's few thousand labelled suggestions; no external
// service and no model file (decision 042).

export type Example<L> = { tokens: Iterable<string>; label: L };
export type Prediction<L> = { label: L; confidence: number };

export type Model<L> = {
  labels: L[];
  logPrior: number[];
  tokenCounts: Map<string, number>[];
  totals: number[];
  vocabulary: number;
  examples: number;
};

export function train<L>(examples: Example<L>[]): Model<L> {
  const labels = [...new Set(examples.map((e) => e.label))];
  const index = new Map(labels.map((l, i) => [l, i]));
  const docs = labels.map(() => 0);
  const tokenCounts = labels.map(() => new Map<string, number>());
  const totals = labels.map(() => 0);
  const vocabulary = new Set<string>();
  for (const example of examples) {
    const i = index.get(example.label)!;
    docs[i]!++;
    for (const token of new Set(example.tokens)) {
      vocabulary.add(token);
      tokenCounts[i]!.set(token, (tokenCounts[i]!.get(token) ?? 0) + 1);
      totals[i]!++;
    }
  }
  return {
    labels,
    logPrior: docs.map((n) => Math.log(n / examples.length)),
    tokenCounts,
    totals,
    vocabulary: vocabulary.size,
    examples: examples.length,
  };
}

/** Labels with their posterior probability, most likely first. Tokens never seen in training are ignored. */
export function predict<L>(model: Model<L>, tokens: Iterable<string>): Prediction<L>[] {
  if (model.labels.length === 0) return [];
  const known = [...new Set(tokens)].filter((t) => model.tokenCounts.some((counts) => counts.has(t)));
  const scores = model.labels.map((_, i) => {
    const denominator = Math.log(model.totals[i]! + model.vocabulary);
    let score = model.logPrior[i]!;
    for (const token of known) score += Math.log((model.tokenCounts[i]!.get(token) ?? 0) + 1) - denominator;
    return score;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.labels
    .map((label, i) => ({ label, confidence: exp[i]! / sum }))
    .sort((a, b) => b.confidence - a.confidence);
}
