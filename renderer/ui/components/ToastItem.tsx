import { useEffect } from 'react';
import type { Toast } from '../state/toast-context';
import { Icon } from './Icon';

// Long enough to read and reach for Undo; an action toast stays longer.
const PLAIN_MS = 6000;
const ACTION_MS = 12000;

type ToastItemProps = {
  readonly toast: Toast;
  readonly paused: boolean;
  readonly onDismiss: (id: number) => void;
};

/** One confirmation with its optional action and a close button. */
export function ToastItem({ toast, paused, onDismiss }: ToastItemProps) {
  const { id, message, tone, action } = toast;
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(
      () => {
        onDismiss(id);
      },
      action ? ACTION_MS : PLAIN_MS,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [paused, id, action, onDismiss]);

  return (
    <li className={`toast toast--${tone}`}>
      <Icon
        name={tone === 'error' ? 'alertOctagon' : tone === 'info' ? 'info' : 'check'}
        className="toast__icon"
      />
      <p className="toast__message">{message}</p>
      {action && (
        <button
          type="button"
          className="button button--small button--ghost-strong"
          onClick={() => {
            action.run();
            onDismiss(id);
          }}
        >
          {action.label}
        </button>
      )}
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Dismiss notification"
        onClick={() => {
          onDismiss(id);
        }}
      >
        <Icon name="x" />
      </button>
    </li>
  );
}
