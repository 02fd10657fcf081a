import { translator } from '../../i18n/index.ts';
import type { ExportRow } from './export-rows.server.ts';
import { siteLink } from '../site-link.ts';

// The columns of the tabular exports (XLSX, CSV), in order. Headers and labels
// are always Chinese: the files go to Chinese offices whatever the UI language.
const t = translator('zh-CN');

export type Column = { header: string; width: number; value: (row: ExportRow, index: number) => string | number };

const base: Column[] = [
  { header: '序号', width: 7, value: (_row, index) => index },
  { header: '跟踪编号', width: 16, value: (row) => row.trackingCode },
  { header: '章节', width: 24, value: (row) => row.sectionLabel ?? '' },
  { header: '类别', width: 14, value: (row) => row.categoryName ?? '' },
  { header: '标题', width: 28, value: (row) => row.title },
  { header: '内容', width: 60, value: (row) => row.body },
  { header: '提出人类型', width: 12, value: (row) => row.submitterType },
  { header: '渠道', width: 10, value: (row) => channelLabel(row.channel) },
  { header: '提交时间', width: 17, value: (row) => row.submittedLocal },
  { header: '处理状态', width: 12, value: (row) => statusLabel(row.status) },
  { header: '采纳理由', width: 40, value: (row) => row.decisionReason ?? '' },
  { header: '标签', width: 20, value: (row) => row.tags.join('、') },
  { header: '附议人数', width: 9, value: (row) => row.supportCount },
];

const contactColumns: Column[] = [
  { header: '姓名', width: 12, value: (row) => row.contact?.name ?? '' },
  { header: '单位', width: 24, value: (row) => row.contact?.unit ?? '' },
  { header: '电话', width: 16, value: (row) => row.contact?.phone ?? '' },
  { header: '邮箱', width: 28, value: (row) => row.contact?.email ?? '' },
];

export function exportColumns(includeContacts: boolean): Column[] {
  return includeContacts ? [...base, ...contactColumns] : base;
}

export function channelLabel(channel: ExportRow['channel']): string {
  return t(`exports.channel.${channel}`);
}

export function statusLabel(status: ExportRow['status']): string {
  return t(`status.${status}`);
}

/** Where a staff member opens the suggestion: PUBLIC_URL, or the origin the request came to. */
export function suggestionUrl(baseUrl: string, id: number): string {
  return siteLink(baseUrl, `/admin/suggestions/${id}`);
}
