import type { DbExecutor } from '../../../db/client.server.ts';
import { exportLog } from '../../../db/schema/index.ts';
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
 * TEMPORARY target: export_log; at merge this writes to the audit log
 * (recordAudit, action 'export.suggestions') instead.
 */
export async function recordExportAudit(db: DbExecutor, entry: ExportAuditEntry): Promise<void> {
  await db.insert(exportLog).values({
    actorId: entry.actorId,
    planId: entry.filter.planId,
    format: entry.format,
    filter: { ...entry.filter },
    rowCount: entry.rowCount,
    includedContacts: entry.includedContacts,
    completed: entry.completed,
  });
}
