import { formatChinaDateTime } from '../utils/china-time.ts';
import type { Translate } from './index.ts';
import { messages, type MessageKey } from './messages.ts';

// An audit row as the staff who read the log see it: the action as a sentence,
// the target as a noun with its number, and each stored detail as a labelled
// value. Stored codes (`suggestion.decided`, `wrong_password`, JSON keys) are
// looked up, never shown: a key or value this file cannot read becomes
// "another action" or "a value this page cannot read". Details hold ids and
// codes, and one text in a person's words, a contact reveal's reason, which is
// stored masked and masked again before it reaches here (decision 014).

export type AuditDetailLine = { label: string; value: string };
type Lookup = { t: Translate; action: string; staffName: (id: number) => string | undefined };
type Render = (value: unknown, lookup: Lookup) => string;

const known = (key: string): key is MessageKey => key in messages['zh-CN'];

/** `prefix` + code when that message exists, else the "cannot read" sentence. */
function coded(t: Translate, prefix: string, code: unknown): string {
  const key = `${prefix}${String(code)}`;
  return typeof code === 'string' && known(key) ? t(key) : t('audit.value.unknown');
}

export function auditActionText(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return known(key) ? t(key) : t('audit.action.unknown');
}

export function auditTargetText(t: Translate, type: string | null, id: string | null): string {
  if (!type) return '';
  const key = `audit.target.${type}`;
  return t(known(key) ? key : 'audit.target.unknown', { id: id ?? '' });
}

const list =
  (one: Render): Render =>
  (value, lookup) =>
    Array.isArray(value) && value.length
      ? value.map((v) => one(v, lookup)).join(lookup.t('audit.value.listSeparator'))
      : lookup.t('audit.value.none');
const id: Render = (value, { t }) =>
  typeof value === 'number' || typeof value === 'string' ? t('audit.value.id', { id: value }) : t('audit.value.none');
const count: Render = (value, { t }) => (typeof value === 'number' ? String(value) : t('audit.value.unknown'));
const yesNo: Render = (value, { t }) => t(value ? 'audit.value.yes' : 'audit.value.no');
const text: Render = (value, { t }) => (typeof value === 'string' && value ? value : t('audit.value.none'));
const staff: Render = (value, lookup) =>
  typeof value === 'number'
    ? (lookup.staffName(value) ?? lookup.t('audit.value.staff', { id: value }))
    : lookup.t('audit.value.unassigned');
const codeOf =
  (prefix: string): Render =>
  (value, { t }) =>
    coded(t, prefix, value);
const date: Render = (value, { t }) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? formatChinaDateTime(new Date(value))
    : t('audit.value.unknown');
const permissionLabels: Record<string, MessageKey> = {
  'read:suggestion:any': 'admin.can.readSuggestions',
  'moderate:suggestion:any': 'admin.can.moderate',
  'export:suggestion:any': 'admin.can.export',
  'read:report:any': 'admin.can.reports',
  'manage:plan:any': 'admin.can.plans',
  'manage:user:any': 'admin.can.users',
  'read:audit:any': 'admin.can.audit',
  'read:contact:any': 'admin.can.contacts',
};
const permission: Render = (value, { t }) => {
  const key = typeof value === 'string' ? permissionLabels[value] : undefined;
  return key ? t(key) : t('audit.value.unknown');
};

/** from/to hold a status, a role, a consent, a person or a category, depending on the action. */
const change: Render = (value, lookup) => {
  const { action } = lookup;
  if (action === 'suggestion.assigned') return staff(value, lookup);
  if (action === 'suggestion.category_changed') return id(value, lookup);
  if (action === 'plan.status_changed') return codeOf('admin.planStatus.')(value, lookup);
  if (action === 'user.role_changed') return codeOf('admin.role.')(value, lookup);
  if (action.endsWith('consent_changed')) return codeOf('consent.')(value, lookup);
  return codeOf('status.')(value, lookup);
};

