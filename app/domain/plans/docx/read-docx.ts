import { posix } from 'node:path';
import {
  DEFAULT_ZIP_LIMITS,
  inspectZip,
  readZipEntry,
  ZipLimitError,
  type ZipEntry,
  type ZipLimits,
} from '../../files/zip-limits.ts';
import { htmlOfChunk, paragraphsOfHtml } from './alt-chunk.ts';
import { createNumbering } from './numbering.ts';
import type { DocParagraph } from './paragraph.ts';
import { readStyles } from './styles.ts';
import { walkBody } from './walk-body.ts';
import { elements, parseXml, type XmlElement } from './xml-tree.ts';

// A Word draft of a few hundred pages is a few megabytes of XML; images are never inflated.
export const DOCX_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 100 };
const MAX_PART_BYTES = 40 * 1024 * 1024;

export type DocxProblem = 'not_docx' | 'zip_bomb' | 'unsupported_zip';
export class DocxReadError extends Error {
  constructor(readonly problem: DocxProblem) {
    super(`docx refused: ${problem}`);
  }
}

/** Reads a .docx's body as paragraphs, with styles, automatic numbering and HTML chunks resolved. */
export function readDocxParagraphs(bytes: Buffer): DocParagraph[] {
  let entries: Map<string, ZipEntry>;
  try {
    entries = new Map(inspectZip(bytes, DOCX_ZIP_LIMITS).map((e) => [e.name.replace(/^\//, ''), e]));
  } catch (error) {
    throw toDocxError(error);
  }
  const read = (name: string): Buffer | undefined => {
    const entry = entries.get(name.replace(/^\//, ''));
    if (!entry) return undefined;
    if (entry.uncompressedSize > MAX_PART_BYTES) throw new DocxReadError('zip_bomb');
    try {
      return readZipEntry(bytes, entry);
    } catch (error) {
      throw toDocxError(error);
    }
  };
  const xml = (name: string | undefined): XmlElement | undefined => {
    const data = name ? read(name) : undefined;
    if (!data) return undefined;
    try {
      return parseXml(data.toString('utf8'));
    } catch {
      throw new DocxReadError('not_docx');
    }
  };
  const mainPath =
    relationshipTargets(xml('_rels/.rels'), '').find((r) => r.type.endsWith('/officeDocument'))?.target ??
    'word/document.xml';
  const document = xml(mainPath);
  if (!document) throw new DocxReadError('not_docx');
  const base = posix.dirname(mainPath);
  const relationships = relationshipTargets(xml(`${base}/_rels/${posix.basename(mainPath)}.rels`), base);
  const part = (type: string) => relationships.find((r) => r.type.endsWith(`/${type}`))?.target;
  return walkBody(document, {
    style: readStyles(xml(part('styles') ?? `${base}/styles.xml`)),
    numbering: createNumbering(xml(part('numbering') ?? `${base}/numbering.xml`)),
    altChunk: (id) => {
      const target = relationships.find((r) => r.id === id)?.target;
      const data = target ? read(target) : undefined;
      return data ? paragraphsOfHtml(htmlOfChunk(data)) : [];
    },
  });
}

function relationshipTargets(
  root: XmlElement | undefined,
  base: string,
): { id: string; type: string; target: string }[] {
  const list = root ? elements(root, 'Relationships')[0] : undefined;
  return (list ? elements(list, 'Relationship') : [])
    .filter((r) => r.attrs['TargetMode'] !== 'External')
    .map((r) => {
      const target = r.attrs['Target'] ?? '';
      return {
        id: r.attrs['Id'] ?? '',
        type: r.attrs['Type'] ?? '',
        target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target)),
      };
    });
}

function toDocxError(error: unknown): DocxReadError {
  if (error instanceof DocxReadError) return error;
  if (error instanceof ZipLimitError)
    return new DocxReadError(
      error.problem === 'not_zip' ? 'not_docx' : error.problem === 'unsupported' ? 'unsupported_zip' : 'zip_bomb',
    );
  return new DocxReadError('not_docx');
}
