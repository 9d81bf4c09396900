import { LineCounter, isNode, parseDocument } from 'yaml';
import type { AssetSensitivity, ElementKind, Level, Stride, ThreatStatus } from '../threats/model';
import { STRIDE_NAMES } from '../threats/model';
import { ELEMENT_SCHEMAS } from '../threats/schema-elements';
import type { JsonObject } from './common';
import {
  Draft,
  asArray,
  asNumber,
  asString,
  catalogueIds,
  cleanName,
  cleanText,
  failure,
  guarded,
  isObject,
  jsonLocator,
  layoutOf,
  levelOf,
  mitigationStatusFromWord,
  parseJson,
  pointer,
  strideFromWord,
  stripBom,
  threatStatusFromWord,
  tooLarge,
} from './common';
import type { ImportOptions, ImportResult, Place } from './types';

// Open Threat Model 0.2 (JSON or YAML): trust zones become boundaries, components become
// elements (their kind from Bulwark's own attributes when Bulwark wrote the file, else
// guessed from the component type), dataflows become flows, and the root catalogues of
// threats and mitigations are joined with their instances on components and flows.

/** The attribute object Bulwark writes into OTM to keep what OTM has no field for. */
export const OTM_ATTRIBUTE = 'bulwark';
/** The trust zone Bulwark adds for elements outside every boundary (OTM needs a parent). */
export const OUTSIDE_ZONE = 'bulwark-outside';

