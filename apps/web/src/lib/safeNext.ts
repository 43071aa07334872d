/** The in-app path to return to after login; anything else (absolute URLs, //host) falls back to '/'. */
export function safeNext(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}
