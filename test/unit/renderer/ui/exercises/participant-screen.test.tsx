import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { participantView } from '../../../../../core/exercises/participant';
import { ParticipantScreen } from '../../../../../renderer/ui/exercises/ParticipantView';
import { bola, driver, SECOND } from '../../../core/exercises/helpers';

// The projector must never show what the facilitator keeps back. The screen renders only
// the participant projection; this renders it for a running exercise and searches the
// markup for every piece of facilitator-only text of the scenario.

function markupAfter(realSeconds: number) {
  const scenario = bola();
  const d = driver(scenario, 60);
  d.act({ type: 'start' });
  d.advance(realSeconds * SECOND);
  d.act({ type: 'tick' });
  return {
    scenario,
    html: renderToStaticMarkup(<ParticipantScreen view={participantView(scenario, d.ex, d.now)} />),
  };
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('participant screen', () => {
  it('shows the situation, the delivered injects and the clocks, marked EXERCISE', () => {
    const { scenario, html } = markupAfter(11);
    const shown = text(html);
    expect(shown).toContain('EXERCISE — NOT A REAL INCIDENT');
    expect(shown).toContain(scenario.situation);
    expect(shown).toContain('T+00:11:00');
    expect(shown).toContain('Gateway alert: id enumeration on /v2/orders/{orderId}');
    expect(shown).toContain("Sampled responses contain other customers' orders");
    expect(shown).toContain('Injects (2)');
  });

  it('never renders facilitator notes, expected actions, objectives or injects not delivered', () => {
    const { scenario, html } = markupAfter(11);
    const shown = text(html);
    const delivered = new Set(['enumeration-alert', 'sample-responses']);
    const hidden = [
      scenario.facilitatorNotes ?? '',
      ...scenario.objectives.map((o) => o.text),
      ...scenario.injects.flatMap((i) => [
        i.facilitatorNotes ?? '',
        ...i.expectedActions.map((a) => a.text),
        ...(delivered.has(i.id) ? [] : [i.title, i.content]),
      ]),
    ].filter((s) => s !== '');
    expect(hidden.length).toBeGreaterThan(40);
    for (const s of hidden) expect(shown).not.toContain(s);
    expect(shown.toLowerCase()).not.toContain('facilitator');
  });
});
