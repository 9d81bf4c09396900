import { createContext, type ReactNode } from 'react';
import { useRequiredContext } from './required-context';

/** What a confirmation asks; `tone: 'danger'` styles the confirm button as destructive. */
export type ConfirmRequest = {
  readonly title: string;
  readonly body: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  readonly tone?: 'danger' | 'default';
};

export type ConfirmApi = { readonly confirm: (request: ConfirmRequest) => Promise<boolean> };

export const ConfirmContext = createContext<ConfirmApi | null>(null);

/** Asks the person to confirm in a modal dialog; resolves true only on the confirm button. */
export function useConfirm(): ConfirmApi {
  return useRequiredContext(ConfirmContext, 'useConfirm');
}
