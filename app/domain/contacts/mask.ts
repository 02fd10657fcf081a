// How contact details look to staff who have not asked to see them: enough
// to tell two submitters apart, not enough to reach one.

export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}**`;
}

/** 13812345678 → 138****5678; a short or odd number keeps only its last two digits. */
export function maskPhone(phone: string): string {
  const all = phone.replace(/\D/g, '');
  // +86 is China's country code, not part of the number.
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `****${digits.slice(-4)}`;
  return digits.length ? `****${digits.slice(-2)}` : '';
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
