import { useCallback, useState } from 'react';

const STORAGE_KEY = 'ningxin.members.hiddenColumns';

function load(defaults: readonly string[]): string[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return [...defaults];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [...defaults];
  } catch {
    return [...defaults];
  }
}

/** Which columns of the member table are hidden, remembered in this browser. */
export function useColumnPrefs(defaultHidden: readonly string[] = []) {
  const [hidden, setHiddenState] = useState<string[]>(() => load(defaultHidden));
  const setHidden = useCallback((next: string[]) => {
    setHiddenState(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const reset = useCallback(() => setHidden([...defaultHidden]), [setHidden, defaultHidden]);
  return { hidden, setHidden, reset };
}
