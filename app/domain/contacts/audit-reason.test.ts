import { expect, test } from 'vitest';
import { AUDIT_REASON_MAX_CHARS, auditReason, detailsWithMaskedReason } from './audit-reason.ts';

// 11010519491231002X passes the GB 11643 check (numbers-in-text.ts).
const typed = '回电13812345678核实，邮箱zhang.san@example.com，身份证号11010519491231002X';

test('a reason keeps its words and loses the mobile number, the email and the ID number', () => {
  expect(auditReason(typed)).toBe('回电138********核实，邮箱z***@example.com，身份证号******************');
});

test('a reason without contact details is kept as typed, trimmed', () => {
  expect(auditReason('  需要电话核实意见内容 ')).toBe('需要电话核实意见内容');
  expect(auditReason('   ')).toBe('');
});

test('a long reason is cut to the limit after masking, so a number at the cut is not left in clear', () => {
  const atTheCut = `${'核'.repeat(AUDIT_REASON_MAX_CHARS - 5)}13812345678`;
  const stored = auditReason(atTheCut);
  expect(Array.from(stored)).toHaveLength(AUDIT_REASON_MAX_CHARS);
  expect(stored.endsWith('138**')).toBe(true);
  expect(Array.from(auditReason('理'.repeat(5000)))).toHaveLength(AUDIT_REASON_MAX_CHARS);
});

test('the cut counts characters, so it never leaves half of one outside the BMP', () => {
  const stored = auditReason('😀'.repeat(AUDIT_REASON_MAX_CHARS + 1));
  expect(stored).toBe('😀'.repeat(AUDIT_REASON_MAX_CHARS));
});

test('details read from the log have their reason masked; other keys and reason codes are left alone', () => {
  expect(detailsWithMaskedReason({ reason: typed, originalText: true })).toEqual({
    reason: auditReason(typed),
    originalText: true,
  });
  expect(detailsWithMaskedReason({ reason: 'wrong_password' })).toEqual({ reason: 'wrong_password' });
  expect(detailsWithMaskedReason({ from: 'received', to: 'in_review' })).toEqual({ from: 'received', to: 'in_review' });
  expect(detailsWithMaskedReason(null)).toBeNull();
});

test('masking a reason stored masked again leaves it as it was', () => {
  expect(detailsWithMaskedReason({ reason: auditReason(typed) })).toEqual({ reason: auditReason(typed) });
});
