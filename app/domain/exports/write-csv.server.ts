import iconv from 'iconv-lite';
import type { PassThrough } from 'node:stream';
import { exportColumns, suggestionUrl } from './columns.ts';
import { csvLine } from './csv-cell.ts';
import type { ExportRow } from './export-rows.server.ts';
import { writeChunk } from './output-stream.server.ts';

type CsvOptions = { includeContacts: boolean; encoding: 'utf8' | 'gb18030'; baseUrl: string };

// Excel and WPS read a CSV without a BOM in the system code page (GBK on
// Chinese Windows) and garble UTF-8; the BOM makes them read UTF-8. GB18030
// is offered for older software that ignores the BOM; it encodes every
// Unicode character, so nothing is lost either way.
const UTF8_BOM = '\uFEFF';

export async function writeCsv(
  batches: AsyncIterable<ExportRow[]>,
  out: PassThrough,
  options: CsvOptions,
): Promise<number> {
  const encode = (text: string) =>
    options.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  const columns = exportColumns(options.includeContacts);
  const header = csvLine([...columns.map((c) => c.header), '链接']);
  await writeChunk(out, encode(options.encoding === 'utf8' ? UTF8_BOM + header : header));
  let index = 0;
  for await (const rows of batches) {
    let chunk = '';
    for (const row of rows) {
      index += 1;
      chunk += csvLine([...columns.map((column) => column.value(row, index)), suggestionUrl(options.baseUrl, row.id)]);
    }
    await writeChunk(out, encode(chunk));
  }
  out.end();
  return index;
}
