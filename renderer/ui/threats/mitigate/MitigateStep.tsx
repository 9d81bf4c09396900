import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { ThreatWorkbench } from '../identify/ThreatWorkbench';
import { MitigationsEditor } from './MitigationsEditor';
import { ThreatStatusEditor } from './ThreatStatusEditor';

/** Step 5: mitigations per threat with status, owner and due date; the threat's decision. */
export function MitigateStep({ model }: { readonly model: ThreatModelRecord }) {
  return (
    <ThreatWorkbench
      model={model}
      emptyDetail="Choose a threat to plan its mitigations and decide its status."
      renderDetail={(row) => (
        <div key={row.id} className="mitigate">
          <h4 className="threat-summary__title break-anywhere">{row.title}</h4>
          <p className="text-muted break-anywhere">{row.elementName}</p>
          <MitigationsEditor model={model} row={row} />
          <ThreatStatusEditor model={model} row={row} />
        </div>
      )}
    />
  );
}
