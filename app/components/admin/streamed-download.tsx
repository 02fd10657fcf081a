import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { saveBlob } from '../../utils/save-blob.ts';

type DownloadState =
  | { kind: 'idle' }
  | { kind: 'running'; bytes: number; seconds: number }
  | { kind: 'done'; bytes: number; filename: string }
  | { kind: 'failed'; status: number | null };

/**
 * Progress for long exports. Without JavaScript the export form is a plain
 * POST and the browser saves the streamed file itself (no progress). With
 * JavaScript the same POST goes through fetch, the bytes are counted as they
 * arrive, and the file is handed to the browser at the end.
 *
 * Limit: the browser then holds the whole file in memory until it is saved
 * (an XLSX of a million rows is on the order of 100 MB). The server side
 * streams either way.
 */
export function useStreamedDownload() {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const busy = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof ReadableStream === 'undefined' || typeof URL.createObjectURL !== 'function') return;
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const fields = new FormData(form, submitter instanceof HTMLButtonElement ? submitter : null);
    const started = Date.now();
    setState({ kind: 'running', bytes: 0, seconds: 0 });
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(
          [...fields].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        ),
        credentials: 'same-origin',
      });
      if (!response.ok || !response.body) {
        setState({ kind: 'failed', status: response.status });
        return;
      }
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let shown = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        // A few updates a second: enough to see it move, not enough to flood a screen reader.
        if (Date.now() - shown > 500) {
          shown = Date.now();
          setState({ kind: 'running', bytes, seconds: Math.round((shown - started) / 1000) });
        }
      }
      const filename = filenameOf(response.headers.get('Content-Disposition'));
      saveBlob(
        new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }),
        filename,
      );
      setState({ kind: 'done', bytes, filename });
    } catch {
      setState({ kind: 'failed', status: null });
    } finally {
      busy.current = false;
    }
  }

  return { onSubmit, state };
}

export function DownloadProgress({ state }: { state: DownloadState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'running'
      ? t('exports.progress.running', { size: formatBytes(state.bytes), seconds: state.seconds })
      : state.kind === 'done'
        ? t('exports.progress.done', { filename: state.filename, size: formatBytes(state.bytes) })
        : state.kind === 'failed'
          ? t(state.status === 403 ? 'exports.progress.forbidden' : 'exports.progress.failed')
          : '';
  return (
    <p role="status" aria-live="polite" className={`export-progress export-progress--${state.kind}`}>
      {text}
    </p>
  );
}

function filenameOf(disposition: string | null): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'export';
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
