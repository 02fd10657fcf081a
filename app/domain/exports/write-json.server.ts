import type { PassThrough } from 'node:stream';
import type { ExportRow } from './export-rows.server.ts';
import { writeChunk } from './output-stream.server.ts';
import { suggestionUrl } from './columns.ts';

type JsonOptions = { includeContacts: boolean; baseUrl: string };

/**
 * One JSON array, written element by element, for integrations. Field names
 * are English and values raw (status and channel codes, ISO 8601 UTC times),
 * so that a program need not parse Chinese labels.
 */
export async function writeJson(
  batches: AsyncIterable<ExportRow[]>,
  out: PassThrough,
  options: JsonOptions,
): Promise<number> {
  await writeChunk(out, '[');
  let count = 0;
  for await (const rows of batches) {
    let chunk = '';
    for (const row of rows) {
      chunk += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(toJson(row, options))}`;
      count += 1;
    }
    await writeChunk(out, chunk);
  }
  await writeChunk(out, count === 0 ? ']\n' : '\n]\n');
  out.end();
  return count;
}

function toJson(row: ExportRow, options: JsonOptions) {
  const { contact, sectionPosition: _position, submittedLocal: _local, ...fields } = row;
  return {
    ...fields,
    url: suggestionUrl(options.baseUrl, row.id),
    ...(options.includeContacts ? { contact: contact ?? {} } : {}),
  };
}
