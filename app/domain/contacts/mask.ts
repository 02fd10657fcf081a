// How contact details look to staff who have not asked to see them: enough
// to tell two submitters apart, not enough to reach one.

export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}**`;
}

/**
 * 13812345678 → 138********: the carrier prefix only. The last four digits
 * are the /track proof of ownership, so no masked form may show them, or any
 * staff member could act as the submitter. A landline keeps its area code
 * (0376-*******); anything else shows that a number was given and nothing more.
 */
export function maskPhone(phone: string): string {
  const all = phone.replace(/\D/g, '');
  // +86 is China's country code, not part of the number.
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
  if (digits.length === 0) return '';
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}${'*'.repeat(8)}`;
  const areaCode = /^0(?:10|2\d|[3-9]\d{2})/.exec(digits)?.[0];
  if (areaCode && digits.length >= 10) return `${areaCode}-${'*'.repeat(digits.length - areaCode.length)}`;
  return '*'.repeat(Math.max(4, digits.length));
}

/** zhang@example.edu.cn → z***@example.edu.cn */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}

export function maskUnit(unit: string): string {
  const chars = [...unit.trim()];
  return chars.length <= 2 ? '***' : `${chars.slice(0, 2).join('')}***`;
}
