import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import type { Actor } from '../authorization/actor.ts';
import { plans } from '../../../db/schema/index.ts';
import { formatDate } from '../../i18n/index.ts';
import type { ExportFormat, ExportRequest } from './export-filter.ts';
import { authorizeExport } from './authorize-export.ts';
import { exportRows, type ExportRow } from './export-rows.server.ts';
import { createOutputStream, ExportAborted } from './output-stream.server.ts';
import { recordExportAudit } from './record-export-audit.server.ts';
import { writeCsv } from './write-csv.server.ts';
import { writeDocx } from './write-docx.server.ts';
import { writeJson } from './write-json.server.ts';
import { writeXlsx } from './write-xlsx.server.ts';

export type ExportPlan = { id: number; slug: string; title: string; opensAt: Date | null; closesAt: Date | null };

export async function findExportPlan(db: Database, planId: number): Promise<ExportPlan | undefined> {
  const [plan] = await db
    .select({ id: plans.id, slug: plans.slug, title: plans.title, opensAt: plans.opensAt, closesAt: plans.closesAt })
    .from(plans)
    .where(eq(plans.id, planId));
  return plan;
}

type RunOptions = {
  plan: ExportPlan;
  /** Who asks: checked here on the parsed options before a byte is read. */
  viewer: Actor;
  /** PUBLIC_URL, or the origin the request came to: links in the file point back here. */
  baseUrl: string;
  onError: (error: Error) => void;
  now?: Date;
  /** Where the rows are read: a replica may serve them (decision 096); the audit is written to db. */
  readDb?: Database;
};

export type StartedExport = {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
  /** Settles once the export is written and audited. */
  done: Promise<void>;
};

/**
 * Starts writing the export and returns at once with a stream of its bytes:
 * the response begins while the cursor is still reading. The export is
 * audited when the stream ends, completed or not.
 */
export function startExport(db: Database, { filter, options }: ExportRequest, run: RunOptions): StartedExport {
  authorizeExport(run.viewer, options);
  const out = createOutputStream();
  const counter = { rows: 0 };
  const batches = counted(
    exportRows(run.readDb ?? db, filter, {
      viewer: run.viewer,
      includeContacts: options.includeContacts,
      order:
        options.format === 'xlsx' && options.sheetPerCategory
          ? 'category'
          : options.format === 'docx'
            ? 'section'
            : 'id',
    }),
    counter,
  );
  const { includeContacts } = options;
  const write = () => {
    switch (options.format) {
      case 'xlsx':
        return writeXlsx(batches, out, {
          includeContacts,
          sheetPerCategory: options.sheetPerCategory,
          baseUrl: run.baseUrl,
        });
      case 'csv':
        return writeCsv(batches, out, { includeContacts, encoding: options.encoding, baseUrl: run.baseUrl });
      case 'json':
        return writeJson(batches, out, { includeContacts, baseUrl: run.baseUrl });
      case 'docx':
        return writeDocx(batches, out, { includeContacts, ...docxHeading(filter, run.plan, run.now ?? new Date()) });
    }
  };
  const done = (async () => {
    let rowCount = 0;
    let completed = false;
    try {
      rowCount = await write();
      completed = true;
    } catch (error) {
      rowCount = counter.rows;
      if (!(error instanceof ExportAborted)) {
        run.onError(error instanceof Error ? error : new Error(String(error)));
        out.destroy(error instanceof Error ? error : undefined);
      }
    } finally {
      await recordExportAudit(db, {
        actorId: run.viewer.id,
        filter,
        format: options.format,
        rowCount,
        includedContacts: includeContacts,
        completed,
      }).catch((error: unknown) => run.onError(error instanceof Error ? error : new Error(String(error))));
    }
  })();
  return {
    done,
    body: Readable.toWeb(out) as ReadableStream<Uint8Array>,
    contentType:
      contentTypes[options.format] +
      (options.format === 'csv' ? `; charset=${options.encoding === 'gb18030' ? 'gb18030' : 'utf-8'}` : ''),
    filename: exportFilename(run.plan, options.format, filter.statuses, run.now ?? new Date()),
  };
}

const contentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  json: 'application/json; charset=utf-8',
};

export function exportFilename(plan: ExportPlan, format: ExportFormat, statuses: string[], now: Date): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
  const adoptedOnly = statuses.length === 2 && statuses.includes('adopted') && statuses.includes('partially_adopted');
  const what = format === 'docx' ? '意见建议采纳情况汇总表' : adoptedOnly ? '采纳意见建议' : '意见建议';
  // Names that Windows and macOS accept: no path separators or reserved characters.
  return `${plan.title}-${what}-${day}.${format}`.replace(/[\\/:*?"<>|\r\n]/g, '_');
}

function docxHeading(filter: ExportRequest['filter'], plan: ExportPlan, now: Date) {
  const day = (iso: string | undefined, fallback: Date | null) =>
    iso ? formatDate(new Date(`${iso}T12:00:00+08:00`), 'zh-CN') : fallback ? formatDate(fallback, 'zh-CN') : '—';
  return {
    planTitle: plan.title,
    from: day(filter.from, plan.opensAt),
    to: day(filter.to, plan.closesAt),
    today: formatDate(now, 'zh-CN'),
  };
}

async function* counted(batches: AsyncIterable<ExportRow[]>, counter: { rows: number }): AsyncGenerator<ExportRow[]> {
  for await (const batch of batches) {
    counter.rows += batch.length;
    yield batch;
  }
}
