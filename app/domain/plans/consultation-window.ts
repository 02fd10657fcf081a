export type WindowState = 'upcoming' | 'open' | 'closed';

type Windowed = { status: string; opensAt: Date | null; closesAt: Date | null };

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
