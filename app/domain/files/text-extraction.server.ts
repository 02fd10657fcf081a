import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { TEXT_EXTRACTION_WORKER_SOURCE } from './text-extraction-worker-source.ts';
import { ATTACHMENT_ZIP_LIMITS, checkZipLimits, type ZipLimits } from './zip-limits.ts';

/**
 * Why an attachment's text was not extracted, shown to staff as a sentence
 * (i18n `files.textNote.*`). The file itself is always kept.
 */
export type TextNote = 'zip_limits' | 'time_limit' | 'memory_limit';
export type Extraction = { text?: string; note?: TextNote };

export type ExtractionBudget = {
  /** Wall-clock budget per file; the extraction process is killed after it. */
  timeMs: number;
  /** V8 heap of the extraction process. */
  memoryMb: number;
  zipLimits: ZipLimits;
};

export const DEFAULT_EXTRACTION_BUDGET: ExtractionBudget = {
  timeMs: 20_000,
  memoryMb: 192,
  zipLimits: ATTACHMENT_ZIP_LIMITS,
};
export const MAX_TEXT = 200_000;

// Two cores: more parallel extractions would only queue, and each may use
// its whole memory budget.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

/**
 * The text of a .docx or .pdf, read in a child process with a memory and time
 * budget: a zip bomb, a hostile PDF or a parser bug costs at most that budget,
 * never the process. .docx archives are first held to decompression caps read
 * from the ZIP central directory, before anything is inflated.
 */
export async function extractInWorker(
  kind: 'docx' | 'pdf',
  bytes: Uint8Array,
  budget = DEFAULT_EXTRACTION_BUDGET,
): Promise<Extraction> {
  if (kind === 'docx') {
    const caps = checkZipLimits(bytes, budget.zipLimits);
    // Not a ZIP at all: nothing to extract, and nothing dangerous either.
    if (!caps.ok) return caps.reason === 'not_zip' ? {} : { note: 'zip_limits' };
  }
  await acquire();
  try {
    return await runWorker(kind, bytes, budget);
  } finally {
    release();
  }
}

function runWorker(kind: 'docx' | 'pdf', bytes: Uint8Array, budget: ExtractionBudget): Promise<Extraction> {
  return new Promise((resolve) => {
    // A child process, not a worker thread: measured on Node 20, a worker
    // thread over its resourceLimits can still abort the whole process (a
    // large allocation in the young generation), and then intake dies with it.
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${budget.memoryMb}`,
        '--max-semi-space-size=8',
        '-e',
        TEXT_EXTRACTION_WORKER_SOURCE,
        JSON.stringify({ kind, maxText: MAX_TEXT, ...libraryUrls() }),
      ],
      // No NODE_OPTIONS (a test runner's or tsx's loader) and no secrets: the child needs neither.
      { env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let settled = false;
    let stdout = '';
    let stderr = '';
    const finish = (result: Extraction) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      if (child.exitCode === null) child.kill('SIGKILL');
    };
    const timer = setTimeout(() => finish({ note: 'time_limit' }), budget.timeMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    // Only the tail matters (V8 names an out-of-memory death there).
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4096)));
    child.on('error', () => finish({}));
    child.on('close', (code) => {
      if (code === 0) return finish(answer(stdout));
      finish(/heap out of memory|Allocation failed/i.test(stderr) ? { note: 'memory_limit' } : {});
    });
    // The child may die before reading everything (out of memory); that is not our error.
    child.stdin.on('error', () => {});
    child.stdin.end(bytes);
  });
}

function answer(stdout: string): Extraction {
  try {
    const parsed = JSON.parse(stdout) as { text?: unknown };
    return typeof parsed.text === 'string' && parsed.text ? { text: parsed.text } : {};
  } catch {
    return {};
  }
}

let urls: { mammothUrl: string; pdfjsUrl: string } | undefined;
function libraryUrls() {
  // Resolved here, where node_modules is known, for a child that has no module path of its own.
  const require = createRequire(import.meta.url);
  urls ??= {
    mammothUrl: pathToFileURL(require.resolve('mammoth')).href,
    pdfjsUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
  };
  return urls;
}

function acquire(): Promise<void> {
  if (running < MAX_PARALLEL) {
    running += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}
