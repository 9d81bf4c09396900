import { describe, expect, it } from 'vitest';
import { toAarHtml } from '../../../../core/exercises/aar-html';
import { toAarMarkdown } from '../../../../core/exercises/aar-markdown';
import { applyImprovementToPlaybook } from '../../../../core/exercises/improvements';
import { participantView } from '../../../../core/exercises/participant';
import { builtinPlaybook } from '../../../../core/playbooks/builtin';
import { bola, driver, minimal, MINUTE, SECOND } from './helpers';

function evaluatedRun() {
  const d = driver(minimal(), 60);
  d.act({ type: 'start' });
  d.advance(10 * SECOND);
  d.act({ type: 'answer', injectId: 'found', optionId: 'later', by: 'Alex' });
  d.act({
    type: 'note',
    kind: 'decision',
    text: 'Wait for the partner <b>first</b>',
    injectId: 'found',
  });
  d.advance(25 * SECOND); // 35 simulated minutes: 'abused' delivered at PT30M
  d.act({ type: 'tick' });
  d.act({
    type: 'action-result',
    injectId: 'found',
    actionId: 'revoke-key',
    status: 'not-performed',
    note: 'waited',
  });
  d.act({
    type: 'evaluate',
    objectiveId: 'revoke',
    rating: 'M',
    notes: 'Key live for 30 min | too long',
  });
  d.act({
    type: 'improvement.put',
    item: {
      id: 'i1',
      kind: 'area-for-improvement',
      objectiveId: 'revoke',
      observation: 'Revocation waited for the partner',
      correctiveAction: 'Revoke first, <script>alert(1)</script> then rotate',
      owner: 'Platform team',
      due: '2026-04-15',
      link: { kind: 'playbook-change', playbookId: 'leaked-api-credentials', stepId: 'revoke' },
    },
  });
  d.act({
    type: 'improvement.put',
    item: {
      id: 'i2',
      kind: 'strength',
      observation: 'The alert reached the right person at once',
      correctiveAction: '',
      owner: '',
      due: '',
    },
  });
  return d;
}

describe('after-action report', () => {
  it('Markdown carries the EXERCISE mark, ratings, expected vs actual and the improvement plan', () => {
    const d = evaluatedRun();
    const text = toAarMarkdown(minimal(), d.ex, { now: d.now, playbookTitle: 'Leaked keys' });
    expect(text.startsWith('> **EXERCISE**')).toBe(true);
    expect(text).toContain('# EXERCISE: after-action report: Minimal drill');
    expect(text).toContain('- **Playbook:** Leaked keys (leaked-api-credentials)');
    expect(text).toContain('- **Simulated duration:** T+00:35:00 at 60× compression');
    expect(text).toContain(
      '| Revoke the key. | access-control-and-identity-verification | M: Performed with major challenges | Key live for 30 min \\| too long |',
    );
    expect(text).toContain('### T+00:00:00 Key found');
    expect(text).toContain('Answer: Later');
    expect(text).toContain('- Revoke the key. — **not performed**: waited');
    expect(text).toContain('- T+00:10:00 decision: Wait for the partner &lt;b&gt;first&lt;/b&gt;');
    expect(text).toContain('Status: delivered at T+00:30:00');
    expect(text).toContain(
      '| Revoke the key. | Revocation waited for the partner | Revoke first, &lt;script&gt;alert(1)&lt;/script&gt; then rotate | Platform team | 2026-04-15 | Playbook change: leaked-api-credentials / revoke |',
    );
    expect(text).toContain('| – | The alert reached the right person at once | – | – | – | – |');
    expect(text).not.toContain('<script>');
  });

  it('HTML is self-contained, escaped, printable and marked EXERCISE', () => {
    const d = evaluatedRun();
    const html = toAarHtml(minimal(), d.ex, { now: d.now, generatedAt: '2026-03-02' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<div class="exercise-band" role="note">EXERCISE — NOT A REAL INCIDENT</div>',
    );
    expect(html).toContain('@media print');
    expect(html).toContain('<title>EXERCISE: after-action report: Minimal drill</title>');
    expect(html).toContain('<span class="rating r-M">M</span> Performed with major challenges');
    expect(html).toContain('Wait for the partner &lt;b&gt;first&lt;/b&gt;');
  });

  it('lists branches not taken and injects never reached', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(12 * SECOND);
    d.act({ type: 'answer', injectId: 'sample-responses', optionId: 'keep-watching' });
    d.advance(20 * SECOND);
    d.act({ type: 'end' });
    const text = toAarMarkdown(bola(), d.ex, { now: d.now + 60 * MINUTE });
    expect(text).toContain('Simulated duration:** T+00:32:00');
    expect(text).toMatch(/Gateway alert[^\n]*\n\nStatus: delivered at T\+00:00:00/);
    expect(text).toMatch(/Scraper switches[^\n]*\n\nStatus: branch not taken/);
    expect(text).toMatch(/hotfix in two hours\n\nStatus: not reached/);
  });
});

