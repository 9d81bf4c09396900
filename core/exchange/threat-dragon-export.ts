import type { DataFlow, Element, Layout, ThreatInstance, ThreatModel } from '../threats/model';
import { STRIDE_NAMES } from '../threats/model';
import { ratedSeverity } from '../threats/risk';
import type { Point } from './geometry';
import { centre } from './geometry';
import { joinMitigations } from './vocabulary';
import { layoutDiagram } from './layout';
import { Carried, recordedProperties } from './report';
import { scoreText } from './threat-dragon-import';
import type { ExportResult } from './types';
import { note } from './types';

// A Threat Dragon v2 model that Threat Dragon opens: one STRIDE diagram whose cells carry
// their meaning in `data` (as Threat Dragon writes it), threats in `data.threats`, boxes
// drawn around boundary members and flows as edges between cells.

const TD_VERSION = '2.2.0';

const TD_SEVERITY = {
  low: 'Low',
  medium: 'Medium',
  elevated: 'Medium',
  high: 'High',
  critical: 'Critical',
} as const;
const TD_STATUS = {
  open: 'Open',
  mitigated: 'Mitigated',
  'not-applicable': 'NotApplicable',
  accepted: 'Open',
  transferred: 'Open',
} as const;

/** Properties Threat Dragon has a place for, per kind. */
const CARRIED: Readonly<Record<string, ReadonlySet<string>>> = {
  'external-entity': new Set(['authenticated']),
  process: new Set(),
  'data-store': new Set(['isLog', 'holdsCredentials', 'encryptedAtRest', 'tamperEvident']),
  'data-flow': new Set([
    'source',
    'target',
    'protocol',
    'tls',
    'bidirectional',
    'crossesBoundaries',
  ]),
  'trust-boundary': new Set(['contains']),
};

