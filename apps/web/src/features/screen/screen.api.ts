import {
  SCREEN_TOKEN_HEADER,
  type ScreenResponse,
  type ScreenTokenCreatedResponse,
  type ScreenTokenItem,
  type ScreenTokenListResponse,
} from '@ningxin/shared';
import { api, apiUrl, errorFromResponse, networkError } from '../../lib/api';

export const screenKeys = {
  screen: (kiosk: boolean) => ['screen', kiosk ? 'kiosk' : 'session'] as const,
  tokens: ['screen-tokens'] as const,
};

/** The kiosk's read: the token from the URL fragment in its header, no cookie needed. */
async function kioskScreen(token: string, signal?: AbortSignal): Promise<ScreenResponse> {
  let response: Response;
  try {
    response = await fetch(apiUrl('/public/screen'), {
      headers: { Accept: 'application/json', [SCREEN_TOKEN_HEADER]: token },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorFromResponse(response, false);
  return (await response.json()) as ScreenResponse;
}

export const screenApi = {
  /** The screen with a kiosk token, else with the signed-in session (a 401 stays on the page). */
  screen: (token: string | null, signal?: AbortSignal) =>
    token
      ? kioskScreen(token, signal)
      : api<ScreenResponse>('/stats/screen', { redirectOn401: false, ...(signal ? { signal } : {}) }),
  tokens: () => api<ScreenTokenListResponse>('/screen-tokens'),
  issue: (label: string) =>
    api<ScreenTokenCreatedResponse>('/screen-tokens', { method: 'POST', body: { label } }),
  revoke: (id: number) => api<ScreenTokenItem>(`/screen-tokens/${id}/revoke`, { method: 'POST' }),
};

/** The kiosk link of a token: the token in the fragment, so it never reaches a server log or a Referer. */
export const kioskLink = (token: string) => `${window.location.origin}/screen#t=${encodeURIComponent(token)}`;

/** The token in the page's fragment (`#t=…`), if any. */
export function tokenFromHash(hash: string): string | null {
  const t = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return t ? t : null;
}
