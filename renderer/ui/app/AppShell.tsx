import { Suspense } from 'react';
import { useRouter } from '../state/router-context';
import { AREA_SCREENS } from './area-screens';
import { SideNav } from './SideNav';
import { StorageBanner } from './StorageBanner';
import { TopBar } from './TopBar';

/** The frame around every screen: skip link, navigation, top bar, banner, main. */
export function AppShell() {
  const { route } = useRouter();
  const Screen = AREA_SCREENS[route.area];
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the router's; move focus without navigating.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <div className="shell">
        <SideNav />
        <div className="shell__column">
          <TopBar />
          <StorageBanner />
          <main id="main" className="shell__main" tabIndex={-1}>
            <Suspense
              fallback={
                <p className="boot__text" role="status">
                  Loading…
                </p>
              }
            >
              <Screen />
            </Suspense>
          </main>
        </div>
      </div>
    </>
  );
}