// The export filter (exports/export-filter.ts), one labelled part per field set.
const filterFields: Record<string, [MessageKey, Render]> = {
  planId: ['audit.detail.planId', id],
  statuses: ['audit.detail.statuses', list(codeOf('status.'))],
  categoryId: ['audit.detail.categoryId', id],
  sectionId: ['audit.detail.sectionId', id],
  channel: ['audit.detail.channel', codeOf('exports.channel.')],
  submitterType: ['audit.detail.submitterType', text],
  tagId: ['audit.detail.tagId', id],
  assignee: [
    'audit.detail.assignee',
    (value, lookup) => (value === 'none' ? lookup.t('audit.value.unassigned') : staff(value, lookup)),
  ],
  hasAttachments: ['audit.detail.hasAttachments', yesNo],
  from: ['audit.detail.dateFrom', text],
  to: ['audit.detail.dateTo', text],
};
const filter: Render = (value, lookup) => {
  if (!value || typeof value !== 'object') return lookup.t('audit.value.none');
  const fields = value as Record<string, unknown>;
  const parts = Object.entries(filterFields)
    .filter(([key]) => fields[key] !== undefined && fields[key] !== null && fields[key] !== false)
    .filter(([key]) => !Array.isArray(fields[key]) || fields[key].length > 0)
    .map(([key, [label, render]]) =>
      lookup.t('audit.value.pair', { label: lookup.t(label), value: render(fields[key], lookup) }),
    );
  return parts.length ? parts.join(lookup.t('audit.value.partSeparator')) : lookup.t('audit.value.none');
};

/** Every detail key the code records (a test reads the sources for them). */
export const auditDetailRenderers: Record<string, Render> = {
  reason: (value, lookup) =>
    // A reveal's reason is the staff member's own words; a refusal's is a code.
    lookup.action === 'contact.revealed' ? text(value, lookup) : codeOf('audit.value.reason.')(value, lookup),
  method: codeOf('audit.value.method.'),
  twoFactorRequired: yesNo,
  knownDevice: yesNo,
  from: change,
  to: change,
  permission,
  sessions: count,
  role: codeOf('admin.role.'),
  grants: list(permission),
  via: codeOf('audit.value.via.'),
  ruleId: id,
  keywords: list(text),
  categoryId: id,
  tagName: text,
  originalText: yesNo,
  format: codeOf('exports.format.'),
  rows: count,
  includedContacts: yesNo,
  completed: yesNo,
  filter,
  by: codeOf('audit.value.by.'),
  changeId: id,
  channel: codeOf('exports.channel.'),
  bulk: yesNo,
  tagIds: list(id),
  tagId: id,
  publicReply: yesNo,
  publishable: yesNo,
  ids: list(id),
  index: (value, { t }) =>
    typeof value === 'number' ? t('audit.value.attachmentIndex', { n: value + 1 }) : t('audit.value.unknown'),
  planId: id,
  status: codeOf('mail.status.'),
  suggestionId: id,
  intoTagId: id,
  suggestions: count,
  originalId: id,
  notesMoved: count,
  noteId: id,
  parentId: id,
  mentions: list(staff),
  outboxId: id,
  attachmentId: id,
  slug: text,
  fields: list(codeOf('audit.value.field.')),
  sectionId: id,
  direction: codeOf('audit.value.direction.'),
  removed: count,
  added: count,
  kept: count,
  contactRows: count,
  textOriginals: count,
  rawMails: count,
  contacts: count,
  emails: count,
  outgoing: count,
  retentionDays: (value, { t }) =>
    typeof value === 'number' ? t('audit.value.days', { n: value }) : t('audit.value.unknown'),
  closedAt: date,
  themeId: id,
  intoId: id,
  version: (value, { t }) =>
    typeof value === 'number' ? t('audit.value.version', { n: value }) : t('audit.value.unknown'),
  versionId: id,
  sectionKey: text,
  suggestionIds: list(id),
};

/**
 * The stored details as labelled lines. A key recorded by older code and not
 * listed above is left out rather than shown raw.
 */
export function auditDetailLines(
  t: Translate,
  action: string,
  details: unknown,
  staffName: (id: number) => string | undefined = () => undefined,
): AuditDetailLine[] {
  if (!details || typeof details !== 'object') return [];
  const lookup: Lookup = { t, action, staffName };
  const stored = details as Record<string, unknown>;
  // In the order listed above (jsonb keeps its own order, by key length).
  return Object.entries(auditDetailRenderers).flatMap(([key, render]) => {
    const label = `audit.detail.${key}`;
    return key in stored && known(label) ? [{ label: t(label), value: render(stored[key], lookup) }] : [];
  });
}
