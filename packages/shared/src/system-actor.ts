/**
 * The name the system itself acts under in the audit log (the demo load, start-up work): no
 * account's. A file of its own: every page that shows who did something needs it, and not the
 * names of all the log's actions beside it (./audit-names.ts, ~3 KB on a phone).
 */
export const SYSTEM_ACTOR = 'system';
