import type { AssetSensitivity, ElementKind } from '../threats/model';
import { ELEMENT_SCHEMAS } from '../threats/schema-elements';
import type { JsonObject } from './common';
import {
  asArray,
  asNumber,
  asString,
  catalogueIds,
  cleanName,
  cleanText,
  isObject,
  pointer,
  stripBom,
} from './common';
import { Draft, failure, guarded, tooLarge } from './draft';
import { layoutOf } from './geometry';
import type { Parsed } from './otm-text';
import { OTM_ATTRIBUTE, parseOtmText } from './otm-text';
import { addOtmThreats } from './otm-threats';
import type { ImportOptions, ImportResult } from './types';

// Open Threat Model 0.2 (JSON or YAML): trust zones become boundaries, components become
// elements (their kind from Bulwark's own attributes when Bulwark wrote the file, else
// guessed from the component type), dataflows become flows, and the root catalogues of
// threats and mitigations are joined with their instances on components and flows.

export { OTM_ATTRIBUTE, OUTSIDE_ZONE, reindentQuotedScalars } from './otm-text';

/** Imports an OTM 0.2 file (JSON or YAML). */
export function importOtm(raw: string, file: string, options: ImportOptions): ImportResult {
  return guarded(file, () => {
    const text = stripBom(raw);
    const big = tooLarge(text, file);
    if (big) return big;
    const parsed = parseOtmText(text, file);
    if (!parsed.ok) return parsed.result;
    return fromJson(parsed.value, file, options);
  });
}

const sensitivity = (confidentiality: number | null): AssetSensitivity =>
  confidentiality === null
    ? 'internal'
    : confidentiality >= 90
      ? 'restricted'
      : confidentiality >= 60
        ? 'confidential'
        : confidentiality >= 25
          ? 'internal'
          : 'public';

const STORE_TYPE =
  /data.?base|\bdb\b|store|storage|bucket|queue|cache|file|s3|sql|mongo|redis|dynamo|elastic|kafka|log|vault|secret/i;
const ACTOR_TYPE =
  /client|browser|user|actor|external|mobile|partner|third|device|customer|person|human/i;

function kindFor(type: string): ElementKind {
  if (STORE_TYPE.test(type)) return 'data-store';
  if (ACTOR_TYPE.test(type)) return 'external-entity';
  return 'process';
}

/** The element properties Bulwark stored in `attributes.bulwark`, kept only where valid for the kind. */
function ownProperties(kind: ElementKind, attrs: unknown): Record<string, unknown> {
  if (!isObject(attrs) || !isObject(attrs[OTM_ATTRIBUTE])) return {};
  const own = attrs[OTM_ATTRIBUTE];
  const shape = ELEMENT_SCHEMAS[kind].shape as Record<
    string,
    { safeParse: (v: unknown) => { success: boolean } }
  >;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(own)) {
    if (
      [
        'kind',
        'id',
        'name',
        'description',
        'source',
        'target',
        'contains',
        'assets',
        'dataCarried',
        'crossesBoundaries',
        'layout',
      ].includes(k)
    )
      continue;
    const field = shape[k];
    if (field?.safeParse(v).success) out[k] = v;
  }
  return out;
}

