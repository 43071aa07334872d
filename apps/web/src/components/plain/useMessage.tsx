import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import './message.css';

type Kind = 'success' | 'error';

interface Shown {
  kind: Kind;
  text: string;
  /** Each message anew, so the same words twice are announced and timed again. */
  id: number;
}

export interface MessageApi {
  success: (text: string) => void;
  error: (text: string) => void;
}

/** How long a message stays, as antd's (3 s). */
const SHOWN_MS = 3000;

/**
 * antd's message.useMessage without antd: `message.success(…)` shows a short notice at the top
 * of the window for three seconds; render `holder` once in the page. The notice is a live region,
 * so a screen reader reads it out too.
 */
export function useMessage(): { message: MessageApi; holder: ReactNode } {
  const [shown, setShown] = useState<Shown | null>(null);
  const show = useCallback(
    (kind: Kind) => (text: string) => setShown((s) => ({ kind, text, id: (s?.id ?? 0) + 1 })),
    [],
  );
  const message = useMemo(() => ({ success: show('success'), error: show('error') }), [show]);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  const holder = (
    <div className="nx-message" role={shown?.kind === 'error' ? 'alert' : 'status'}>
      {shown && (
        <div key={shown.id} className={`nx-message-notice nx-message-${shown.kind}`}>
          <span className="nx-message-icon" aria-hidden>
            {shown.kind === 'success' ? '✓' : '✕'}
          </span>
          {shown.text}
        </div>
      )}
    </div>
  );
  return { message, holder };
}
