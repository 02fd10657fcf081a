/**
 * The triage queue's counts per status stop here and read "10,000+" above it:
 * counting further would read every row of a big status on every page load
 * (158 ms at a million, issue 16), and a moderator's next step is the same at
 * 10,001 and at 400,000. The plan dashboard keeps the exact totals. Decision 082.
 */
export const STATUS_COUNT_CAP = 10_000;
