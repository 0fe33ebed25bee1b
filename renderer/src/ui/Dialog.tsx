/**
 * Modal dialog on the native <dialog> element: focus is trapped and Escape
 * closes it, both handled by the browser. onClose fires once per close the
 * user asks for (Escape or ×).
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, open, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first focusable element (the close button); start where the user types instead.
      const first = dialog.querySelector<HTMLElement>(
        '[data-autofocus], .dialog__body input:not([type=hidden]):not([disabled]), .dialog__body select, .dialog__body textarea, .dialog__body button',
      );
      first?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-label={title}
      // Escape closes natively and ends here, once; a close the parent asked for (open=false) is not reported back.
      onClose={() => open && onClose()}
    >
      <header className="dialog__header">
        <h2>{title}</h2>
        <button type="button" className="button button--ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {open && <div className="dialog__body">{children}</div>}
    </dialog>
  );
}
