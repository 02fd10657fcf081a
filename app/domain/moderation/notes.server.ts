import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { staffUsers, suggestionNoteMentions, suggestionNotes, suggestions } from '../../../db/schema/index.ts';
import { auditSuggestions } from '../audit/audit-suggestions.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { NotFound } from '../not-found.ts';

export const MAX_NOTE_LENGTH = 4000;

/**
 * Colleagues named "@name" in the text. Longest names first, so "@王小明" is
 * not read as "@王小"; two colleagues of the same name are both mentioned.
 */
export function mentionedStaff(body: string, staff: { id: number; name: string }[]): number[] {
  const found = new Set<number>();
  let rest = body;
  const names = [...new Set(staff.map((s) => s.name).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const tag = `@${name}`;
    if (!rest.includes(tag)) continue;
    staff.filter((s) => s.name === name).forEach((s) => found.add(s.id));
    rest = rest.split(tag).join(' ');
  }
  return [...found];
}

/** A staff-only note, optionally a reply to another note of the same suggestion; mentions are resolved to accounts. */
export async function addNote(
  db: Database,
  {
    suggestionId,
    parentId,
    body,
    actor,
    ip,
  }: { suggestionId: number; parentId?: number; body: string; actor: Actor; ip?: string },
) {
  assertPermission(actor, 'moderate:suggestion:any');
  const text = body.trim().slice(0, MAX_NOTE_LENGTH);
  if (!text) throw new ModerationError('not_allowed');
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.id, suggestionId));
    if (!exists) throw new NotFound('suggestion');
    if (parentId) {
      const [parent] = await tx
        .select({ id: suggestionNotes.id })
        .from(suggestionNotes)
        .where(and(eq(suggestionNotes.id, parentId), eq(suggestionNotes.suggestionId, suggestionId)));
      if (!parent) throw new ModerationError('not_found');
    }
    const [note] = await tx
      .insert(suggestionNotes)
      .values({ suggestionId, parentId: parentId ?? null, authorId: actor.id, body: text })
      .returning({ id: suggestionNotes.id });
    const staff = await tx
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .where(isNull(staffUsers.disabledAt));
    const mentions = mentionedStaff(text, staff);
    if (mentions.length)
      await tx
        .insert(suggestionNoteMentions)
        .values(mentions.map((staffUserId) => ({ noteId: note!.id, staffUserId })));
    await auditSuggestions(tx, {
      actor,
      ip,
      action: 'suggestion.note_added',
      ids: [suggestionId],
      details: () => ({ noteId: note!.id, parentId: parentId ?? null, mentions }),
    });
    return note!.id;
  });
}

export type NoteNode = {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
  mentions: { id: number; name: string }[];
  replies: NoteNode[];
};

/** A suggestion's notes as a tree, oldest first: two queries however many notes. */
export async function notesFor(db: DbExecutor, suggestionId: number): Promise<NoteNode[]> {
  const rows = await db
    .select({
      id: suggestionNotes.id,
      parentId: suggestionNotes.parentId,
      authorName: staffUsers.name,
      body: suggestionNotes.body,
      createdAt: suggestionNotes.createdAt,
    })
    .from(suggestionNotes)
    .innerJoin(staffUsers, eq(staffUsers.id, suggestionNotes.authorId))
    .where(eq(suggestionNotes.suggestionId, suggestionId))
    .orderBy(asc(suggestionNotes.id));
  const mentions = rows.length
    ? await db
        .select({ noteId: suggestionNoteMentions.noteId, id: staffUsers.id, name: staffUsers.name })
        .from(suggestionNoteMentions)
        .innerJoin(staffUsers, eq(staffUsers.id, suggestionNoteMentions.staffUserId))
        .where(
          inArray(
            suggestionNoteMentions.noteId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const nodes = new Map<number, NoteNode>(
    rows.map((r) => [
      r.id,
      { id: r.id, authorName: r.authorName, body: r.body, createdAt: r.createdAt, mentions: [], replies: [] },
    ]),
  );
  for (const m of mentions) nodes.get(m.noteId)?.mentions.push({ id: m.id, name: m.name });
  const roots: NoteNode[] = [];
  for (const r of rows) {
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    (parent ? parent.replies : roots).push(nodes.get(r.id)!);
  }
  return roots;
}
