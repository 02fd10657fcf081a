import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Files made by others and taken from their public repositories are not
// committed here (tests/third-party/README.md lists each, with its source,
// commit, licence and sha256). They live in one folder outside the repository:
// $JIANYAN_THIRD_PARTY_FIXTURES, by default ../shared/fixtures/third-party
// next to the checkout, with a mail/ and a docx/ subfolder.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const thirdPartyRoot = path.resolve(
  repoRoot,
  process.env.JIANYAN_THIRD_PARTY_FIXTURES ?? '../shared/fixtures/third-party',
);

/**
 * The folder holding `subfolder`'s files, once each expected file is there
 * with the expected sha256. Throws one message naming every missing or
 * changed file, so a run without the files fails loudly instead of skipping.
 */
export function thirdPartyFolder(subfolder: 'mail' | 'docx', expected: Readonly<Record<string, string>>): string {
  const dir = path.join(thirdPartyRoot, subfolder);
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [name, sha256] of Object.entries(expected)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) missing.push(name);
    else if (createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== sha256) changed.push(name);
  }
  if (missing.length > 0 || changed.length > 0) {
    throw new Error(
      [
        `Third-party fixtures are not in place in ${dir}.`,
        missing.length > 0 ? `Missing: ${missing.join(', ')}.` : '',
        changed.length > 0 ? `Not the expected bytes (sha256 differs): ${changed.join(', ')}.` : '',
        'Take each file from the source named in tests/third-party/README.md and put it there,',
        'or set JIANYAN_THIRD_PARTY_FIXTURES to the folder that holds mail/ and docx/.',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }
  return dir;
}
