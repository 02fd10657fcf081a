import type { DbExecutor } from '../../../db/client.server.ts';
import { exportLog } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import type { ExportFilter } from './export-filter.ts';

export type ExportAuditEntry = {
  actorId: number | null;
  filter: ExportFilter;
  format: string;
  rowCount: number;
  includedContacts: boolean;
  completed: boolean;
};

/**
 * Every export is recorded: who, which filter, which format, how many rows,
 * whether contact details were included. Written when the stream ends (also
 * when the client goes away), since only then is the row count known.
 * It goes to the append-only audit log, and to export_log, which keeps the
 * full filter for the exports list.
 */
export async function recordExportAudit(db: DbExecutor, entry: ExportAuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(exportLog).values({
      actorId: entry.actorId,
      planId: entry.filter.planId,
      format: entry.format,
      filter: { ...entry.filter },
      rowCount: entry.rowCount,
      includedContacts: entry.includedContacts,
      completed: entry.completed,
    });
    await recordAudit(tx, {
      actorId: entry.actorId,
      action: 'export.suggestions',
      targetType: 'plan',
      targetId: entry.filter.planId ?? undefined,
      details: {
        format: entry.format,
        rows: entry.rowCount,
        includedContacts: entry.includedContacts,
        completed: entry.completed,
        filter: { ...entry.filter },
      },
    });
  });
}

/**
 * Contact details leave the server as soon as the first rows stream, so an
 * export with contacts is audited before it starts too: a crash mid-stream
 * must not leave contact details exported without a trace.
 */
export async function recordContactExportStart(
  db: DbExecutor,
  entry: { actorId: number | null; filter: ExportFilter; format: string },
): Promise<void> {
  await recordAudit(db, {
    actorId: entry.actorId,
    action: 'export.contacts_started',
    targetType: 'plan',
    targetId: entry.filter.planId ?? undefined,
    details: { format: entry.format, filter: { ...entry.filter } },
  });
}
