import { AlignmentType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { readDocxWithPython } from '../../../tests/integration/helpers/exports.ts';
import { translator } from '../../i18n/index.ts';
import { statusLabel } from './columns.ts';
import { titleFonts } from './docx-fonts.server.ts';
import type { ExportRow } from './export-rows.server.ts';
import { documentLine, officialDocument } from './official-document.server.ts';
import { ExportAborted } from './output-stream.server.ts';
import { writeDocx } from './write-docx.server.ts';

const t = translator('zh-CN');
const options = { includeContacts: true, planTitle: '南湖大学「十五五」规划', from: 'f', to: 't', today: 'd' };

function row(id: number, section: [number, string] | null, extra: Partial<ExportRow> = {}): ExportRow {
  return {
    id,
    trackingCode: `JY-${id}`,
    title: `第${id}条：增加自习座位 & <图书馆> 'it's'`,
    body: '正文',
    channel: 'web',
    submitterType: '学生',
    status: (['adopted', 'partially_adopted', 'not_adopted', 'in_review'] as const)[id % 4]!,
    decisionReason: id % 3 === 0 ? null : `理由一\n理由二 "${id}"`,
    publicReply: null,
    publicSummary: id % 5 === 0 ? `摘要${id}` : null,
    submittedAt: '2026-01-01T00:00:00Z',
    submittedLocal: '2026-01-01 08:00',
    sectionId: section?.[0] ?? null,
    sectionLabel: section?.[1] ?? null,
    sectionPosition: section?.[0] ?? null,
    categoryName: null,
    tags: [],
    supportCount: 0,
    contact: id % 2 ? { name: '张三', unit: '后勤处' } : {},
    ...extra,
  };
}

// In the plan's order of sections, as exportRows' 'section' order gives them.
const rows = [
  row(1, [1, '一、深化人才培养']),
  row(4, [1, '一、深化人才培养']),
  row(2, [3, '三、师资队伍']),
  row(5, [3, '三、师资队伍'], { decisionReason: '' }),
  row(3, null),
];

async function* batchesOf(all: ExportRow[], size = 2) {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

async function streamed(all: ExportRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeDocx(batchesOf(all), out, options);
  return Buffer.concat(chunks);
}

// The oracle: the same 汇总表 built in memory by the docx package, as the
// writer did before it streamed (its code, kept here to compare against).
async function builtInMemory(all: ExportRow[]): Promise<string> {
  const widths = [6, 16, 30, 14, 9, 25];
  const cell = (text: string, width: number, bold: boolean, center: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: text.split(/\r?\n/).map(
        (part) =>
          new Paragraph({
            alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text: part, bold })],
          }),
      ),
    });
  const headers = ['序号', '章节', '意见建议摘要', '提出人（单位）', '采纳情况', '理由'];
  const tableRows = [
    new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, widths[i]!, true, true)) }),
  ];
  let previous: number | undefined;
  all.forEach((r, i) => {
    const label = r.sectionLabel ?? t('exports.noSection');
    const key = r.sectionPosition ?? Number.MAX_SAFE_INTEGER;
    if (key !== previous)
      tableRows.push(
        new TableRow({
          children: [
            new TableCell({
              columnSpan: 6,
              children: [new Paragraph({ children: [new TextRun({ text: label, bold: true, font: titleFonts })] })],
            }),
          ],
        }),
      );
    previous = key;
    const who = r.contact?.name && r.contact.unit ? `${r.contact.name}（${r.contact.unit}）` : r.submitterType;
    const values = [
      String(i + 1),
      label,
      r.publicSummary || r.title,
      who,
      statusLabel(r.status),
      r.decisionReason ?? '',
    ];
    tableRows.push(
      new TableRow({ cantSplit: true, children: values.map((v, j) => cell(v, widths[j]!, false, j === 0 || j === 4)) }),
    );
  });
  const document = officialDocument({
    title: '意见建议采纳情况汇总表',
    pageLabel: t('docx.page'),
    children: [
      documentLine(`规划名称：${options.planTitle}`),
      documentLine('意见征集时间：f 至 t'),
      documentLine('制表日期：d'),
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: tableRows }),
      new Paragraph({
        spacing: { before: 240 },
        children: [
          new TextRun({ text: '合计：共 5 条，其中采纳 1 条，部分采纳 2 条，不予采纳 1 条，其他 1 条。', bold: true }),
        ],
      }),
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  return zip.file('word/document.xml')!.async('string');
}

