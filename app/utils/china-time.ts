// Consultation windows are entered and shown in China Standard Time (UTC+8,
// no daylight saving), whatever the server's or the browser's zone.
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The value of an <input type="datetime-local">, read as Beijing time. */
export function fromChinaLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toChinaLocalInput(date: Date | null | undefined): string {
  if (!date) return '';
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** A date input's day, as the instant it starts in Beijing. */
export function chinaDayStart(value: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? fromChinaLocalInput(`${value}T00:00`) : null;
}

export function formatChinaDateTime(date: Date): string {
  return toChinaLocalInput(date).replace('T', ' ');
}
