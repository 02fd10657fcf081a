import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Database } from '../../../db/client.server.ts';
import { plans } from '../../../db/schema/index.ts';
import { parseExportRequest, type ExportRequest } from '../../../app/domain/exports/export-filter.ts';
import { findExportPlan, startExport } from '../../../app/domain/exports/run-export.server.ts';
import type { Actor } from '../../../app/domain/authorization/actor.ts';
import { permissions } from '../../../app/domain/authorization/permissions.ts';
import { createStaff } from '../../factories/staff.ts';

/** A real staff account holding every permission, the contact one included (domain-level export tests). */
const exporters = new WeakMap<Database, Promise<Actor>>();
export function fullExporter(db: Database): Promise<Actor> {
  if (!exporters.has(db)) {
    exporters.set(
      db,
      createStaff(db, { role: 'admin', grants: ['read:contact:any'], totp: true }).then(({ id }) => ({
        id,
        permissions: new Set(permissions),
      })),
    );
  }
  return exporters.get(db)!;
}

export const DEMO_SLUG = 'nanhu-14th-five-year-plan';
export const BASE_URL = 'https://jianyan.example.edu.cn';

/** Names, units, phones and emails of the demo submitters: none may leak. */
export const demoPersonalData = [
  '陈思远',
  'chen.siyuan@example.edu.cn',
  '刘海峰',
  '13903761234',
  '王雨晴',
  '13812345678',
  '赵敏',
  '孙先生',
  '0376-6391234',
  '周建国',
  '13598765432',
  '吴教授',
  '化学化工学院',
  'jgxy@example.edu.cn',
  '计算机学院 2022 级',
  '杨帆',
  '徐佳怡',
  'tsg4-2c3d@student.example.edu.cn',
  '外国语学院 2023 级',
];

export async function demoPlanId(db: Database): Promise<number> {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.slug, DEMO_SLUG));
  return plan!.id;
}

export function exportRequest(fields: Record<string, string | string[]>): ExportRequest {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  const parsed = parseExportRequest(form);
  if (!parsed.ok) throw new Error('invalid export request in test');
  return parsed.value;
}

/** Runs an export through the domain and returns the whole file. */
export async function runExport(db: Database, request: ExportRequest) {
  const plan = await findExportPlan(db, request.filter.planId);
  const started = startExport(db, request, {
    plan: plan!,
    viewer: await fullExporter(db),
    baseUrl: BASE_URL,
    onError: (error) => {
      throw error;
    },
  });
  const bytes = Buffer.from(await new Response(started.body).arrayBuffer());
  await started.done;
  return { ...started, bytes };
}

/** A strict RFC 4180 reader for checking our CSV (written apart from the writer, not as its inverse). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field: string;
    if (text[i] === '"') {
      // The closing quote is the first quote not followed by another ("" is an escaped quote).
      let end = i + 1;
      for (;;) {
        const next = text.indexOf('"', end);
        if (next < 0) throw new Error(`unclosed quote at ${i}`);
        if (text[next + 1] === '"') end = next + 2;
        else {
          end = next;
          break;
        }
      }
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
    } else {
      const match = /^[^",\r\n]*/.exec(text.slice(i))![0];
      field = match;
      i += match.length;
    }
    record.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i] ?? 'end of file')} at ${i}`);
  }
  if (record.length > 0) throw new Error('last record does not end with CRLF');
  return records;
}

/** Every file inside an .xlsx or .docx, as text: a zip's bytes are compressed, so search these. */
export async function zipText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).map((file) => file.async('string')));
  return parts.join('\n');
}

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** A .docx read by Python's zipfile and ElementTree (helpers/read-docx.py): a reader that is not ours. */
export function readDocxWithPython(bytes: Buffer): { parts: string[]; rows: string[][]; paragraphs: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyan-docx-'));
  try {
    const file = path.join(dir, 'summary.docx');
    fs.writeFileSync(file, bytes);
    const script = path.join(import.meta.dirname, 'read-docx.py');
    return JSON.parse(execFileSync('python3', [script, file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