describe('participant view', () => {
  it('shows the situation, delivered injects and clocks, and nothing the facilitator keeps back', () => {
    const scenario = bola();
    const d = driver(scenario, 60);
    d.act({ type: 'start' });
    d.advance(11 * SECOND);
    d.act({ type: 'skip', injectId: 'logs-rotating' });
    const view = participantView(scenario, d.ex, d.now);
    expect(view.injects.map((i) => i.id)).toEqual(['sample-responses', 'enumeration-alert']);
    expect(view.elapsed).toBe(11 * MINUTE);
    expect(view.situation).toBe(scenario.situation);
    expect(view.injects[0]?.from).toBe('On-call security engineer');
    expect(view.injects[0]?.question?.options).toEqual([
      'Block the key now',
      'Keep it live and monitor',
    ]);
    const json = JSON.stringify(view);
    const secrets = [
      scenario.facilitatorNotes ?? '',
      ...scenario.injects.flatMap((i) => [
        i.facilitatorNotes ?? '',
        ...i.expectedActions.map((a) => a.text),
      ]),
      ...scenario.injects
        .filter((i) => !['sample-responses', 'enumeration-alert'].includes(i.id))
        .flatMap((i) => [i.title, i.content]),
      ...scenario.objectives.map((o) => o.text),
    ].filter((s) => s !== '');
    expect(secrets.length).toBeGreaterThan(40);
    for (const s of secrets) expect(json).not.toContain(s);
    expect(json).not.toContain('facilitatorNotes');
    expect(json).not.toContain('expectedActions');
  });

  it('shows the recorded answer once there is one', () => {
    const d = driver(bola(), 60);
    d.act({ type: 'start' });
    d.advance(11 * SECOND);
    d.act({ type: 'answer', injectId: 'sample-responses', optionId: 'block-now' });
    const view = participantView(bola(), d.ex, d.now);
    expect(view.injects.find((i) => i.id === 'sample-responses')?.question?.answer).toBe(
      'Block the key now',
    );
  });
});

describe('improvement items as playbook changes', () => {
  const item = {
    id: 'i1',
    kind: 'area-for-improvement' as const,
    observation: 'Logs rotated before export',
    correctiveAction:
      'Suspend log rotation on the affected gateways before any containment change.',
    owner: 'Platform',
    due: '2026-04-01',
  };

  it('adds the corrective action as a task of the chosen step in a validated copy', () => {
    const original = builtinPlaybook('bola-data-scraping');
    if (!original) throw new Error('missing playbook');
    const r = applyImprovementToPlaybook(
      original,
      item,
      'triage-scraping',
      'bola-data-scraping-rev',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.playbook.id).toBe('bola-data-scraping-rev');
    expect(r.playbook.version).toBe('1.1.0');
    const step = r.playbook.phases[0]?.steps[0];
    expect(step?.kind === 'task' && step.tasks.at(-1)).toEqual({
      id: 'exercise-1',
      text: item.correctiveAction,
      owner: 'incident-commander',
      required: true,
    });
    const before = original.phases[0]?.steps[0];
    expect(before?.kind === 'task' && before.tasks.length).toBe(4);
  });

  it('refuses decision steps, unknown steps and bad ids', () => {
    const original = builtinPlaybook('bola-data-scraping');
    if (!original) throw new Error('missing playbook');
    expect(applyImprovementToPlaybook(original, item, 'bola-confirmed', 'copy')).toEqual({
      ok: false,
      error: '"bola-confirmed" is a decision step; choose a task or notification step.',
    });
    expect(applyImprovementToPlaybook(original, item, 'nope', 'copy').ok).toBe(false);
    expect(applyImprovementToPlaybook(original, item, 'triage-scraping', 'Bad Id').ok).toBe(false);
  });

  it('works on a step inside a parallel track', () => {
    const original = builtinPlaybook('bola-data-scraping');
    if (!original) throw new Error('missing playbook');
    const r = applyImprovementToPlaybook(original, item, 'block-scraper', 'bola-copy');
    expect(r.ok).toBe(true);
  });
});
