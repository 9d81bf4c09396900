import { createContext } from 'react';
import { useRequiredContext } from './required-context';

export type ToastTone = 'success' | 'info' | 'error';

/** A short confirmation; `action` is one button such as Undo. */
export type ToastInput = {
  readonly message: string;
  readonly tone?: ToastTone;
  readonly action?: { readonly label: string; readonly run: () => void };
};

export type Toast = ToastInput & { readonly id: number; readonly tone: ToastTone };

export type ToastApi = { readonly notify: (toast: ToastInput) => void };

export const ToastContext = createContext<ToastApi | null>(null);

/** Shows confirmations in the polite live region at the corner of the window. */
export function useToasts(): ToastApi {
  return useRequiredContext(ToastContext, 'useToasts');
}
