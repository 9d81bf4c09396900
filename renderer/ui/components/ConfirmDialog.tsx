import { useId } from 'react';
import type { ConfirmRequest } from '../state/confirm-context';
import { Dialog } from './Dialog';

type ConfirmDialogProps = {
  readonly request: ConfirmRequest;
  readonly onAnswer: (ok: boolean) => void;
};

/**
 * A yes/no question. For destructive questions the safe answer takes focus, so an
 * Enter pressed out of habit does not delete anything.
 */
export function ConfirmDialog({ request, onAnswer }: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const danger = request.tone === 'danger';
  return (
    <Dialog
      className="dialog--confirm"
      labelledBy={titleId}
      describedBy={bodyId}
      onClose={() => {
        onAnswer(false);
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {request.title}
      </h2>
      <div id={bodyId} className="dialog__text">
        {request.body}
      </div>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--secondary"
          data-initial-focus={danger ? true : undefined}
          onClick={() => {
            onAnswer(false);
          }}
        >
          {request.cancelLabel ?? 'Cancel'}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          data-initial-focus={danger ? undefined : true}
          onClick={() => {
            onAnswer(true);
          }}
        >
          {request.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
