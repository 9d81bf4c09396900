import type { AppInfo } from '../../platform';

type AppInfoListProps = { readonly info: AppInfo | null; readonly kind: 'desktop' | 'browser' };

/** Name, version and runtime versions, for the About dialog and the workspace screen. */
export function AppInfoList({ info, kind }: AppInfoListProps) {
  if (!info) return <p className="text-muted">Reading version information…</p>;
  const rows: [string, string][] = [
    ['Version', `${info.name} ${info.version}`],
    ['Running as', kind === 'desktop' ? 'Desktop app' : 'Web app in a browser'],
    ['Platform', info.platform],
  ];
  if (kind === 'desktop')
    rows.push(['Electron', info.electron], ['Chromium', info.chrome], ['Node.js', info.node]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
