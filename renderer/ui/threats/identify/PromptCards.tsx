import { useState } from 'react';
import { STRIDE_NAMES, promptCards, type ElementId } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';

/** The STRIDE questions for one chosen element ("How could someone pretend to be …?"). */
export function PromptCards({ model }: { readonly model: ThreatModelRecord }) {
  const candidates = model.elements.filter((e) => e.kind !== 'trust-boundary');
  const [chosen, setChosen] = useState<ElementId | ''>(candidates[0]?.id ?? '');
  const element = candidates.find((e) => e.id === chosen);
  return (
    <section className="prompts" aria-labelledby="prompts-title">
      <h4 id="prompts-title" className="prompts__title">
        STRIDE prompts
      </h4>
      {candidates.length === 0 ? (
        <p className="text-muted">Add elements in step 2 to get questions about them.</p>
      ) : (
        <>
          <div className="field">
            <label className="field__label" htmlFor="prompt-element">
              Prompts for element
            </label>
            <select
              id="prompt-element"
              className="field__control"
              value={chosen}
              onChange={(e) => {
                setChosen(e.target.value as ElementId);
              }}
            >
              {candidates.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <ul className="prompts__cards">
            {(element ? promptCards(element) : []).map((c) => (
              <li key={c.stride} className="prompt-card">
                <span className="prompt-card__stride">
                  {c.stride} · {STRIDE_NAMES[c.stride]}
                </span>
                <span className="prompt-card__question break-anywhere">{c.question}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
