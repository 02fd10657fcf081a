import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { knownAuditActions } from '../domain/audit/audit-actions.ts';
import { auditActionText, auditDetailLines, auditDetailRenderers, auditTargetText } from './audit-text.ts';
import { translator } from './index.ts';
import { messages, type MessageKey } from './messages.ts';

const locales = ['zh-CN', 'en'] as const;

test('every known audit action has a sentence in both languages, never its code', () => {
  for (const locale of locales) {
    for (const action of knownAuditActions) {
      const sentence = messages[locale][`audit.action.${action}` as MessageKey];
      expect(sentence, `${locale} ${action}`).toBeTruthy();
      expect(sentence.trim().length, `${locale} ${action}`).toBeGreaterThan(1);
      expect(sentence, `${locale} ${action}`).not.toMatch(/[_.]|[a-z]+:[a-z]+/);
      expect(auditActionText(translator(locale), action)).toBe(sentence);
    }
  }
});

test('an action, target or value the page does not know becomes a sentence too', () => {
  const t = translator('zh-CN');
  expect(auditActionText(t, 'test.something_new')).toBe(t('audit.action.unknown'));
  expect(auditTargetText(t, 'export_job', '4')).toBe('记录 #4');
  expect(auditTargetText(t, 'suggestion', '12')).toBe('意见 #12');
  expect(auditDetailLines(t, 'auth.login_failed', { reason: 'brand_new_code' })).toEqual([
    { label: '原因', value: t('audit.value.unknown') },
  ]);
  // A key nobody records any more is left out, not shown raw.
  expect(auditDetailLines(t, 'plan.updated', { someOldKey: 'x_y' })).toEqual([]);
});

// The keys of every object literal given as an audit entry's `details` (or to
// manage-tags' `audit(action, details)`), read from the sources with the
// TypeScript parser, so a new key without a label fails here.
function recordedDetailKeys(): Set<string> {
  const keys = new Set<string>();
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return files(full);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });
  const collect = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) if (property.name) keys.add(property.name.getText());
      return;
    }
    ts.forEachChild(node, collect);
  };
  for (const file of files(path.resolve('app'))) {
    const text = fs.readFileSync(file, 'utf8');
    // Only files that write audit rows; parsing the whole tree is slow.
    if (!/recordAudit|auditSuggestions/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'details') collect(node.initializer);
      if (ts.isCallExpression(node) && node.expression.getText() === 'audit' && node.arguments[1])
        collect(node.arguments[1]);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

test('every detail key the app records has a label and a way to read its value, in both languages', () => {
  const keys = recordedDetailKeys();
  expect(keys.size).toBeGreaterThan(40);
  for (const key of keys) {
    expect(auditDetailRenderers[key], key).toBeDefined();
    for (const locale of locales) expect(messages[locale][`audit.detail.${key}` as MessageKey], key).toBeTruthy();
  }
});

test('details read as labelled values: statuses, roles, reasons, people and filters by name', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  const name = (id: number) => (id === 3 ? '王老师' : undefined);
  const lines = (t: typeof zh, action: string, details: Record<string, unknown>) =>
    auditDetailLines(t, action, details, name).map((l) => t('audit.value.pair', { label: l.label, value: l.value }));
  expect(
    lines(zh, 'suggestion.decided', {
      from: 'in_review',
      to: 'partially_adopted',
      publicReply: true,
      publishable: false,
    }),
  ).toEqual([
    `原为：${zh('status.in_review')}`,
    `改为：${zh('status.partially_adopted')}`,
    '有公开答复：是',
    '可公开：否',
  ]);
  expect(lines(en, 'auth.login_failed', { reason: 'wrong_password' })).toEqual(['Reason: wrong password']);
  expect(lines(zh, 'contact.revealed', { reason: '核实来信人身份', originalText: true })).toEqual([
    '原因：核实来信人身份',
    '同时查看了被遮盖的原文：是',
  ]);
  expect(lines(zh, 'suggestion.assigned', { from: null, to: 3, bulk: true })).toEqual([
    '原为：未分配',
    '改为：王老师',
    '批量操作：是',
  ]);
  expect(lines(en, 'user.role_changed', { from: 'moderator', to: 'planner' })).toEqual([
    `Was: ${en('admin.role.moderator')}`,
    `Now: ${en('admin.role.planner')}`,
  ]);
  expect(lines(en, 'user.permission_granted', { permission: 'read:contact:any' })).toEqual([
    `Permission: ${en('admin.can.contacts')}`,
  ]);
  expect(
    lines(zh, 'export.suggestions', {
      format: 'xlsx',
      rows: 12,
      includedContacts: false,
      completed: true,
      filter: { planId: 1, statuses: ['adopted', 'partially_adopted'], assignee: 'none', hasAttachments: false },
    }),
  ).toEqual([
    `文件格式：${zh('exports.format.xlsx')}`,
    '行数：12',
    '含联系方式：否',
    '已完成：是',
    `筛选条件：规划：#1；办理状态：${zh('status.adopted')}、${zh('status.partially_adopted')}；承办人：未分配`,
  ]);
  expect(lines(en, 'plan.updated', { fields: ['title', 'closesAt'] })).toEqual(['What changed: title, closing time']);
  expect(lines(zh, 'plan.contacts_purged', { retentionDays: 180, closedAt: '2026-01-14T16:30:00.000Z' })).toEqual([
    '保存天数：180 天',
    '征集截止时间：2026-01-15 00:30',
  ]);
});