function fromJson(p: Parsed, file: string, options: ImportOptions): ImportResult {
  const { json, locate } = p;
  const fail = (at: string, message: string) => failure(file, message, locate(at));
  if (!isObject(json)) return fail('', 'an OTM file is an object with otmVersion and project.');
  if (typeof json.otmVersion !== 'string')
    return fail('', 'an OTM file needs an "otmVersion" text (such as "0.2.0").');
  if (!isObject(json.project)) return fail('', 'an OTM file needs a "project" object.');
  if (typeof json.project.name !== 'string')
    return fail('/project', 'the project needs a "name" text.');
  if (typeof json.project.id !== 'string')
    return fail('/project', 'the project needs an "id" text.');
  for (const key of [
    'trustZones',
    'components',
    'dataflows',
    'threats',
    'mitigations',
    'assets',
    'representations',
  ] as const)
    if (json[key] !== undefined && json[key] !== null && !Array.isArray(json[key]))
      return fail(pointer(key), `"${key}" must be a list.`);

  const draft = new Draft(locate);
  if (p.repairedAt !== null && p.repairedAt !== undefined)
    draft.warn(
      '',
      `Line ${p.repairedAt}: a quoted text continues on lines indented less than YAML allows; it is read as other OTM tools read it.`,
    );
  if (!json.otmVersion.startsWith('0.2'))
    draft.warn('/otmVersion', `OTM version ${json.otmVersion} is read as 0.2.`);
  draft.title = json.project.name;
  draft.scope = asString(json.project.description);
  for (const key of ['owner', 'ownerContact', 'tags', 'attributes'] as const)
    if (
      json.project[key] !== undefined &&
      json.project[key] !== null &&
      asArray(json.project[key]).length !== 0
    )
      draft.drop(pointer('project', key), `The project's ${key}.`);
  const reps = asArray(json.representations);
  const diagramReps = new Set<string>();
  reps.forEach((r, i) => {
    if (!isObject(r)) return;
    if (asString(r.type) === 'diagram') diagramReps.add(asString(r.id));
    else
      draft.drop(
        pointer('representations', i),
        `Representation "${cleanName(r.name, asString(r.id))}" (${cleanName(r.type, 'unknown type')}).`,
      );
  });
  const layoutFrom = (item: JsonObject, at: string) => {
    const list = asArray(item.representations);
    for (const [i, r] of list.entries()) {
      if (!isObject(r)) continue;
      if (diagramReps.size > 0 && !diagramReps.has(asString(r.representation))) {
        draft.drop(
          `${at}/representations/${i}`,
          `A ${cleanName(r.representation, 'code')} representation of "${cleanName(item.name, '')}".`,
        );
        continue;
      }
      const l = layoutOf(r.position, r.size);
      if (l) return l;
    }
    return undefined;
  };

  // Assets.
  const assetIds = new Map<string, string>();
  const assetPool = catalogueIds();
  asArray(json.assets).forEach((a, i) => {
    const at = pointer('assets', i);
    if (!isObject(a)) {
      draft.warn(at, 'An asset that is not an object was skipped.');
      return;
    }
    const id = assetPool.take(a.id, 'asset');
    assetIds.set(asString(a.id), id);
    const risk = isObject(a.risk) ? a.risk : {};
    const own =
      isObject(a.attributes) && isObject(a.attributes[OTM_ATTRIBUTE])
        ? a.attributes[OTM_ATTRIBUTE]
        : {};
    const ownSens = asString(own.sensitivity);
    draft.assets.push({
      id,
      name: cleanName(a.name, id),
      description: cleanText(a.description),
      sensitivity: ['public', 'internal', 'confidential', 'restricted'].includes(ownSens)
        ? ownSens
        : sensitivity(asNumber(risk.confidentiality)),
      ...(Array.isArray(own.dataClasses)
        ? { dataClasses: own.dataClasses.filter((d) => typeof d === 'string') }
        : {}),
    });
    if (!isObject(own) || ownSens === '')
      draft.drop(
        `${at}/risk`,
        `Integrity and availability ratings of asset "${cleanName(a.name, id)}".`,
      );
  });
  const assetList = (v: unknown, at: string): string[] =>
    asArray(v)
      .map((x) => assetIds.get(asString(x)))
      .filter((x): x is string => {
        if (x === undefined) draft.warn(at, 'A reference to an unknown asset was skipped.');
        return x !== undefined;
      });

  // Trust zones.
  const zoneIds = new Map<string, string>();
  const zoneParents: { child: string; parent: string; at: string }[] = [];
  asArray(json.trustZones).forEach((z, i) => {
    const at = pointer('trustZones', i);
    if (!isObject(z)) {
      draft.warn(at, 'A trust zone that is not an object was skipped.');
      return;
    }
    const own =
      isObject(z.attributes) && isObject(z.attributes[OTM_ATTRIBUTE])
        ? z.attributes[OTM_ATTRIBUTE]
        : null;
    if (own?.synthetic === true) {
      zoneIds.set(asString(z.id), '');
      return;
    }
    const id = draft.ids.take(z.id, 'zone');
    zoneIds.set(asString(z.id), id);
    const layout = layoutFrom(z, at);
    draft.addElement(
      {
        kind: 'trust-boundary',
        id,
        name: cleanName(z.name, id),
        description: cleanText(z.description),
        ...ownProperties('trust-boundary', z.attributes),
        ...(layout ? { layout } : {}),
        contains: [],
      },
      at,
    );
    if (isObject(z.risk) && own === null)
      draft.drop(`${at}/risk`, `Trust rating of "${cleanName(z.name, id)}".`);
    if (asString(z.type) !== '' && own === null)
      draft.drop(
        `${at}/type`,
        `Trust zone type "${cleanName(z.type, '')}" of "${cleanName(z.name, id)}".`,
      );
    if (isObject(z.parent) && z.parent.trustZone !== undefined)
      zoneParents.push({ child: id, parent: asString(z.parent.trustZone), at });
  });
  const contain = (zone: string, child: string, at: string) => {
    const zid = zoneIds.get(zone);
    if (zid === '') return;
    const b = zid === undefined ? undefined : draft.element(zid);
    if (!b) {
      draft.warn(at, `The parent trust zone "${cleanName(zone, '?')}" does not exist.`);
      return;
    }
    (b.contains as string[]).push(child);
  };
  for (const z of zoneParents) contain(z.parent, z.child, z.at);

  // Components.
  const componentIds = new Map<string, string>();
  const componentParents: { child: string; parent: JsonObject; at: string }[] = [];
  asArray(json.components).forEach((c, i) => {
    const at = pointer('components', i);
    if (!isObject(c)) {
      draft.warn(at, 'A component that is not an object was skipped.');
      return;
    }
    const own =
      isObject(c.attributes) && isObject(c.attributes[OTM_ATTRIBUTE])
        ? c.attributes[OTM_ATTRIBUTE]
        : null;
    const ownKind = own ? asString(own.kind) : '';
    const type = asString(c.type);
    const kind: ElementKind =
      ownKind === 'external-entity' || ownKind === 'process' || ownKind === 'data-store'
        ? ownKind
        : kindFor(type);
    if (!own)
      draft.drop(
        `${at}/type`,
        `Component type "${cleanName(type, '(none)')}" of "${cleanName(c.name, '')}" (read as ${kind.replace('-', ' ')}).`,
      );
    const id = draft.ids.take(c.id, 'component');
    componentIds.set(asString(c.id), id);
    const layout = layoutFrom(c, at);
    const assets = isObject(c.assets)
      ? [
          ...assetList(c.assets.processed, `${at}/assets/processed`),
          ...assetList(c.assets.stored, `${at}/assets/stored`),
        ]
      : [];
    const tags = asArray(c.tags)
      .filter((t): t is string => typeof t === 'string')
      .map((t) => cleanName(t, 'tag').slice(0, 60))
      .slice(0, 50);
    if (kind === 'external-entity' && assets.length > 0)
      draft.drop(`${at}/assets`, `Assets of external entity "${cleanName(c.name, id)}".`);
    draft.addElement(
      {
        kind,
        id,
        name: cleanName(c.name, id),
        description: cleanText(c.description),
        tags,
        ...ownProperties(kind, c.attributes),
        ...(layout ? { layout } : {}),
        ...(kind === 'external-entity' ? {} : { assets: [...new Set(assets)] }),
      },
      at,
    );
    if (isObject(c.parent)) componentParents.push({ child: id, parent: c.parent, at });
    else draft.warn(at, `Component "${cleanName(c.name, id)}" has no parent trust zone.`);
  });
  for (const { child, parent, at } of componentParents) {
    if (parent.trustZone !== undefined) contain(asString(parent.trustZone), child, at);
    else if (parent.component !== undefined) {
      const host = componentIds.get(asString(parent.component));
      const hostParent = componentParents.find((cp) => cp.child === host);
      draft.drop(
        `${at}/parent`,
        `Component nesting: "${draft.element(child)?.name ?? child}" sits inside a component (placed in that component's trust zone).`,
      );
      if (hostParent?.parent.trustZone !== undefined)
        contain(asString(hostParent.parent.trustZone), child, at);
    }
  }

  // Dataflows.
  const flowIds = new Map<string, string>();
  asArray(json.dataflows).forEach((f, i) => {
    const at = pointer('dataflows', i);
    if (!isObject(f)) {
      draft.warn(at, 'A dataflow that is not an object was skipped.');
      return;
    }
    const source = componentIds.get(asString(f.source));
    const target = componentIds.get(asString(f.destination));
    if (source === undefined || target === undefined) {
      draft.warn(
        at,
        `Dataflow "${cleanName(f.name, '')}" does not connect two components; it is not imported.`,
      );
      draft.drop(
        at,
        `Dataflow "${cleanName(f.name, '')}" between ${cleanName(f.source, '?')} and ${cleanName(f.destination, '?')}.`,
      );
      return;
    }
    const id = draft.ids.take(f.id, 'flow');
    flowIds.set(asString(f.id), id);
    const own = ownProperties('data-flow', f.attributes);
    const crossing =
      isObject(f.attributes) && isObject(f.attributes[OTM_ATTRIBUTE])
        ? asArray(f.attributes[OTM_ATTRIBUTE].crossesBoundaries)
            .map((b) => zoneIds.get(asString(b)))
            .filter((b): b is string => b !== undefined && b !== '')
        : [];
    draft.addElement(
      {
        kind: 'data-flow',
        id,
        name: cleanName(
          f.name,
          `${draft.element(source)?.name ?? source} to ${draft.element(target)?.name ?? target}`,
        ),
        description: cleanText(f.description),
        tags: asArray(f.tags)
          .filter((t): t is string => typeof t === 'string')
          .map((t) => cleanName(t, 'tag').slice(0, 60))
          .slice(0, 50),
        ...own,
        source,
        target,
        bidirectional: f.bidirectional === true,
        dataCarried: [...new Set(assetList(f.assets, `${at}/assets`))],
        crossesBoundaries: crossing,
      },
      at,
    );
  });

  addOtmThreats(json, draft, componentIds, flowIds);
  return draft.finish('otm', file, options);
}
