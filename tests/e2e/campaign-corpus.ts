import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import iconv from 'iconv-lite';
import type { Label } from '../fixtures/eval/campaigns/generate.ts';
import { bases } from '../fixtures/eval/bases.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { E2E_INTAKE_TOKEN } from '../setup/e2e-intake-token.ts';
import { db } from './staff.ts';

// The labelled campaign corpus (tests/fixtures/eval/campaigns) mailed to the
// portal as a mail server pipes it (POST /api/intake/email), into a plan of
// its own. The demo plan already answers to the corpus's subject marker, so
// each subject's marker is swapped for this run's (ASCII, so every charset
// holds it) and each Message-ID made unique; bodies and charsets are the
// corpus's bytes.

const dir = path.resolve('tests/fixtures/eval/campaigns');
export const corpusLabels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Label[];

function retarget(raw: string, marker: string, run: string): string {
  return raw
    .replace(/^Subject: =\?([^?]+)\?B\?([^?]*)\?=$/m, (_all, charset: string, b64: string) => {
      const subject = iconv.decode(Buffer.from(b64, 'base64'), charset);
      const title = subject.slice(subject.indexOf('——') + 2);
      return `Subject: =?${charset}?B?${iconv.encode(`${marker}——${title}`, charset).toString('base64')}?=`;
    })
    .replace(/^Message-ID: <([^@]+)@/m, `Message-ID: <$1.${run}@`);
}

/** A plan with the ten topic areas of bases.ts, and every letter of the corpus mailed to it: file → suggestion id. */
export async function mailCorpus(request: APIRequestContext) {
  const run = crypto.randomBytes(4).toString('hex');
  const marker = `E2E-TRIAGE-${run}`;
  const plan = await createPlan(db(), { title: `端到端分办语料 ${run}`, status: 'open', emailMarker: marker });
  const categories = await addCategories(db(), plan.id, Object.keys(bases));
  const idOf = new Map<string, number>();
  for (const label of corpusLabels) {
    const raw = retarget(fs.readFileSync(path.join(dir, 'mail', label.file), 'latin1'), marker, run);
    const response = await request.post('/api/intake/email', {
      headers: { authorization: `Bearer ${E2E_INTAKE_TOKEN}`, 'content-type': 'message/rfc822' },
      data: Buffer.from(raw, 'latin1'),
    });
    const outcome = (await response.json()) as { status: string; suggestionId?: number };
    if (response.status() !== 202 || outcome.status !== 'ingested' || !outcome.suggestionId)
      throw new Error(`${label.file}: ${response.status()} ${outcome.status}`);
    idOf.set(label.file, outcome.suggestionId);
  }
  return { plan, categories, idOf };
}
