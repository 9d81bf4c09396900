import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatRoute, parseRoute, type Route } from '../lib/route';
import { RouterContext, type LeaveGuard, type RouterApi } from './router-context';

/** Hash routing with one leave guard (the editor's "discard changes?"). */
export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const guardRef = useRef<LeaveGuard | null>(null);
  const currentHash = useRef(formatRoute(route));

  const go = useCallback((to: Route, replace: boolean) => {
    const hash = formatRoute(to);
    currentHash.current = hash;
    if (replace) history.replaceState(null, '', hash);
    else if (window.location.hash !== hash) history.pushState(null, '', hash);
    setRoute(to);
  }, []);

  const navigate = useCallback(
    (to: Route, options?: { readonly replace?: boolean }) => {
      const proceed = (): void => {
        go(to, options?.replace === true);
      };
      const guard = guardRef.current;
      if (formatRoute(to) === currentHash.current || !guard || guard(proceed)) {
        proceed();
        return true;
      }
      return false;
    },
    [go],
  );

  useEffect(() => {
    // Back, Forward or an edited address: undo the change while the guard decides, so
    // the address never shows a place the window is not at.
    const onHashChange = (): void => {
      const to = parseRoute(window.location.hash);
      const guard = guardRef.current;
      if (formatRoute(to) === currentHash.current) return;
      if (!guard) {
        currentHash.current = formatRoute(to);
        setRoute(to);
        return;
      }
      history.replaceState(null, '', currentHash.current);
      const proceed = (): void => {
        go(to, false);
      };
      if (guard(proceed)) proceed();
    };
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('popstate', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('popstate', onHashChange);
    };
  }, [go]);

  const guardLeaving = useCallback((guard: LeaveGuard) => {
    guardRef.current = guard;
    return () => {
      if (guardRef.current === guard) guardRef.current = null;
    };
  }, []);

  const api = useMemo<RouterApi>(
    () => ({ route, navigate, guardLeaving }),
    [route, navigate, guardLeaving],
  );
  return <RouterContext value={api}>{children}</RouterContext>;
}
