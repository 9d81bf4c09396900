import { useRouter } from '../state/router-context';
import { PlaybookDetail } from './PlaybookDetail';
import { PlaybookEditorScreen } from './editor/PlaybookEditorScreen';
import { PlaybookList } from './PlaybookList';

/** The playbooks area: the catalogue, one playbook, or the YAML editor. */
export function PlaybooksScreen() {
  const { route } = useRouter();
  const view = (route.area === 'playbooks' ? route.view : undefined) ?? { kind: 'list' as const };
  return (
    <div className="area-screen">
      {view.kind === 'list' && <PlaybookList />}
      {view.kind === 'view' && <PlaybookDetail key={view.id} id={view.id} />}
      {view.kind !== 'list' && view.kind !== 'view' && (
        <PlaybookEditorScreen
          key={`${view.kind}:${view.kind === 'new' ? '' : view.id}`}
          view={view}
        />
      )}
    </div>
  );
}
