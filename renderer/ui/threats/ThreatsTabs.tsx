import { formatRoute, type Route } from '../lib/route';
import { useRouter } from '../state/router-context';

const TABS = [
  { id: 'models', label: 'Models', route: { area: 'threats', view: { kind: 'list' } } },
  { id: 'rules', label: 'Rules', route: { area: 'threats', view: { kind: 'rules' } } },
] as const satisfies readonly { id: string; label: string; route: Route }[];

/** Models and Rules: links styled as tabs (each is a place with its own URL). */
export function ThreatsTabs({ current }: { readonly current: 'models' | 'rules' }) {
  const { navigate } = useRouter();
  return (
    <nav className="threats__tabs" aria-label="Threat models sections">
      {TABS.map((t) => (
        <a
          key={t.id}
          href={formatRoute(t.route)}
          className={t.id === current ? 'threats__tab threats__tab--current' : 'threats__tab'}
          aria-current={t.id === current ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            navigate(t.route);
          }}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}
