import { useApiCount } from '../../storage';
import { Icon } from '../components/Icon';
import { Keys } from '../components/Keys';
import { ShieldMark } from '../components/ShieldMark';
import { AREAS } from '../lib/areas';
import { formatCount } from '../lib/format';
import { useCommands } from '../state/commands-context';
import { NavLink } from './NavLink';

const WORK = AREAS.filter((a) => a.section === 'work');
const WORKSPACE = AREAS.filter((a) => a.section === 'workspace');

/** The left navigation: the work areas, then the workspace, then help. */
export function SideNav() {
  const count = useApiCount();
  const { run } = useCommands();
  const badgeOf = (id: string): string | undefined =>
    id === 'inventory' && count !== undefined ? formatCount(count) : undefined;
  return (
    <nav className="sidenav" aria-label="Main">
      <div className="sidenav__brand">
        <ShieldMark size={26} />
        <span className="sidenav__name">Bulwark</span>
      </div>
      <ul className="sidenav__list">
        {WORK.map((a) => (
          <li key={a.id}>
            <NavLink area={a} badge={badgeOf(a.id)} />
          </li>
        ))}
      </ul>
      <ul className="sidenav__list sidenav__list--bottom">
        {WORKSPACE.map((a) => (
          <li key={a.id}>
            <NavLink area={a} />
          </li>
        ))}
        <li>
          <button
            type="button"
            className="nav-link"
            onClick={() => {
              run('help.shortcuts');
            }}
          >
            <Icon name="keyboard" className="nav-link__icon" />
            <span className="nav-link__label">Keyboard shortcuts</span>
            <span className="nav-link__hint" aria-hidden="true">
              <Keys keys="?" />
            </span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
