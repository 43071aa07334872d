import { type ReactNode, useEffect, useId, useRef } from 'react';
import './controls.css';

interface SheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /** The label of the close button (关闭). */
  closeLabel: string;
  children: ReactNode;
  /** The buttons at the foot (查询, 重置). */
  footer?: ReactNode;
}

/**
 * A bottom sheet (antd's Drawer from the bottom) on the native modal dialog: the page behind is
 * inert, focus moves in and comes back, Escape closes it.
 */
export function Sheet({ open, title, onClose, closeLabel, children, footer }: SheetProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard closes it with Escape (native) or the close button
    <dialog
      ref={ref}
      className="nx-sheet"
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (the dialog itself, outside its box) closes it.
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="nx-sheet-box">
        <div className="nx-sheet-head">
          <h2 id={titleId} className="nx-sheet-title">
            {title}
          </h2>
          <button type="button" className="nx-sheet-close" aria-label={closeLabel} onClick={onClose}>
            ×
          </button>
        </div>
        <div className="nx-sheet-body">{open && children}</div>
        {footer && <div className="nx-sheet-foot">{footer}</div>}
      </div>
    </dialog>
  );
}
