import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  failed: boolean;
}

/** Keeps a card's failure (a chunk that did not load on a bad connection) inside the card. */
export class TileBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <TileFailed /> : this.props.children;
  }
}

function TileFailed() {
  const { t } = useTranslation();
  return (
    <div className="nx-tile-failed" role="alert">
      <span className="nx-tile-failed-icon" aria-hidden>
        ⚠
      </span>
      {t('portal.tileFailed')}
    </div>
  );
}
