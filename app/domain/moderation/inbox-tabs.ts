// The email queue's tabs and the inbound statuses each shows (shared with the page).
export const inboxTabs = { unmatched: ['unmatched'], held: ['held'], automated: ['auto_reply', 'bounce'] } as const;
export type InboxTab = keyof typeof inboxTabs;
