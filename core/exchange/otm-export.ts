import type { Element, Mitigation, ThreatInstance, ThreatModel } from '../threats/model';
import { STRIDE_NAMES } from '../threats/model';
import { catalogueIds } from './common';
import { layoutDiagram } from './layout';
import { OTM_ATTRIBUTE, OUTSIDE_ZONE } from './otm-import';
import { Carried } from './report';
import type { ExportResult } from './types';
import { note } from './types';

// Open Threat Model 0.2 that validates against the OTM schema. What OTM has no field for
// but Bulwark needs to read its own file back (element kind and controls, STRIDE letter,
// rule id and exact rating) goes into `attributes.bulwark`, which OTM leaves open.

const STATE = {
  open: 'exposed',
  mitigated: 'mitigated',
  accepted: 'accepted',
  transferred: 'transferred',
  'not-applicable': 'not-applicable',
} as const;
const MITIGATION_STATE = {
  proposed: 'recommended',
  planned: 'required',
  'in-progress': 'in-progress',
  implemented: 'implemented',
  verified: 'verified',
} as const;
const CONFIDENTIALITY = { public: 0, internal: 40, confidential: 75, restricted: 100 } as const;
const REPRESENTATION = 'bulwark-diagram';

const REFERENCES = new Set([
  'kind',
  'id',
  'name',
  'description',
  'tags',
  'layout',
  'source',
  'target',
  'contains',
  'assets',
  'dataCarried',
  'bidirectional',
]);

function ownAttributes(e: Element): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!REFERENCES.has(k) || k === 'kind') out[k] = v;
  return out;
}

