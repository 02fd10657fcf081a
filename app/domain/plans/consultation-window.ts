export type WindowState = 'upcoming' | 'open' | 'closed';

export type Windowed = { status: string; opensAt: Date | null; closesAt: Date | null };

/**
 * Whether a plan takes suggestions now. The status is the staff's switch; the
 * dates bound it, so a plan left "open" past its closing date is closed.
 */
export function consultationWindow(plan: Windowed, now: Date = new Date()): WindowState {
  if (plan.status !== 'open') return plan.status === 'draft' ? 'upcoming' : 'closed';
  if (plan.opensAt && now < plan.opensAt) return 'upcoming';
  if (plan.closesAt && now >= plan.closesAt) return 'closed';
  return 'open';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 《重大行政决策程序暂行条例》 Art. 15: comments are generally taken for at
 * least 30 days; a shorter period must be explained.
 */
export const MIN_COMMENT_DAYS = 30;

/** The comment period in days (fractional), or null when a date is missing. */
export function commentPeriodDays(plan: { opensAt: Date | null; closesAt: Date | null }): number | null {
  if (!plan.opensAt || !plan.closesAt) return null;
  return (plan.closesAt.getTime() - plan.opensAt.getTime()) / DAY_MS;
}

export function isShortWindow(plan: { opensAt: Date | null; closesAt: Date | null }): boolean {
  const days = commentPeriodDays(plan);
  return days !== null && days < MIN_COMMENT_DAYS;
}

/** Whole days left to comment, counting a started day as one; 0 once closed, null without a closing date. */
export function daysLeft(plan: { closesAt: Date | null }, now: Date = new Date()): number | null {
  if (!plan.closesAt) return null;
  return Math.max(0, Math.ceil((plan.closesAt.getTime() - now.getTime()) / DAY_MS));
}