export function looksLikeOtm(fileName: string, text: string, json: unknown): boolean {
  if (isObject(json)) return 'otmVersion' in json;
  if (json !== undefined) return false;
  return (
    /^\s*["']?otmVersion["']?\s*:/m.test(text.slice(0, 4096)) ||
    /\.otm(\.ya?ml|\.json)?$/i.test(fileName)
  );
}

type Parsed = { json: unknown; locate: (p: string) => Place; repairedAt?: number | null };

function parseOtmText(
  text: string,
  file: string,
): { ok: true; value: Parsed } | { ok: false; result: ImportResult } {
  if (/^\s*[{[]/.test(text)) {
    const r = parseJson(text, file);
    if (!r.ok) return r;
    return { ok: true, value: { json: r.json, locate: jsonLocator(text) } };
  }
  let lineCounter = new LineCounter();
  let doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  let repairedAt: number | null = null;
  if (doc.errors.some((e) => e.code === 'MISSING_CHAR')) {
    // Real OTM files (the specification's own example) hold quoted texts whose later
    // lines are indented less than YAML allows; other OTM tools read them anyway.
    const repaired = reindentQuotedScalars(text);
    if (repaired.firstLine !== null) {
      const counter = new LineCounter();
      const again = parseDocument(repaired.text, {
        lineCounter: counter,
        prettyErrors: false,
        uniqueKeys: false,
      });
      if (again.errors.length === 0) {
        doc = again;
        lineCounter = counter;
        repairedAt = repaired.firstLine;
      }
    }
  }
  const err = doc.errors[0];
  if (err) {
    const pos = lineCounter.linePos(err.pos[0]);
    return {
      ok: false,
      result: failure(file, `not valid YAML: ${err.message.split('\n')[0] ?? err.code}`, {
        line: pos.line,
        column: pos.col,
      }),
    };
  }
  let json: unknown;
  try {
    json = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      ok: false,
      result: failure(file, `not valid YAML: ${e instanceof Error ? e.message : String(e)}`),
    };
  }
  const locate = (p: string): Place => {
    const segments =
      p === ''
        ? []
        : p
            .slice(1)
            .split('/')
            .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    for (let n = segments.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { pointer: p, line: pos.line, column: pos.col };
      }
    }
    return { pointer: p, line: null, column: null };
  };
  return { ok: true, value: { json, locate, repairedAt } };
}

/**
 * Indents the continuation lines of multi-line quoted scalars that sit at or left of
 * their key, the way lenient YAML readers take them. Adds spaces only, so lines keep
 * their numbers. `firstLine` is the first line changed (1-based), null when none was.
 */
export function reindentQuotedScalars(text: string): { text: string; firstLine: number | null } {
  const lines = text.split('\n');
  let firstLine: number | null = null;
  let open: { quote: string; minIndent: number } | null = null;
  let keyIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const indent = line.length - line.trimStart().length;
    if (open) {
      if (line.trim() !== '' && indent < open.minIndent) {
        lines[i] = ' '.repeat(open.minIndent - indent) + line;
        firstLine ??= i + 1;
      }
      if (closes(line, open.quote)) open = null;
      continue;
    }
    const m = /^(\s*)(?:-\s+)?(?:[^'"#:]+:\s*)?(['"])(.*)$/.exec(line);
    if (/^\s*(?:-\s+)?[^'"#:]+:\s*$/.test(line)) keyIndent = indent;
    if (m && !closes(m[3] ?? '', m[2] ?? "'")) {
      const ownsKey = /:\s*['"]/.test(line);
      open = { quote: m[2] ?? "'", minIndent: (ownsKey ? indent : keyIndent) + 1 };
    }
  }
  return { text: lines.join('\n'), firstLine };
}

/** Whether a line holds the closing quote (doubled single quotes and \\" are escapes). */
function closes(rest: string, quote: string): boolean {
  const body = quote === "'" ? rest.replace(/''/g, '') : rest.replace(/\\./g, '');
  return body.includes(quote);
}

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

  // The catalogues.
  type Cat = {
    id: string;
    title: string;
    description: string;
    stride: Stride;
    likelihood: Level;
    impact: Level;
    extra: Record<string, unknown>;
  };
  const threats = new Map<string, Cat>();
  asArray(json.threats).forEach((t, i) => {
    const at = pointer('threats', i);
    if (!isObject(t)) {
      draft.warn(at, 'A threat that is not an object was skipped.');
      return;
    }
    const title = cleanName(t.name, asString(t.id) || 'Threat');
    const cats = asArray(t.categories);
    const own =
      isObject(t.attributes) && isObject(t.attributes[OTM_ATTRIBUTE])
        ? t.attributes[OTM_ATTRIBUTE]
        : {};
    let stride: Stride | null = null;
    for (const c of cats) {
      const s = strideFromWord(c);
      if (s) {
        stride = s.stride;
        break;
      }
    }
    if (/^[STRIDE]$/.test(asString(own.stride))) stride = asString(own.stride) as Stride;
    if (stride === null) {
      draft.warn(
        at,
        `Threat "${title}" has no STRIDE category; it is filed under ${STRIDE_NAMES.I}.`,
      );
      stride = 'I';
    }
    if (cats.length > 1)
      draft.drop(
        `${at}/categories`,
        `Further categories of "${title}" (${cats
          .slice(1)
          .map((c) => cleanName(c, ''))
          .join(', ')}).`,
      );
    const risk = isObject(t.risk) ? t.risk : {};
    const lvl = (v: unknown, fallback: Level): Level => {
      const n = asNumber(v);
      return n === null ? fallback : levelOf(Math.ceil(Math.min(100, Math.max(0, n)) / 25));
    };
    const ownL = asNumber(own.likelihood);
    const ownI = asNumber(own.impact);
    const likelihood =
      ownL !== null && ownL >= 1 && ownL <= 4 ? levelOf(ownL) : lvl(risk.likelihood, 2);
    const impact = ownI !== null && ownI >= 1 && ownI <= 4 ? levelOf(ownI) : lvl(risk.impact, 2);
    const cwe = asArray(t.cwes)
      .map((c) =>
        asString(c)
          .toUpperCase()
          .replace(/^CWE[- ]?/, 'CWE-'),
      )
      .filter((c) => /^CWE-\d{1,5}$/.test(c))
      .slice(0, 20);
    const extra: Record<string, unknown> = { cwe };
    for (const k of ['ruleId', 'owasp'] as const) if (typeof own[k] === 'string') extra[k] = own[k];
    if (Array.isArray(own.capec))
      extra.capec = own.capec.filter((c) => typeof c === 'string' && /^CAPEC-\d{1,5}$/.test(c));
    if (typeof own.threatId === 'string') extra.ownId = own.threatId;
    if (typeof risk.likelihoodComment === 'string' || typeof risk.impactComment === 'string')
      draft.drop(`${at}/risk`, `Risk comments of "${title}".`);
    threats.set(asString(t.id), {
      id: asString(t.id),
      title,
      description: cleanText(t.description),
      stride,
      likelihood,
      impact,
      extra,
    });
  });
  const mitigations = new Map<string, { title: string; description: string }>();
  asArray(json.mitigations).forEach((m, i) => {
    if (!isObject(m)) {
      draft.warn(pointer('mitigations', i), 'A mitigation that is not an object was skipped.');
      return;
    }
    mitigations.set(asString(m.id), {
      title: cleanName(m.name, asString(m.id) || 'Mitigation'),
      description: cleanText(m.description),
    });
  });

  // Instances on components and flows. Bulwark's own files split one catalogue threat by
  // rating; `ownId` joins them again.
  const catalogueOf = new Map<string, string>();
  const instancesOn = (list: unknown, elementId: string, at: string) => {
    asArray(list).forEach((inst, i) => {
      const iat = `${at}/${i}`;
      if (!isObject(inst)) {
        draft.warn(iat, 'A threat instance that is not an object was skipped.');
        return;
      }
      const t = threats.get(asString(inst.threat));
      if (!t) {
        draft.warn(
          iat,
          `Threat instance refers to "${cleanName(inst.threat, '?')}", which is not in the threat catalogue; it is skipped.`,
        );
        return;
      }
      const key = asString(t.extra.ownId ?? t.id);
      let catalogueId = catalogueOf.get(key);
      const entry = () => ({
        id: catalogueId,
        title: t.title,
        description: t.description,
        stride: t.stride,
        likelihood: t.likelihood,
        impact: t.impact,
        ...(typeof t.extra.ruleId === 'string' ? { ruleId: t.extra.ruleId } : {}),
        ...(typeof t.extra.owasp === 'string' ? { owasp: t.extra.owasp } : {}),
        cwe: t.extra.cwe,
        ...(Array.isArray(t.extra.capec) ? { capec: t.extra.capec } : {}),
      });
      if (catalogueId === undefined) {
        catalogueId = draft.threatIds.take(key, 'otm-threat');
        catalogueOf.set(key, catalogueId);
        const e = entry();
        // A rule entry must carry its rule's id; otherwise keep it as an imported threat.
        if ('ruleId' in e && e.ruleId !== catalogueId) delete (e as { ruleId?: unknown }).ruleId;
        draft.catalogue.push(e);
      }
      let status: ThreatStatus = threatStatusFromWord(inst.state) ?? 'open';
      if (threatStatusFromWord(inst.state) === null)
        draft.warn(`${iat}/state`, `Threat state "${cleanName(inst.state, '')}" is read as open.`);
      if (status === 'accepted') {
        draft.warn(
          `${iat}/state`,
          `Accepted threat "${t.title}" comes in as open: OTM carries no owner, rationale or expiry for the acceptance.`,
        );
        status = 'open';
      }
      const mits = asArray(inst.mitigations).flatMap((m, mi) => {
        if (!isObject(m)) return [];
        const known = mitigations.get(asString(m.mitigation));
        if (!known) {
          draft.warn(
            `${iat}/mitigations/${mi}`,
            `Mitigation "${cleanName(m.mitigation, '?')}" is not in the mitigation catalogue; it is skipped.`,
          );
          return [];
        }
        const st = mitigationStatusFromWord(m.state);
        if (st === null && asString(m.state) !== '')
          draft.drop(
            `${iat}/mitigations/${mi}/state`,
            `Mitigation state "${cleanName(m.state, '')}" of "${known.title}" (read as proposed).`,
          );
        return [
          {
            id: catalogueIds().take(m.mitigation, `m${mi + 1}`),
            title: known.title,
            description: known.description,
            status: st ?? 'proposed',
          },
        ];
      });
      const seen = new Set<string>();
      const unique = mits.filter((m) => !seen.has(m.id) && seen.add(m.id));
      draft.addInstance(
        catalogueId,
        elementId,
        { status, rating: { likelihood: t.likelihood, impact: t.impact }, mitigations: unique },
        iat,
        () => ({ ...entry(), ruleId: null }),
      );
    });
  };
  asArray(json.components).forEach((c, i) => {
    if (!isObject(c)) return;
    const id = componentIds.get(asString(c.id));
    if (id !== undefined) instancesOn(c.threats, id, pointer('components', i, 'threats'));
  });
  asArray(json.dataflows).forEach((f, i) => {
    if (!isObject(f)) return;
    const id = flowIds.get(asString(f.id));
    if (id !== undefined) instancesOn(f.threats, id, pointer('dataflows', i, 'threats'));
  });
  return draft.finish('otm', file, options);
}
