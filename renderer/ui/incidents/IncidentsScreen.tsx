import { useRouter } from '../state/router-context';
import { DeclareIncident } from './DeclareIncident';
import { IncidentList } from './IncidentList';
import { IncidentRoom } from './IncidentRoom';

/** The incidents area: the list, the declaration form, or one incident's room. */
export function IncidentsScreen() {
  const { route } = useRouter();
  const view = (route.area === 'incidents' ? route.view : undefined) ?? { kind: 'list' as const };
  return (
    <div className="area-screen">
      {view.kind === 'list' && <IncidentList />}
      {view.kind === 'new' && <DeclareIncident />}
      {view.kind === 'room' && <IncidentRoom key={view.id} incidentId={view.id} tab={view.tab} />}
    </div>
  );
}
