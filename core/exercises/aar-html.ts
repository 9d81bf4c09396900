import { escapeHtml as h } from '../threats/escape';
import type { AarOptions } from './aar-data';
import { ACTION_WORDS, aarData, EXERCISE_MARK, linkText, STATUS_WORDS } from './aar-data';
import type { Exercise, HseepRating, ImprovementItem } from './exercise';
import { formatElapsed } from './participant';
import type { Scenario } from './types';

// The after-action report as one self-contained HTML document for reading, printing and
// the platform's printToPdf: no script, no external resource (a CSP meta tag forbids
// both), every text escaped, and an EXERCISE band on the screen and on every printed page.

const STYLE = `
@page { size: A4; margin: 20mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
.exercise-band { background: #7a1f00; color: #fff; font-weight: 700; letter-spacing: .2em; text-align: center; padding: 2mm; }
h1 { font-size: 18pt; margin: 4mm 0; } h2 { font-size: 13pt; margin: 8mm 0 3mm; border-bottom: 1px solid #c8cdd3; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
th, td { border: 1px solid #c8cdd3; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f4; } tr, .inject { break-inside: avoid; }
.rating { display: inline-block; min-width: 6mm; text-align: center; font-weight: 700; border-radius: 1mm; padding: 0 1mm; }
.r-P { background: #d7efdc; } .r-S { background: #fdf3c8; } .r-M { background: #fde0c4; } .r-U { background: #f7cfcb; }
.muted { color: #5b6570; } ul { margin: 1mm 0 3mm; padding-left: 6mm; }
@media print { .exercise-band { position: fixed; top: -14mm; left: 0; right: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  `<table><thead><tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
const dash = (t: string) => (t.trim() === '' ? '–' : h(t));
const rating = (r: HseepRating | undefined, label: string) =>
  r === undefined ? h(label) : `<span class="rating r-${r}">${r}</span> ${h(label.slice(3))}`;

function plan(items: readonly ImprovementItem[], objective: (id?: string) => string): string {
  if (items.length === 0) return '<p class="muted">None recorded.</p>';
  return table(
    ['Objective', 'Observation', 'Corrective action', 'Owner', 'Due', 'Follow-up'],
    items.map((i) => [
      dash(objective(i.objectiveId)),
      dash(i.observation),
      dash(i.correctiveAction),
      dash(i.owner),
      dash(i.due),
      dash(linkText(i)),
    ]),
  );
}

/** The after-action report as a self-contained HTML document. */
export function toAarHtml(scenario: Scenario, ex: Exercise, options: AarOptions): string {
  const d = aarData(scenario, ex, options);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${h(d.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<div class="exercise-band" role="note">${EXERCISE_MARK} — NOT A REAL INCIDENT</div>`,
    `<h1>${h(d.title)}</h1>`,
  ];
  if (options.generatedAt) out.push(`<p class="muted">Generated ${h(options.generatedAt)}</p>`);
  out.push(
    '<h2>Overview</h2><ul>',
    `<li><strong>Scenario:</strong> ${h(scenario.title)} <span class="muted">(${h(scenario.id)} ${h(scenario.version)})</span></li>`,
    `<li><strong>Playbook:</strong> ${h(d.playbook)}</li>`,
    `<li><strong>OWASP API Security Top 10:</strong> ${dash(scenario.owasp.join(', '))}</li>`,
    `<li><strong>Simulated duration:</strong> ${h(d.duration)} at ${d.compression}× compression</li>`,
    `<li><strong>Facilitator:</strong> ${dash(d.facilitator)}</li>`,
    `<li><strong>Players:</strong> ${h(d.players.join(', '))}</li>`,
    '</ul>',
    `<p>${h(scenario.summary)}</p>`,
    '<h2>Objectives and evaluation (HSEEP)</h2>',
    table(
      ['Objective', 'Core capability', 'Rating', 'Notes'],
      d.objectives.map((o) => [
        h(o.text),
        h(o.capability),
        rating(o.rating, o.ratingLabel),
        dash(o.notes),
      ]),
    ),
    '<h2>Injects: expected and actual actions</h2>',
  );
  for (const i of d.injects) {
    const when = i.deliveredAt
      ? `${STATUS_WORDS[i.status]} at ${i.deliveredAt}${i.manual ? ' (by hand)' : ''}`
      : STATUS_WORDS[i.status];
    out.push(
      `<section class="inject"><h3>${h(i.offset)} ${h(i.title)}</h3><p>Status: ${h(when)}${
        i.answer === undefined ? '' : `<br>Answer: ${h(i.answer)}`
      }</p>`,
      table(
        ['Expected action', 'Result', 'Note'],
        i.expected.map((a) => [h(a.text), h(ACTION_WORDS[a.status]), dash(a.note)]),
      ),
    );
    if (i.actual.length > 0)
      out.push(
        `<p><strong>Actual actions and observations</strong></p><ul>${i.actual
          .map(
            (n) =>
              `<li>${h(formatElapsed(n.elapsed))} ${h(n.kind)}: ${h(n.text ?? '')}${n.by ? ` <span class="muted">(${h(n.by)})</span>` : ''}</li>`,
          )
          .join('')}</ul>`,
      );
    out.push('</section>');
  }
  if (d.general.length > 0)
    out.push(
      `<h2>Other decisions and observations</h2><ul>${d.general
        .map((n) => `<li>${h(formatElapsed(n.elapsed))} ${h(n.kind)}: ${h(n.text ?? '')}</li>`)
        .join('')}</ul>`,
    );
  out.push(
    '<h2>Improvement plan</h2><h3>Strengths</h3>',
    plan(d.strengths, d.objectiveText),
    '<h3>Areas for improvement</h3>',
    plan(d.areas, d.objectiveText),
    `<div class="exercise-band" role="note">${EXERCISE_MARK} — END OF REPORT</div>`,
    '</body></html>',
  );
  return out.join('\n');
}
