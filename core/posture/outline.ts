import type { Figure, Posture, SectionId } from './types';
import { SECTIONS } from './types';
import { SEVERITY_FILL } from './charts';

// What the dashboard and the reports show under each question, in order: blocks of
// figures, some drawn as a chart. One outline, so the window and the exports agree.

export type ChartSpec =
  | { readonly kind: 'bars'; readonly title: string; readonly colours?: 'severity' }
  | { readonly kind: 'trend' }
  | { readonly kind: 'matrix' }
  | { readonly kind: 'regimes' };

export type Block = {
  readonly title: string;
  readonly figures: readonly Figure[];
  readonly chart?: ChartSpec | undefined;
};

/** The regulatory table's columns: the figure key and its heading. */
export const REGIME_COLUMNS = [
  ['apis', 'APIs in scope'],
  ['weak-auth', 'Without strong authentication'],
  ['no-current-model', 'Without a current threat model'],
  ['open-high', 'Open high and critical threats'],
  ['review-overdue', 'Reviews overdue'],
] as const;

/** The regimes present in the figures, in order. */
export function regimeNames(p: Pick<Posture, 'figures'>): string[] {
  const out: string[] = [];
  for (const f of p.figures)
    if (f.section === 'regulatory' && f.key === 'apis' && f.group !== undefined)
      out.push(f.group.slice('regulatory.'.length));
  return out;
}

/** The colour of a bar for a figure key (severities), or undefined for the default. */
export function barColour(key: string | undefined): string | undefined {
  return key === undefined ? undefined : SEVERITY_FILL[key];
}

/** The blocks of one section. */
export function sectionBlocks(p: Pick<Posture, 'figures'>, section: SectionId): Block[] {
  const byId = (...ids: string[]) => ids.flatMap((id) => p.figures.filter((f) => f.id === id));
  const group = (g: string) => p.figures.filter((f) => f.group === g);
  switch (section) {
    case 'inventory':
      return [
        {
          title: 'At a glance',
          figures: byId(
            'inventory.in-service',
            'inventory.sensitive',
            'inventory.sensitive-weak-auth',
            'inventory.unowned',
            'inventory.review-overdue',
            'inventory.zombie',
            'inventory.shadow',
          ),
        },
        {
          title: 'By exposure',
          figures: group('inventory.exposure'),
          chart: { kind: 'bars', title: 'APIs in service by exposure' },
        },
        {
          title: 'By lifecycle',
          figures: group('inventory.lifecycle'),
          chart: { kind: 'bars', title: 'APIs by lifecycle' },
        },
        {
          title: 'Sensitive data',
          figures: group('inventory.data'),
          chart: { kind: 'bars', title: 'APIs in service by sensitive data handled' },
        },
      ];
    case 'design':
      return [
        {
          title: 'Threat modeling',
          figures: byId(
            'design.current-model-share',
            'design.without-current-model',
            'design.open-threats',
            'design.open-high',
            'design.open-high-unowned',
          ),
        },
        {
          title: 'Open threats by severity',
          figures: group('design.open-by-severity'),
          chart: { kind: 'bars', title: 'Open threats by severity', colours: 'severity' },
        },
        { title: 'Risk matrix', figures: group('design.matrix'), chart: { kind: 'matrix' } },
        {
          title: 'Open threats by OWASP API Top 10 (2023) category',
          figures: group('design.open-by-owasp'),
          chart: { kind: 'bars', title: 'Open threats by OWASP API Security Top 10 category' },
        },
        {
          title: 'Mitigations',
          figures: [...group('design.mitigations'), ...byId('design.mitigations-overdue')],
          chart: { kind: 'bars', title: 'Mitigations by status' },
        },
        {
          title: 'Accepted risks',
          figures: byId(
            'design.accepted',
            'design.accepted-nearing-expiry',
            'design.accepted-expired',
          ),
        },
      ];
    case 'response':
      return [
        {
          title: 'Live incidents',
          figures: [
            ...byId('response.incidents'),
            ...group('response.by-severity'),
            ...byId('response.exercises-excluded'),
          ],
          chart: { kind: 'trend' },
        },
        {
          title: 'Response times',
          figures: [...group('response.median'), ...group('response.p90')],
        },
        {
          title: 'Regulatory notifications',
          figures: [
            ...byId('response.notifications-on-time-share'),
            ...group('response.notifications'),
          ],
        },
        {
          title: 'Post-incident action items',
          figures: byId('response.action-items-open', 'response.action-items-overdue'),
        },
      ];
    case 'preparedness':
      return [
        {
          title: 'Playbooks per OWASP API risk',
          figures: [
            ...byId('preparedness.playbooks', 'preparedness.owasp-uncovered'),
            ...group('preparedness.owasp'),
          ],
          chart: { kind: 'bars', title: 'Playbooks per OWASP API Security Top 10 risk' },
        },
        {
          title: 'Exercises',
          figures: [
            ...byId('preparedness.exercises-12m', 'preparedness.days-since-exercise'),
            ...group('preparedness.evaluation'),
          ],
          chart: { kind: 'bars', title: 'Exercise objectives of the last 12 months by evaluation' },
        },
        {
          title: 'Improvement items',
          figures: byId('preparedness.improvements-open', 'preparedness.improvements-overdue'),
        },
      ];
    case 'regulatory':
      return [
        { title: 'APIs under regulation', figures: byId('regulatory.in-scope') },
        {
          title: 'Posture per regime',
          figures: p.figures.filter((f) => f.section === 'regulatory' && f.group !== undefined),
          chart: { kind: 'regimes' },
        },
      ];
  }
}

/** Every section with its blocks. */
export function outline(p: Pick<Posture, 'figures'>): { section: SectionId; blocks: Block[] }[] {
  return SECTIONS.map((section) => ({ section, blocks: sectionBlocks(p, section) }));
}

/** The figures a chart draws: group members only (the block may add totals beside them). */
export function chartFigures(block: Block): Figure[] {
  return block.figures.filter((f) => f.group !== undefined);
}
