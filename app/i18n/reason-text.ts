import { inboundReasonCode } from '../domain/intake/email/inbound-reasons.ts';
import { MIME_MAX_DEPTH, MIME_MAX_PARTS } from '../domain/intake/email/mime-shape.ts';
import { suggestionHeldReasonCode } from '../domain/suggestions/held-reasons.ts';
import type { Translate } from './index.ts';

// Stored reason codes as the sentences staff read. An unknown or legacy value
// becomes "no reason recorded", never the raw string.

type InboundRow = {
  status: string;
  statusReason: string | null;
  statusDetail?: Record<string, string | number> | null;
  sizeBytes?: number;
};

/** `maxBytes`: today's INTAKE_MAX_BYTES, for rows held before the limit was recorded with them. */
export function inboundReasonText(t: Translate, row: InboundRow, maxBytes?: number): string {
  if (row.status === 'auto_reply') return t('mail.reason.auto_reply');
  if (row.status === 'bounce') return t('mail.reason.bounce');
  const code = inboundReasonCode(row.statusReason);
  if (!code) return t('mail.reason.unknown');
  const detail = row.statusDetail ?? {};
  if (code === 'message_too_large') {
    const sentence = t('mail.reason.message_too_large', {
      size: formatBytes(Number(detail.sizeBytes ?? row.sizeBytes ?? 0)),
      limit: formatBytes(Number(detail.maxBytes ?? maxBytes ?? 0)),
    });
    if (detail.downloaded === 'headers') return `${sentence}${t('mail.reason.message_too_large.headers')}`;
    if (detail.downloaded === 'whole') return `${sentence}${t('mail.reason.message_too_large.whole')}`;
    return sentence;
  }
  const params = Object.fromEntries(Object.entries(detail).filter(([key]) => key !== 'error'));
  return t(`mail.reason.${code}`, {
    attempts: '?',
    parts: '?',
    depth: '?',
    maxParts: MIME_MAX_PARTS,
    maxDepth: MIME_MAX_DEPTH,
    ...params,
  });
}

export function heldReasonText(t: Translate, stored: string | null | undefined): string {
  const code = suggestionHeldReasonCode(stored);
  return code ? t(`held.reason.${code}`) : t('held.reason.unspecified');
}

/** 41943040 → "40 MB"; 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}
