import { SYSTEM_ACTOR } from '@ningxin/shared';
/** Timestamps are shown in Beijing time, whatever the browser's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Formats an ISO timestamp in Asia/Shanghai; '—' for null. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, true).format(date);
}

/** Formats an ISO timestamp as a date in Asia/Shanghai; plain YYYY-MM-DD dates pass through. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, false).format(date);
}

/**
 * Who did something, as people know them: the account's display name, else the logged username;
 * the system's own entries as `systemLabel` where given (not on the audit page, which shows the log as written).
 */
export function actorLabel(
  e: { actorName: string | null; actorDisplayName: string | null },
  systemLabel?: string,
): string {
  if (systemLabel && !e.actorDisplayName && e.actorName === SYSTEM_ACTOR) return systemLabel;
  return e.actorDisplayName ?? e.actorName ?? '—';
}
