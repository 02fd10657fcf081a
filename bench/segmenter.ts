import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from '../app/domain/text/normalize.ts';
import { evalSet, searchQueries } from '../tests/fixtures/eval/eval-set.ts';

// Chooses the segmenter for search (decision 040): @node-rs/jieba against the
// built-in Intl.Segmenter('zh'), on the evaluation set's 302 suggestions.
// Speed: characters segmented per second. Quality: a query word is found in a
// text when all its tokens are among the text's tokens, as the tsvector index
// does; the truth is every text containing the word.

const WORDLIKE = /[\p{L}\p{N}]/u;
const started = performance.now();
const jieba = Jieba.withDict(dict);
const loadMs = performance.now() - started;
const intl = new Intl.Segmenter('zh', { granularity: 'word' });

const segmenters: Record<string, { index: (t: string) => string[]; query: (t: string) => string[] }> = {
  'jieba (search mode)': { index: (t) => jieba.cutForSearch(t, true), query: (t) => jieba.cut(t, true) },
  'jieba (precise mode)': { index: (t) => jieba.cut(t, true), query: (t) => jieba.cut(t, true) },
  'Intl.Segmenter zh': {
    index: (t) => [...intl.segment(t)].map((s) => s.segment),
    query: (t) => [...intl.segment(t)].map((s) => s.segment),
  },
};

const texts = evalSet.map((e) => normalizeText([e.title, e.body, e.attachmentText ?? ''].join('\n')));
const chars = texts.reduce((n, t) => n + t.length, 0);
const clean = (tokens: string[]) => tokens.filter((t) => WORDLIKE.test(t));

console.log(`jieba dictionary load: ${loadMs.toFixed(0)} ms; ${texts.length} texts, ${chars} characters`);
for (const [name, segmenter] of Object.entries(segmenters)) {
  const rounds = 20;
  const t0 = performance.now();
  let indexed: Set<string>[] = [];
  for (let r = 0; r < rounds; r++) indexed = texts.map((t) => new Set(clean(segmenter.index(t))));
  const seconds = (performance.now() - t0) / 1000;
  let relevant = 0;
  let found = 0;
  let returned = 0;
  for (const query of searchQueries) {
    const word = normalizeText(query);
    const tokens = clean(segmenter.query(word));
    texts.forEach((text, i) => {
      const isRelevant = text.includes(word);
      const hit = tokens.length > 0 && tokens.every((t) => indexed[i]!.has(t));
      if (isRelevant) relevant++;
      if (hit) returned++;
      if (hit && isRelevant) found++;
    });
  }
  console.log(
    `${name.padEnd(22)} ${((chars * rounds) / seconds / 1e6).toFixed(2)} M chars/s   recall ${(found / relevant).toFixed(3)}   precision ${(found / returned).toFixed(3)}`,
  );
}
