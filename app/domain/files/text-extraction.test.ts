import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildDocx } from '../../../tests/fixtures/build-docx.ts';
import { DEFAULT_EXTRACTION_BUDGET, extractInWorker } from './text-extraction.server.ts';

const bomb = fs.readFileSync(path.resolve('tests/fixtures/zip-bombs/spaces-80mb.docx'));
const noCaps = { maxTotalBytes: 2 ** 40, maxEntries: 1e6, maxRatio: 1e9, ratioFloorBytes: 0 };

test('a zip bomb gets the zip_limits note without being inflated', async () => {
  expect(await extractInWorker('docx', bomb)).toEqual({ note: 'zip_limits' });
});

test('past the caps, the worker’s memory budget stops the bomb and this process carries on', async () => {
  const result = await extractInWorker('docx', bomb, { ...DEFAULT_EXTRACTION_BUDGET, memoryMb: 32, zipLimits: noCaps });
  expect(result).toEqual({ note: 'memory_limit' });
  // The same module still extracts afterwards.
  expect(await extractInWorker('docx', buildDocx(['仍然可用']))).toEqual({ text: '仍然可用' });
}, 60_000);

test('a file that takes longer than the time budget is abandoned with the time_limit note', async () => {
  const started = Date.now();
  const result = await extractInWorker('docx', bomb, {
    ...DEFAULT_EXTRACTION_BUDGET,
    timeMs: 300,
    memoryMb: 1024,
    zipLimits: noCaps,
  });
  expect(result).toEqual({ note: 'time_limit' });
  expect(Date.now() - started).toBeLessThan(5_000);
}, 60_000);
