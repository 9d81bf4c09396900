import { createContext } from 'react';
import type { Route } from '../lib/route';
import { useRequiredContext } from './required-context';

/**
 * Asked before leaving the current place. Return true to let the navigation happen now;
 * return false to hold it, and call `proceed` later (after "Discard changes?") to go on.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

export type RouterApi = {
  readonly route: Route;
  /** Goes to `to`; false when an open editor holds the navigation to ask first. */
  readonly navigate: (to: Route, options?: { readonly replace?: boolean }) => boolean;
  /** Installs the guard of the open editor; returns the uninstall. */
  readonly guardLeaving: (guard: LeaveGuard) => () => void;
};

export const RouterContext = createContext<RouterApi | null>(null);

/** The current route and navigation. */
export function useRouter(): RouterApi {
  return useRequiredContext(RouterContext, 'useRouter');
}
