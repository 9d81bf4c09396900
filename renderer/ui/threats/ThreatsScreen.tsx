import { useRouter } from '../state/router-context';
import { NewThreatModel } from './NewThreatModel';
import { RulesScreen } from './rules/RulesScreen';
import { ThreatModelList } from './ThreatModelList';
import { ThreatsTabs } from './ThreatsTabs';
import { Workshop } from './workshop/Workshop';

/** The threat models area: the list, the rule library, a new model, or one model's workshop. */
export function ThreatsScreen() {
  const { route } = useRouter();
  const view = (route.area === 'threats' ? route.view : undefined) ?? { kind: 'list' as const };
  if (view.kind === 'model') return <Workshop key={view.id} id={view.id} step={view.step} />;
  return (
    <div className="threats">
      <ThreatsTabs current={view.kind === 'rules' ? 'rules' : 'models'} />
      {view.kind === 'rules' && <RulesScreen />}
      {view.kind === 'list' && <ThreatModelList />}
      {view.kind === 'new' && <NewThreatModel apiId={view.apiId} />}
    </div>
  );
}