test('the streamed 汇总表 has exactly the document.xml the docx package builds in memory', async () => {
  const zip = await JSZip.loadAsync(await streamed(rows));
  const [actual, expected] = [await zip.file('word/document.xml')!.async('string'), await builtInMemory(rows)];
  // Where they first differ, with some context (the whole file is too long to read in a diff).
  let at = 0;
  while (at < expected.length && actual[at] === expected[at]) at += 1;
  expect(actual.slice(at - 80, at + 80)).toBe(expected.slice(at - 80, at + 80));
  expect(actual).toBe(expected);
});

test('a third-party reader (Python zipfile + ElementTree) opens it: valid CRCs, well-formed parts, every row', async () => {
  const withControl = row(6, null, { title: 'bell\u0007 and lone \uD800 surrogate removed' });
  const read = readDocxWithPython(await streamed([...rows, withControl]));
  expect(read.parts).toEqual(
    expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/fontTable.xml', 'word/footer1.xml']),
  );
  expect(read.parts[0]).toBe('[Content_Types].xml');
  expect(read.rows[0]).toEqual(['序号', '章节', '意见建议摘要', '提出人（单位）', '采纳情况', '理由']);
  expect(read.rows[1]).toEqual(['一、深化人才培养']);
  expect(read.rows[2]).toEqual([
    '1',
    '一、深化人才培养',
    "第1条：增加自习座位 & <图书馆> 'it's'",
    '张三（后勤处）',
    '部分采纳',
    '理由一\n理由二 "1"',
  ]);
  expect(read.rows.at(-3)).toEqual(['（未指定章节）']);
  expect(read.rows.at(-1)![2]).toBe('bell and lone  surrogate removed');
  expect(read.paragraphs.at(-1)).toBe('合计：共 6 条，其中采纳 1 条，部分采纳 2 条，不予采纳 2 条，其他 1 条。');
});

test('10,000 rows stream through and read back whole', { timeout: 120_000 }, async () => {
  const many = Array.from({ length: 10_000 }, (_, i) =>
    row(i + 1, [Math.floor(i / 2500) + 1, `第${Math.floor(i / 2500) + 1}章`]),
  );
  const read = readDocxWithPython(await streamed(many));
  // Header, four section headings, every suggestion.
  expect(read.rows).toHaveLength(1 + 4 + 10_000);
  expect(read.rows.at(-1)![0]).toBe('10000');
});

test(
  'with nobody reading, the writer stops pulling rows; a closed download ends it and its cursor',
  { timeout: 60_000 },
  async () => {
    let pulled = 0;
    let closed = false;
    async function* endless() {
      try {
        for (let i = 1; ; i += 500) {
          pulled += 500;
          // Random text, so that compression cannot hide a growing buffer.
          yield Array.from({ length: 500 }, (_, j) =>
            row(i + j, [1, '一、总则'], { title: crypto.randomBytes(600).toString('base64') }),
          );
        }
      } finally {
        closed = true;
      }
    }
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    const writing = writeDocx(endless(), out, options);
    // Wait until the writer has started pulling and then stopped for a whole
    // second (the machine may be slow). Started matters: a generator that was
    // never started has no cursor to close and runs no finally, so a check
    // made before the first pull would prove nothing (and once failed here
    // on a machine busy enough to delay the first pull past a second).
    let previous = -1;
    for (let waited = 0; (pulled === 0 || pulled !== previous) && waited < 30; waited++) {
      previous = pulled;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBe(previous);
    // About 2 kB of XML a row, random so that compression cannot hide a
    // buffer: the output stream (256 kB), the zip's and the deflater's buffers
    // hold some batches (measured: 8,500 rows, ~17 MB of XML), then it waits.
    expect(pulled).toBeLessThanOrEqual(20_000);
    out.destroy();
    await expect(writing).rejects.toBeInstanceOf(ExportAborted);
    // The generator's return reaches the row source asynchronously.
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(true);
  },
);
