import { escapeMarkdown as md } from '../threats/escape';
import type { AarOptions } from './aar-data';
import { ACTION_WORDS, aarData, EXERCISE_MARK, linkText, STATUS_WORDS } from './aar-data';
import type { Exercise, ImprovementItem } from './exercise';
import { formatElapsed } from './participant';
import type { Scenario } from './types';

// The after-action report and improvement plan as Markdown. Every piece of user or
// scenario text passes through escapeMarkdown; the EXERCISE mark opens and closes it.

const cell = (t: string) => (t.trim() === '' ? '–' : md(t));

function planRows(items: readonly ImprovementItem[], objective: (id?: string) => string): string[] {
  return items.map(
    (i) =>
      `| ${cell(objective(i.objectiveId))} | ${cell(i.observation)} | ${cell(i.correctiveAction)} | ${cell(i.owner)} | ${cell(i.due)} | ${cell(linkText(i))} |`,
  );
}

/** The after-action report as Markdown. */
export function toAarMarkdown(scenario: Scenario, ex: Exercise, options: AarOptions): string {
  const d = aarData(scenario, ex, options);
  const out: string[] = [
    `> **${EXERCISE_MARK}** — this report describes a tabletop exercise, not a real incident.`,
    '',
    `# ${md(d.title)}`,
    '',
  ];
  if (options.generatedAt) out.push(`Generated ${md(options.generatedAt)}`, '');
  out.push(
    '## Overview',
    '',
    `- **Scenario:** ${md(scenario.title)} (${md(scenario.id)} ${md(scenario.version)})`,
    `- **Playbook:** ${md(d.playbook)}`,
    `- **OWASP API Security Top 10:** ${scenario.owasp.map(md).join(', ') || '–'}`,
    `- **Simulated duration:** ${d.duration} at ${d.compression}× compression`,
    `- **Facilitator:** ${cell(d.facilitator)}`,
    `- **Players:** ${d.players.map(md).join(', ')}`,
    '',
    md(scenario.summary),
    '',
    '## Objectives and evaluation (HSEEP)',
    '',
    '| Objective | Core capability | Rating | Notes |',
    '|---|---|---|---|',
    ...d.objectives.map(
      (o) => `| ${md(o.text)} | ${md(o.capability)} | ${md(o.ratingLabel)} | ${cell(o.notes)} |`,
    ),
    '',
    '## Injects: expected and actual actions',
    '',
  );
  for (const i of d.injects) {
    const when = i.deliveredAt
      ? `${STATUS_WORDS[i.status]} at ${i.deliveredAt}${i.manual ? ' (by hand)' : ''}`
      : STATUS_WORDS[i.status];
    out.push(`### ${i.offset} ${md(i.title)}`, '', `Status: ${md(when)}`);
    if (i.answer !== undefined) out.push('', `Answer: ${md(i.answer)}`);
    out.push('', 'Expected actions:', '');
    for (const a of i.expected)
      out.push(`- ${md(a.text)} — **${ACTION_WORDS[a.status]}**${a.note ? `: ${md(a.note)}` : ''}`);
    if (i.actual.length > 0) {
      out.push('', 'Actual actions and observations:', '');
      for (const n of i.actual)
        out.push(
          `- ${formatElapsed(n.elapsed)} ${n.kind}: ${md(n.text ?? '')}${n.by ? ` (${md(n.by)})` : ''}`,
        );
    }
    out.push('');
  }
  if (d.general.length > 0) {
    out.push('## Other decisions and observations', '');
    for (const n of d.general)
      out.push(
        `- ${formatElapsed(n.elapsed)} ${n.kind}: ${md(n.text ?? '')}${n.by ? ` (${md(n.by)})` : ''}`,
      );
    out.push('');
  }
  const head = '| Objective | Observation | Corrective action | Owner | Due | Follow-up |';
  out.push('## Improvement plan', '', '### Strengths', '');
  if (d.strengths.length === 0) out.push('None recorded.', '');
  else out.push(head, '|---|---|---|---|---|---|', ...planRows(d.strengths, d.objectiveText), '');
  out.push('### Areas for improvement', '');
  if (d.areas.length === 0) out.push('None recorded.', '');
  else out.push(head, '|---|---|---|---|---|---|', ...planRows(d.areas, d.objectiveText), '');
  out.push(`> **${EXERCISE_MARK}** — end of the after-action report.`, '');
  return out.join('\n');
}