/** Exports the model as Threat Dragon v2 JSON, with what Threat Dragon has no place for. */
export function exportThreatDragon(model: ThreatModel): ExportResult {
  const carried = new Carried();
  const warnings = [];
  const { positions, shared } = layoutDiagram(model);
  const byId = new Map(model.elements.map((e) => [e.id as string, e]));
  for (const id of shared)
    warnings.push(
      note(
        `"${byId.get(id)?.name ?? id}" is in more than one trust boundary; Threat Dragon draws it inside the first only.`,
      ),
    );
  const catalogue = new Map(model.threats.catalogue.map((t) => [t.id as string, t]));
  const byElement = new Map<string, ThreatInstance[]>();
  for (const t of model.threats.instances) {
    if (t.stale) {
      carried.add(
        'Stale threats (their element was removed)',
        catalogue.get(t.threatId)?.title ?? t.id,
      );
      continue;
    }
    const list = byElement.get(t.elementId);
    if (list) list.push(t);
    else byElement.set(t.elementId, [t]);
  }
  let number = 0;
  const threatsOf = (e: Element) =>
    (byElement.get(e.id) ?? []).map((t) => {
      const c = catalogue.get(t.threatId);
      const title = c?.title ?? t.threatId;
      if (c?.ruleId) carried.add('Bulwark rule ids', c.ruleId);
      if (c?.owasp) carried.add('OWASP API Security Top 10 mappings', `${title} (${c.owasp})`);
      if (c && (c.cwe.length > 0 || c.capec.length > 0)) carried.add('CWE and CAPEC ids', title);
      if (t.status === 'accepted' || t.status === 'transferred')
        carried.add(`Threat status "${t.status}" (written as Open)`, `${title} on ${e.name}`);
      if (t.rating.override)
        carried.add('Severity overrides and their rationale', `${title} on ${e.name}`);
      if (t.notes.trim() !== '' || t.acceptance || t.dismissal || t.evidence.trim() !== '')
        carried.add('Threat notes, evidence, acceptances and dismissals', `${title} on ${e.name}`);
      // Threat Dragon's status implies the mitigations' (implemented when mitigated).
      const implied = t.status === 'mitigated' ? 'implemented' : 'proposed';
      if (t.mitigations.some((m) => m.owner !== '' || m.due !== null || m.status !== implied))
        carried.add('Mitigation status, owner and due date', `${title} on ${e.name}`);
      if (t.operation !== undefined)
        carried.add('OpenAPI operations and locations', `${title} (${t.operation})`);
      number++;
      return {
        id: t.threatId,
        title,
        status: TD_STATUS[t.status],
        severity: TD_SEVERITY[ratedSeverity(t.rating)],
        type: STRIDE_NAMES[c?.stride ?? 'I'],
        description: c?.description ?? '',
        mitigation: joinMitigations(t.mitigations),
        modelType: 'STRIDE',
        new: false,
        number,
        score: scoreText(t.rating.likelihood, t.rating.impact),
      };
    });

  for (const e of model.elements) {
    const extra = recordedProperties(e, CARRIED[e.kind] ?? new Set());
    if (extra.length > 0)
      carried.add('Recorded controls and properties', `${e.name} (${extra.join(', ')})`);
    if (e.tags.some((t) => t !== 'public-network')) carried.add('Tags', e.name);
  }
  if (model.assets.length > 0) for (const a of model.assets) carried.add('Assets', a.name);
  if (model.assumptions.length > 0)
    carried.add('Assumptions', `${model.assumptions.length} assumptions`);
  if (model.apiIds.length > 0)
    carried.plain(
      `Links to ${model.apiIds.length} inventory API${model.apiIds.length === 1 ? '' : 's'} (the importer links the model again).`,
    );
  if (model.versions.length > 0)
    carried.add('Signed-off versions', model.versions.map((v) => `v${v.version}`).join(', '));

  const cells: unknown[] = [];
  let z = 1;
  const base = (e: Element, type: string) => ({
    type,
    name: e.name,
    description: e.description,
    outOfScope: e.outOfScope,
    reasonOutOfScope: e.outOfScopeReason,
  });
  const flows = model.elements.filter((e): e is DataFlow => e.kind === 'data-flow');
  const curveFor = (boundaryId: string): Point[] | null => {
    const crossing = flows.filter((f) => f.crossesBoundaries.includes(boundaryId as never));
    const line: Point[] = [];
    for (const f of crossing) {
      const a = positions.get(f.source);
      const b = positions.get(f.target);
      if (!a || !b) continue;
      const p = centre(a);
      const q = centre(b);
      const m = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const n = { x: -(q.y - p.y) / len, y: (q.x - p.x) / len };
      line.push({ x: m.x - n.x * 50, y: m.y - n.y * 50 }, { x: m.x + n.x * 50, y: m.y + n.y * 50 });
    }
    return line.length >= 2 ? line : null;
  };

  for (const e of model.elements) {
    if (e.kind === 'data-flow') continue;
    if (e.kind === 'trust-boundary') {
      const members = e.contains.filter((c) => byId.get(c)?.kind !== 'data-flow');
      const line = members.length === 0 ? curveFor(e.id) : null;
      if (line) {
        const [first, ...rest] = line;
        const last = rest.pop();
        cells.push({
          shape: 'trust-boundary-curve',
          attrs: { line: { targetMarker: '', sourceMarker: '' } },
          width: 200,
          height: 100,
          zIndex: 10,
          connector: 'smooth',
          labels: [{ attrs: { text: { text: e.name } } }],
          data: { ...base(e, 'tm.Boundary'), isTrustBoundary: true, hasOpenThreats: false },
          id: e.id,
          source: first,
          target: last,
          vertices: rest,
        });
        continue;
      }
      const at = positions.get(e.id) ?? { x: 0, y: 0, width: 200, height: 120 };
      cells.push({
        position: { x: at.x, y: at.y },
        size: { width: at.width, height: at.height },
        attrs: { label: { text: e.name } },
        shape: 'trust-boundary-box',
        zIndex: -1,
        id: e.id,
        data: { ...base(e, 'tm.BoundaryBox'), isTrustBoundary: true, hasOpenThreats: false },
      });
      continue;
    }
    const at: Layout = positions.get(e.id) ?? { x: 0, y: 0, width: 160, height: 80 };
    const threats = threatsOf(e);
    const hasOpenThreats = threats.some((t) => t.status === 'Open');
    const stroke = hasOpenThreats
      ? { stroke: 'red', strokeWidth: 2.5 }
      : { stroke: '#333333', strokeWidth: 1 };
    const dash = e.outOfScope ? '4 3' : null;
    const common = {
      position: { x: at.x, y: at.y },
      size: { width: at.width, height: at.height },
      visible: true,
      zIndex: z++,
      id: e.id,
    };
    if (e.kind === 'external-entity')
      cells.push({
        ...common,
        attrs: { text: { text: e.name }, body: { ...stroke, strokeDasharray: dash } },
        shape: 'actor',
        data: {
          ...base(e, 'tm.Actor'),
          providesAuthentication: e.authenticated,
          hasOpenThreats,
          threats,
        },
      });
    else if (e.kind === 'process')
      cells.push({
        ...common,
        attrs: { text: { text: e.name }, body: { ...stroke, strokeDasharray: dash } },
        shape: 'process',
        data: { ...base(e, 'tm.Process'), privilegeLevel: '', hasOpenThreats, threats },
      });
    else
      cells.push({
        ...common,
        attrs: {
          text: { text: e.name },
          topLine: { ...stroke, strokeDasharray: dash },
          bottomLine: { ...stroke, strokeDasharray: dash },
        },
        shape: 'store',
        data: {
          ...base(e, 'tm.Store'),
          isALog: e.isLog,
          storesCredentials: e.holdsCredentials,
          isEncrypted: e.encryptedAtRest,
          isSigned: e.tamperEvident,
          hasOpenThreats,
          threats,
        },
      });
  }
  for (const f of flows) {
    const threats = threatsOf(f);
    const hasOpenThreats = threats.some((t) => t.status === 'Open');
    if (f.tls === 'mtls') carried.add('Mutual TLS (written as encrypted)', f.name);
    cells.push({
      shape: 'flow',
      attrs: {
        line: {
          stroke: hasOpenThreats ? 'red' : '#333333',
          strokeWidth: hasOpenThreats ? 2.5 : 1,
          targetMarker: { name: 'classic' },
          ...(f.bidirectional ? { sourceMarker: { name: 'classic' } } : {}),
          strokeDasharray: f.outOfScope ? '4 3' : null,
        },
      },
      width: 200,
      height: 100,
      zIndex: z++ + 10,
      connector: 'smooth',
      data: {
        ...base(f, 'tm.Flow'),
        protocol: f.protocol,
        isEncrypted: f.tls !== 'none',
        isPublicNetwork: f.tags.includes('public-network'),
        isBidirectional: f.bidirectional,
        hasOpenThreats,
        threats,
      },
      id: f.id,
      labels: [f.name],
      source: { cell: f.source },
      target: { cell: f.target },
    });
  }
  const file = {
    version: TD_VERSION,
    summary: { title: model.title, owner: '', description: model.scope, id: 0 },
    detail: {
      contributors: [],
      diagrams: [
        {
          id: 0,
          title: model.title,
          diagramType: 'STRIDE',
          placeholder: 'New STRIDE diagram description',
          thumbnail: './public/content/images/thumbnail.stride.jpg',
          version: TD_VERSION,
          cells,
        },
      ],
      diagramTop: 1,
      reviewer: '',
      threatTop: number,
    },
  };
  return { text: JSON.stringify(file, null, 2) + '\n', warnings, notCarried: carried.notes() };
}
