import { useMemo, useState } from 'react';
import { listSteps, toMermaidStateDiagram, type Playbook } from '../../../core/playbooks';
import { MermaidDiagram } from '../components/MermaidDiagram';
import { usePreferences } from '../state/preferences-context';
import { DiagramExport } from '../components/DiagramExport';

type PlaybookDiagramProps = {
  readonly playbook: Playbook;
  readonly selectedStepId?: string | null;
  /** Clicking a step's state; absent for a diagram that only shows (the editor's). */
  readonly onSelectStep?: (stepId: string) => void;
  readonly label?: string;
};

/**
 * The playbook as a Mermaid state diagram (phases composite, decisions choices). core
 * names step states s0, s1, … in listSteps order, so the node id maps back to a step.
 */
export function PlaybookDiagram({
  playbook,
  selectedStepId = null,
  onSelectStep,
  label,
}: PlaybookDiagramProps) {
  const { theme } = usePreferences();
  const [svg, setSvg] = useState<string | null>(null);
  const text = useMemo(() => toMermaidStateDiagram(playbook), [playbook]);
  const stepIds = useMemo(() => listSteps(playbook).map((p) => p.step.id as string), [playbook]);
  const selectedIndex = selectedStepId === null ? -1 : stepIds.indexOf(selectedStepId);
  return (
    <figure className="playbook-diagram" aria-label="State diagram">
      <div className="playbook-diagram__toolbar">
        <figcaption className="playbook__section-title">State diagram</figcaption>
        <DiagramExport className="playbook-diagram__export" svg={svg} title={playbook.title} />
      </div>
      <MermaidDiagram
        text={text}
        label={label ?? `State diagram of ${playbook.title}`}
        theme={theme === 'dark' ? 'dark' : 'light'}
        selectedNodeId={selectedIndex < 0 ? null : `s${String(selectedIndex)}`}
        {...(onSelectStep && {
          onNodeClick: (node: string) => {
            const match = /^s(\d+)$/.exec(node);
            const stepId = match ? stepIds[Number(match[1])] : undefined;
            if (stepId !== undefined) onSelectStep(stepId);
          },
        })}
        onRender={(outcome) => {
          setSvg(outcome.ok ? outcome.svg : null);
        }}
      />
    </figure>
  );
}
