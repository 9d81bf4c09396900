import { useApis } from '../../storage';
import { useFirstRender } from '../lib/first-render';
import { useRouter } from '../state/router-context';
import { ApiPanel } from './ApiPanel';
import { FirstRun } from './FirstRun';
import { InventoryList } from './InventoryList';

/** The inventory: first-run screen, or the list with the open API beside it. */
export function InventoryScreen() {
  const { route } = useRouter();
  const panel = route.area === 'inventory' ? route.panel : null;
  const apis = useApis();
  useFirstRender(apis !== undefined);

  if (apis === undefined)
    return (
      <p className="loading" role="status">
        Loading the inventory…
      </p>
    );
  if (apis.length === 0 && panel === null) return <FirstRun />;
  const openId = panel !== null && panel.kind !== 'new' ? panel.id : null;
  const layout =
    apis.length === 0
      ? 'inventory inventory--panel-only'
      : panel
        ? 'inventory inventory--with-panel'
        : 'inventory';
  return (
    <div className={layout}>
      {apis.length > 0 && <InventoryList apis={apis} openId={openId} />}
      {panel && (
        <ApiPanel key={panel.kind === 'new' ? 'new' : `${panel.kind}:${panel.id}`} panel={panel} />
      )}
    </div>
  );
}
