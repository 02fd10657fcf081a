import { Form } from 'react-router';
import type { NoteNode } from '../../domain/moderation/notes.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';

/** Staff-only notes as a thread; each note has its own reply form (no JavaScript needed). */
export function NotesPanel({ notes, canWrite }: { notes: NoteNode[]; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="admin-panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('mod.notes.title')}</h2>
      <p className="muted">{t('mod.notes.intro')}</p>
      {notes.length === 0 ? <p>{t('mod.notes.empty')}</p> : <NoteList notes={notes} canWrite={canWrite} />}
      {canWrite && <NoteForm label={t('mod.notes.body')} submit={t('mod.notes.add')} />}
    </section>
  );
}

function NoteList({ notes, canWrite }: { notes: NoteNode[]; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="notes">
      {notes.map((note) => (
        <li key={note.id}>
          <article aria-label={`${note.authorName} ${formatChinaDateTime(new Date(note.createdAt))}`}>
            <p className="muted">
              {note.authorName} · {formatChinaDateTime(new Date(note.createdAt))}
            </p>
            <p className="note-body">{note.body}</p>
            {note.mentions.length > 0 && (
              <p className="muted">
                {t('mod.notes.mentions')} {note.mentions.map((m) => m.name).join('、')}
              </p>
            )}
            {canWrite && (
              <details>
                <summary>{t('mod.notes.reply')}</summary>
                <NoteForm
                  parentId={note.id}
                  label={t('mod.notes.replyTo', { name: note.authorName })}
                  submit={t('mod.notes.reply')}
                />
              </details>
            )}
          </article>
          {note.replies.length > 0 && <NoteList notes={note.replies} canWrite={canWrite} />}
        </li>
      ))}
    </ol>
  );
}

function NoteForm({ parentId, label, submit }: { parentId?: number; label: string; submit: string }) {
  return (
    <Form method="post" className="admin-form">
      <input type="hidden" name="intent" value="note" />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <label>
        {label}
        <textarea name="body" required maxLength={4000} rows={2} />
      </label>
      <button type="submit" className="button button--secondary">
        {submit}
      </button>
    </Form>
  );
}
