import ExcelJS from 'exceljs';
import type { PassThrough, Writable } from 'node:stream';
import { exportColumns, suggestionUrl } from './columns.ts';
import type { ExportRow } from './export-rows.server.ts';
import { drained, flowControl } from './output-stream.server.ts';

type XlsxOptions = { includeContacts: boolean; sheetPerCategory: boolean; baseUrl: string };

const LINK_HEADER = '链接';

/**
 * Streams an .xlsx with exceljs's WorkbookWriter: each row is committed (and
 * zipped) as it comes, no shared strings table, so memory stays flat. With
 * `sheetPerCategory` the rows must arrive ordered by category; a sheet is
 * committed before the next one starts, as the streaming zip requires.
 */
export async function writeXlsx(
  batches: AsyncIterable<ExportRow[]>,
  out: PassThrough,
  options: XlsxOptions,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '建言 Jianyan';
  const columns = exportColumns(options.includeContacts);
  let sheet: ExcelJS.Worksheet | undefined;
  let sheetKey: string | undefined;
  let index = 0;
  const usedNames = new Set<string>();
  for await (const rows of batches) {
    for (const row of rows) {
      const key = options.sheetPerCategory ? (row.categoryName ?? '未分类') : '意见建议';
      if (!sheet || key !== sheetKey) {
        sheet?.commit();
        sheet = addSheet(
          workbook,
          sheetName(key, usedNames),
          columns.map((c) => ({ header: c.header, width: c.width })),
        );
        sheetKey = key;
      }
      index += 1;
      // Empty cells stay empty (null), not empty strings; a count of 0 stays a number.
      const values: ExcelJS.CellValue[] = columns.map((column) => {
        const value = column.value(row, index);
        return value === '' ? null : value;
      });
      values.push(linkCell(suggestionUrl(options.baseUrl, row.id)));
      sheet.addRow(values).commit();
    }
    if (sheet) await keepFlat(sheet);
    await flowControl(out);
  }
  sheet ??= addSheet(
    workbook,
    '意见建议',
    columns.map((c) => ({ header: c.header, width: c.width })),
  );
  sheet.commit();
  await workbook.commit();
  return index;
}

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: { header: string; width: number }[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const wrapped: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
  sheet.columns = [...columns, { header: LINK_HEADER, width: 8 }].map((c) => ({ ...c, style: wrapped }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();
  return sheet;
}

// A HYPERLINK formula rather than a cell hyperlink: exceljs's streaming writer
// keeps every cell hyperlink in memory until the sheet ends (about 150 bytes
// each, 150 MB at a million rows); a formula is written with its row.
// Excel, WPS and LibreOffice all open it as a clickable link.
function linkCell(url: string): ExcelJS.CellValue {
  return { formula: `HYPERLINK("${url.replace(/"/g, '""')}","查看")`, result: '查看' };
}

// Excel: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}

// Two leaks of exceljs 4.4's streaming writer, measured by bench/export-memory.ts
// (docs/decisions/020-streaming-exports.md); both reach into its internals,
// hence the exact version pin in package.json:
// - every formula cell's model is kept by address (for shared formulas, which
//   we never write): about 0.45 kB a row;
// - a sheet's buffer writes into the zip's input without waiting, so when
//   deflate lags behind the cursor, that input grows. We wait for it to drain.
async function keepFlat(sheet: ExcelJS.Worksheet): Promise<void> {
  const internals = sheet as unknown as { _formulae?: Record<string, unknown>; stream?: { pipes?: Writable[] } };
  if (internals._formulae) internals._formulae = {};
  const zipInput = internals.stream?.pipes?.[0];
  if (zipInput) await drained(zipInput);
}
