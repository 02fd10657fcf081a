import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { applyRules, builtInRules } from '../../app/domain/categorize/apply-rules.ts';
import { classify } from '../../app/domain/categorize/classifier.server.ts';
import { train } from '../../app/domain/categorize/naive-bayes.ts';
import { combine } from '../../app/domain/categorize/propose.server.ts';
import { normalizeText } from '../../app/domain/text/normalize.ts';
import { indexTokens } from '../../app/domain/search/segment.ts';
import { evalSet } from '../fixtures/eval/eval-set.ts';
import { heldOutCity, heldOutUniversity } from '../fixtures/eval/held-out-topics.ts';

// Cold-start category accuracy of the built-in topic words (decision 046), on
// sets labelled by their writers, never by a rule: the development set
// (tests/fixtures/eval, bases.ts, which the word lists were checked against)
// and the held-out set (held-out-topics.ts, written before the lists and not
// used to tune them; measured 0.80 university and 0.875 city with the first
// lists, before the development set's misses were read). Floors are the
// measured numbers, rounded down.

type Labelled = { title: string; body: string; attachmentText?: string; category: string };
const textOf = (e: Labelled) => normalizeText([e.title, e.body, e.attachmentText ?? ''].join('\n'));
const round = (n: number) => Math.floor(n * 1000) / 1000;

function categoriesOf(set: Labelled[]) {
  return [...new Set(set.map((e) => e.category))].map((name, i) => ({ id: i + 1, name }));
}

function coldAccuracy(set: Labelled[]) {
  const cats = categoriesOf(set);
  const idOf = new Map(cats.map((c) => [c.name, c.id]));
  const rules = builtInRules(cats);
  const right = set.filter((e) => applyRules(rules, textOf(e)).category?.id === idOf.get(e.category)).length;
  return right / set.length;
}

// A campaign is one opinion: one copy stands for its 30.
const devSet = evalSet.filter((e) => !e.campaign || e.key.endsWith('-0'));
const report: Record<string, number> = {};

test('cold start: built-in topic words categorize the development set', () => {
  report.devCold = round(coldAccuracy(devSet));
  expect(report.devCold).toBeGreaterThanOrEqual(0.93);
});

test('cold start: built-in topic words categorize the held-out university and city sets', () => {
  report.heldOutUniversityCold = round(coldAccuracy(heldOutUniversity));
  report.heldOutCityCold = round(coldAccuracy(heldOutCity));
  expect(report.heldOutUniversityCold).toBeGreaterThanOrEqual(0.97);
  expect(report.heldOutCityCold).toBeGreaterThanOrEqual(1);
});

test('after 20 labels: topic words and the classifier together, on the rest of the development set', () => {
  const cats = categoriesOf(devSet);
  const idOf = new Map(cats.map((c) => [c.name, c.id]));
  // The first two originals of each category are what a moderator labels first.
  const originals = devSet.filter((e) => !e.key.includes('-v') && !e.campaign);
  const labelled = cats.flatMap((c) => originals.filter((e) => e.category === c.name).slice(0, 2));
  const labelledKeys = new Set(labelled.map((e) => e.key));
  // Held out by original: a copy of a labelled suggestion never counts as a test.
  const rest = devSet.filter((e) => !labelledKeys.has(e.group ?? e.key) && !labelledKeys.has(e.key));
  const tokens = (e: Labelled) => [...new Set(indexTokens(textOf(e)))];
  const models = {
    category: train(labelled.map((e) => ({ tokens: tokens(e), label: idOf.get(e.category)! }))),
    tags: [],
  };
  const rules = builtInRules(cats);
  const right = rest.filter(
    (e) => combine(applyRules(rules, textOf(e)), classify(models, tokens(e)))?.categoryId === idOf.get(e.category),
  ).length;
  report.labels = labelled.length;
  report.devAfter20 = round(right / rest.length);
  fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
  fs.writeFileSync(path.resolve('.tmp/cold-start-eval.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.info(JSON.stringify(report));
  expect(labelled).toHaveLength(20);
  expect(report.devAfter20).toBeGreaterThanOrEqual(0.93);
});
