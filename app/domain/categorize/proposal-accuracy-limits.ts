/** Below this many reviewed suggestions the 95% interval is too wide to be worth showing. */
export const MIN_REVIEWED_FOR_INTERVAL = 30;
