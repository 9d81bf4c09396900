import type { Area } from '../lib/areas';
import { formatRoute, type Route } from '../lib/route';
import { Icon } from '../components/Icon';
import { useRouter } from '../state/router-context';

type NavLinkProps = { readonly area: Area; readonly badge?: string };

const routeOf = (area: Area): Route =>
  area.id === 'inventory' ? { area: 'inventory', panel: null } : { area: area.id };

/** A link to an area; a real link (its href is the hash), navigated through the router's guard. */
export function NavLink({ area, badge }: NavLinkProps) {
  const { route, navigate } = useRouter();
  const to = routeOf(area);
  const current = route.area === area.id;
  return (
    <a
      className="nav-link"
      href={formatRoute(to)}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      <Icon name={area.icon} className="nav-link__icon" />
      <span className="nav-link__label">{area.label}</span>
      {/* The count is also on the screen itself; hidden here so the link is named just "Inventory". */}
      {badge !== undefined && (
        <span className="nav-link__badge" aria-hidden="true">
          {badge}
        </span>
      )}
    </a>
  );
}