/** Exports the model as OTM 0.2 JSON. */
export function exportOtm(model: ThreatModel): ExportResult {
  const carried = new Carried();
  const warnings = [];
  const { positions, parent, shared } = layoutDiagram(model);
  const byId = new Map(model.elements.map((e) => [e.id as string, e]));
  for (const id of shared)
    warnings.push(
      note(
        `"${byId.get(id)?.name ?? id}" is in more than one trust boundary; OTM gives it the first as parent.`,
      ),
    );
  const representation = (id: string) => {
    const l = positions.get(id);
    return l
      ? [
          {
            representation: REPRESENTATION,
            id: `${id}-shape`,
            position: { x: l.x, y: l.y },
            size: { width: l.width, height: l.height },
          },
        ]
      : [];
  };

  // Threat catalogue: one OTM threat per catalogue threat and rating.
  const catalogue = new Map(model.threats.catalogue.map((t) => [t.id as string, t]));
  const otmThreats: Record<string, unknown>[] = [];
  const otmThreatId = new Map<string, string>();
  const threatPool = catalogueIds();
  const mitigationPool = catalogueIds();
  const otmMitigations: Record<string, unknown>[] = [];
  const mitigationId = new Map<string, string>();
  const mitigationRef = (m: Mitigation): string => {
    const key = JSON.stringify([m.id, m.title, m.description]);
    let id = mitigationId.get(key);
    if (id === undefined) {
      id = mitigationPool.take(m.id, 'mitigation');
      mitigationId.set(key, id);
      otmMitigations.push({
        name: m.title,
        id,
        description: m.description,
        riskReduction: 25,
        attributes: null,
      });
    }
    return id;
  };
  const threatRef = (t: ThreatInstance): string | null => {
    const c = catalogue.get(t.threatId);
    if (!c) return null;
    const key = `${c.id}|${t.rating.likelihood}|${t.rating.impact}`;
    let id = otmThreatId.get(key);
    if (id === undefined) {
      const own = t.rating.likelihood === c.likelihood && t.rating.impact === c.impact;
      id = threatPool.take(
        own ? c.id : `${c.id}.l${t.rating.likelihood}i${t.rating.impact}`,
        'threat',
      );
      otmThreatId.set(key, id);
      otmThreats.push({
        name: c.title,
        id,
        description: c.description,
        categories: [STRIDE_NAMES[c.stride]],
        cwes: [...c.cwe],
        risk: { likelihood: t.rating.likelihood * 25, impact: t.rating.impact * 25 },
        tags: c.owasp === null ? [] : [c.owasp],
        attributes: {
          [OTM_ATTRIBUTE]: {
            threatId: c.id,
            stride: c.stride,
            ruleId: c.ruleId,
            owasp: c.owasp,
            capec: c.capec,
            likelihood: t.rating.likelihood,
            impact: t.rating.impact,
          },
        },
      });
    }
    return id;
  };
  const instancesOf = new Map<string, ThreatInstance[]>();
  for (const t of model.threats.instances) {
    const title = catalogue.get(t.threatId)?.title ?? t.threatId;
    if (t.stale) {
      carried.add('Stale threats (their element was removed)', title);
      continue;
    }
    const where = `${title} on ${byId.get(t.elementId)?.name ?? t.elementId}`;
    if (t.status === 'accepted') carried.add('Acceptances (owner, rationale, expiry)', where);
    if (t.rating.override) carried.add('Severity overrides and their rationale', where);
    if (t.notes.trim() !== '' || t.dismissal || t.evidence.trim() !== '')
      carried.add('Threat notes, evidence and dismissals', where);
    if (t.mitigations.some((m) => m.owner !== '' || m.due !== null))
      carried.add('Mitigation owners and due dates', where);
    if (t.operation !== undefined)
      carried.add('OpenAPI operations and locations', `${title} (${t.operation})`);
    const list = instancesOf.get(t.elementId);
    if (list) list.push(t);
    else instancesOf.set(t.elementId, [t]);
  }
  const threatsOn = (id: string) =>
    (instancesOf.get(id) ?? []).flatMap((t) => {
      const ref = threatRef(t);
      if (ref === null) return [];
      return [
        {
          threat: ref,
          state: STATE[t.status],
          mitigations: t.mitigations.map((m) => ({
            mitigation: mitigationRef(m),
            state: MITIGATION_STATE[m.status],
          })),
        },
      ];
    });

  const zoneOf = (id: string): string => parent.get(id) ?? OUTSIDE_ZONE;
  let needsOutside = false;
  const trustZones: Record<string, unknown>[] = [];
  const components: Record<string, unknown>[] = [];
  const dataflows: Record<string, unknown>[] = [];
  for (const e of model.elements) {
    if (e.kind === 'trust-boundary') {
      const p = parent.get(e.id);
      trustZones.push({
        id: e.id,
        name: e.name,
        type: 'trust-boundary',
        description: e.description,
        risk: { trustRating: 50 },
        ...(p === undefined ? {} : { parent: { trustZone: p } }),
        representations: representation(e.id),
        attributes: { [OTM_ATTRIBUTE]: ownAttributes(e) },
      });
      continue;
    }
    if (e.kind === 'data-flow') {
      dataflows.push({
        id: e.id,
        name: e.name,
        description: e.description,
        bidirectional: e.bidirectional,
        source: e.source,
        destination: e.target,
        assets: [...e.dataCarried],
        threats: threatsOn(e.id),
        tags: [...e.tags],
        attributes: { [OTM_ATTRIBUTE]: ownAttributes(e) },
      });
      continue;
    }
    const zone = zoneOf(e.id);
    if (zone === OUTSIDE_ZONE) needsOutside = true;
    const assets = e.kind === 'external-entity' ? [] : e.assets;
    components.push({
      id: e.id,
      name: e.name,
      type: e.kind === 'data-store' ? e.storeType : e.kind,
      description: e.description,
      parent: { trustZone: zone },
      representations: representation(e.id),
      assets:
        e.kind === 'data-store'
          ? { processed: [], stored: [...assets] }
          : { processed: [...assets], stored: [] },
      threats: threatsOn(e.id),
      tags: [...e.tags],
      attributes: { [OTM_ATTRIBUTE]: ownAttributes(e) },
    });
  }
  if (needsOutside)
    trustZones.push({
      id: OUTSIDE_ZONE,
      name: 'Outside any trust boundary',
      type: 'bulwark-outside',
      description:
        'Elements the Bulwark model places in no trust boundary (OTM requires a parent).',
      risk: { trustRating: 0 },
      representations: [],
      attributes: { [OTM_ATTRIBUTE]: { synthetic: true } },
    });

  let maxX = 0;
  let maxY = 0;
  for (const l of positions.values()) {
    maxX = Math.max(maxX, l.x + l.width);
    maxY = Math.max(maxY, l.y + l.height);
  }
  if (model.assumptions.length > 0)
    carried.add('Assumptions', `${model.assumptions.length} assumptions`);
  if (model.apiIds.length > 0)
    carried.plain(
      `Links to ${model.apiIds.length} inventory API${model.apiIds.length === 1 ? '' : 's'} (the importer links the model again).`,
    );
  if (model.versions.length > 0)
    carried.add('Signed-off versions', model.versions.map((v) => `v${v.version}`).join(', '));

  const otm = {
    otmVersion: '0.2.0',
    project: {
      name: model.title,
      id: model.id,
      description: model.scope,
      tags: [],
      attributes: null,
    },
    representations: [
      {
        name: 'Data flow diagram',
        id: REPRESENTATION,
        type: 'diagram',
        size: { width: Math.ceil(maxX + 40), height: Math.ceil(maxY + 40) },
        attributes: null,
      },
    ],
    assets: model.assets.map((a) => ({
      name: a.name,
      id: a.id,
      description: a.description,
      risk: {
        confidentiality: CONFIDENTIALITY[a.sensitivity],
        integrity: 50,
        availability: 50,
        comment: `Bulwark sensitivity: ${a.sensitivity}. Integrity and availability are not rated in Bulwark.`,
      },
      attributes: {
        [OTM_ATTRIBUTE]: { sensitivity: a.sensitivity, dataClasses: [...a.dataClasses] },
      },
    })),
    trustZones,
    components,
    dataflows,
    threats: otmThreats,
    mitigations: otmMitigations,
  };
  return { text: JSON.stringify(otm, null, 2) + '\n', warnings, notCarried: carried.notes() };
}
