import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { DismissThreat } from '../../openapi/DismissThreat';
import { CopyThreat } from './CopyThreat';
import { GenerateThreats } from './GenerateThreats';
import { ManualThreatForm } from './ManualThreatForm';
import { PromptCards } from './PromptCards';
import { ThreatSummary } from './ThreatSummary';
import { ThreatWorkbench } from './ThreatWorkbench';

/** Step 3: generate from the rules, think with the STRIDE prompts, add and copy threats. */
export function IdentifyStep({ model }: { readonly model: ThreatModelRecord }) {
  return (
    <div className="identify">
      <GenerateThreats model={model} />
      <ThreatWorkbench
        model={model}
        emptyDetail="Choose a threat to read it and copy it to another element."
        renderDetail={(row) => (
          <div key={row.id}>
            <ThreatSummary row={row} />
            <DismissThreat model={model} row={row} />
            <CopyThreat model={model} row={row} />
          </div>
        )}
      />
      <div className="identify__extras">
        <PromptCards model={model} />
        <ManualThreatForm model={model} />
      </div>
    </div>
  );
}
