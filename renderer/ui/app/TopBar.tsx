import { useEffect, useRef } from 'react';
import { Icon } from '../components/Icon';
import { Keys } from '../components/Keys';
import { areaById } from '../lib/areas';
import { useCommands } from '../state/commands-context';
import { usePreferences } from '../state/preferences-context';
import { useRouter } from '../state/router-context';
import { SearchField } from './SearchField';

/** The area title (the screen's one h1), the search box and the view controls. */
export function TopBar() {
  const { route } = useRouter();
  const { theme, presentation } = usePreferences();
  const { run } = useCommands();
  const area = areaById(route.area);
  const heading = useRef<HTMLHeadingElement>(null);
  const previousArea = useRef(route.area);

  // After moving to another area, focus its title so screen readers announce where you
  // are and Tab continues from the top of the new screen.
  useEffect(() => {
    if (previousArea.current === route.area) return;
    previousArea.current = route.area;
    heading.current?.focus();
  }, [route.area]);

  return (
    <header className="topbar">
      <h1 ref={heading} className="topbar__title" tabIndex={-1}>
        {area.label}
      </h1>
      <SearchField />
      <div className="topbar__actions">
        <button
          type="button"
          className="button button--secondary topbar__palette"
          onClick={() => {
            run('palette.open');
          }}
        >
          <Icon name="command" />
          <span className="topbar__palette-label">Command palette</span>
          <span className="topbar__palette-keys" aria-hidden="true">
            <Keys keys="Mod+k" />
          </span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Toggle theme"
          title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
          onClick={() => {
            run('view.theme');
          }}
        >
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
        </button>
        <button
          type="button"
          className={presentation ? 'button button--toggle-on' : 'icon-button'}
          aria-pressed={presentation}
          aria-label={presentation ? undefined : 'Presentation mode'}
          title="Presentation mode (F5)"
          onClick={() => {
            run('view.presentation');
          }}
        >
          <Icon name="projector" />
          {presentation && <span>Presentation mode</span>}
        </button>
      </div>
    </header>
  );
}
