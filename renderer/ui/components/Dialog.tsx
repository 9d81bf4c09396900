import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';

type DialogProps = {
  readonly onClose: () => void;
  /** The id of the heading that names the dialog. */
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly className?: string;
  /** Close when the dimmed backdrop is clicked (not for dialogs that guard data). */
  readonly closeOnBackdrop?: boolean;
  readonly children: ReactNode;
};

/**
 * A modal on the native <dialog>: showModal() gives the focus trap, Esc, the inert
 * background and the top layer for free. Mount it to open, unmount it to close; focus
 * goes to the element marked `data-initial-focus` (jsx-a11y forbids autoFocus) and,
 * afterwards, back to whatever had it before.
 */
export function Dialog({
  onClose,
  labelledBy,
  describedBy,
  className,
  closeOnBackdrop = false,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const requestClose = useEffectEvent(() => {
    onClose();
  });
  const backdropCloses = useEffectEvent(() => closeOnBackdrop);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();

    // Esc fires "cancel"; the parent decides by unmounting, so the native close is held.
    const onCancel = (e: Event): void => {
      e.preventDefault();
      requestClose();
    };
    // A click whose target is the dialog itself landed on the backdrop: the content
    // fills the dialog box edge to edge (see .dialog__body).
    const onClick = (e: MouseEvent): void => {
      if (e.target === dialog && backdropCloses()) requestClose();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('click', onClick);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('click', onClick);
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    >
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
