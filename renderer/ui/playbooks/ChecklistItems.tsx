import type { ChecklistItem, Playbook } from '../../../core/playbooks';
import { roleTitle } from './step-text';

type ChecklistItemsProps = {
  readonly items: readonly ChecklistItem[];
  readonly playbook: Playbook;
};

/** A step's checklist: each task with its owner role, required or optional, and evidence. */
export function ChecklistItems({ items, playbook }: ChecklistItemsProps) {
  if (items.length === 0) return null;
  return (
    <ul className="playbook-tasks" aria-label="Tasks">
      {items.map((t) => (
        <li key={t.id} className="playbook-tasks__item">
          <span className="playbook-tasks__text">{t.text}</span>
          <span className="playbook-tasks__meta">
            <span>{roleTitle(playbook, t.owner)}</span>
            <span className={t.required ? 'playbook-tasks__required' : 'text-muted'}>
              {t.required ? 'Required' : 'Optional'}
            </span>
            {t.evidence !== undefined && <span>Evidence: {t.evidence}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
