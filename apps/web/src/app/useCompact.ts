import { useSyncExternalStore } from 'react';

// antd's md breakpoint: narrower than 768 px is a phone (the menu is a drawer).
const PHONE = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the window is as narrow as a phone, following it as it changes (antd's Grid without antd). */
export function useCompact(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches);
}
