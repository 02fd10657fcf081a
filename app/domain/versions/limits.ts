/** At most this many suggestions are linked to one change (shared with the admin page). */
export const MAX_LINKED = 50;
