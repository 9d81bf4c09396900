import type { ElementKind, Layout, Level, Stride, ThreatStatus } from '../threats/model';
import { STRIDE_NAMES } from '../threats/model';
import type { Severity } from '../threats/risk';
import { severity as matrixSeverity } from '../threats/risk';
import type { JsonObject } from './common';
import {
  asArray,
  asBool,
  asString,
  cleanName,
  cleanText,
  isObject,
  pointer,
  stripBom,
} from './common';
import { Draft, failure, guarded, jsonLocator, parseJson, tooLarge } from './draft';
import type { Point } from './geometry';
import { centre, crossesPolyline, inside, layoutOf, pointOf } from './geometry';
import {
  ratingOf,
  severityFromWord,
  splitMitigations,
  strideFromWord,
  threatStatusFromWord,
} from './vocabulary';
import type { ImportOptions, ImportResult } from './types';

// Threat Dragon v1 and v2 models (domain §7). Real files fail Threat Dragon's own schema
// (threats in `data.threats`, `strokeDasharray: null`), so the importer reads what Threat
// Dragon itself reads: a `summary` with a title and a `detail` with `diagrams`, and then
// every cell it understands, reporting the rest.

type Shape = 'actor' | 'process' | 'store' | 'flow' | 'box' | 'curve' | 'text' | 'unknown';

const V2_SHAPES: Readonly<Record<string, Shape>> = {
  actor: 'actor',
  process: 'process',
  store: 'store',
  flow: 'flow',
  'trust-boundary-box': 'box',
  'trust-boundary-curve': 'curve',
  // The legacy misspelling Threat Dragon itself still reads.
  'trust-broundary-curve': 'curve',
  'td-text-block': 'text',
};
const TYPE_SHAPES: Readonly<Record<string, Shape>> = {
  'tm.Actor': 'actor',
  'tm.Process': 'process',
  'tm.Store': 'store',
  'tm.Flow': 'flow',
  'tm.BoundaryBox': 'box',
  'tm.Boundary': 'curve',
  'tm.Text': 'text',
};
const KIND_OF: Partial<Record<Shape, ElementKind>> = {
  actor: 'external-entity',
  process: 'process',
  store: 'data-store',
};

type CellInfo = {
  readonly cell: JsonObject;
  readonly data: JsonObject;
  readonly at: string;
  readonly shape: Shape;
};

/** Imports a Threat Dragon v1 or v2 model. */
export function importThreatDragon(
  raw: string,
  file: string,
  options: ImportOptions,
): ImportResult {
  return guarded(file, () => {
    const text = stripBom(raw);
    const big = tooLarge(text, file);
    if (big) return big;
    const parsed = parseJson(text, file);
    if (!parsed.ok) return parsed.result;
    return fromJson(parsed.json, text, file, options);
  });
}

function fromJson(json: unknown, text: string, file: string, options: ImportOptions): ImportResult {
  const locate = jsonLocator(text);
  const fail = (at: string, message: string) => failure(file, message, locate(at));
  if (!isObject(json)) return fail('', 'a Threat Dragon model is a JSON object.');
  const misspelt = (key: string, found: readonly string[]) => {
    const other = found.find((k) => k in json);
    return other === undefined ? '' : ` (found "${other}" instead)`;
  };
  if (!isObject(json.summary))
    return fail(
      isObject(json.summarize) ? '/summarize' : '',
      `a Threat Dragon model needs a "summary" object${misspelt('summary', ['summarize', 'summaries'])}.`,
    );
  if (typeof json.summary.title !== 'string')
    return fail(
      '/summary',
      `the summary needs a "title" text${'titled' in json.summary ? ' (found "titled" instead)' : ''}.`,
    );
  if (!isObject(json.detail))
    return fail(
      isObject(json.details) ? '/details' : '',
      `a Threat Dragon model needs a "detail" object${misspelt('detail', ['details'])}.`,
    );
  if (!Array.isArray(json.detail.diagrams))
    return fail(
      '/detail',
      `the detail needs a "diagrams" list${'diagramming' in json.detail ? ' (found "diagramming" instead)' : ''}.`,
    );
  const diagrams = json.detail.diagrams;
  const v2 =
    asString(json.version).startsWith('2') ||
    diagrams.some((d) => isObject(d) && Array.isArray(d.cells));
  const draft = new Draft(locate);
  draft.title = json.summary.title;
  draft.scope = asString(json.summary.description);
  for (const key of ['owner', 'reviewer'] as const) {
    const value = key === 'owner' ? json.summary.owner : json.detail.reviewer;
    if (asString(value).trim() !== '')
      draft.drop(
        key === 'owner' ? '/summary/owner' : '/detail/reviewer',
        `The ${key} ("${cleanName(value, '')}").`,
      );
  }
  if (asArray(json.detail.contributors).length > 0)
    draft.drop('/detail/contributors', `${asArray(json.detail.contributors).length} contributors.`);

  const cells: CellInfo[] = [];
  let nonEmpty = 0;
  diagrams.forEach((d, di) => {
    const at = pointer('detail', 'diagrams', di);
    if (!isObject(d)) {
      draft.warn(at, 'A diagram that is not an object was skipped.');
      return;
    }
    const list = Array.isArray(d.cells)
      ? { cells: d.cells, base: pointer('detail', 'diagrams', di, 'cells') }
      : isObject(d.diagramJson) && Array.isArray(d.diagramJson.cells)
        ? {
            cells: d.diagramJson.cells,
            base: pointer('detail', 'diagrams', di, 'diagramJson', 'cells'),
          }
        : null;
    if (list === null || list.cells.length === 0) return;
    nonEmpty++;
    const type = asString(d.diagramType);
    if (type !== '' && type !== 'STRIDE')
      draft.warn(
        at,
        `Diagram "${cleanName(d.title, String(di))}" is a ${cleanName(type, '')} diagram; its threat types are filed under the nearest STRIDE category.`,
      );
    list.cells.forEach((c, ci) => {
      const cat = `${list.base}/${ci}`;
      if (!isObject(c)) {
        draft.warn(cat, 'A cell that is not an object was skipped.');
        return;
      }
      const data = v2 && isObject(c.data) ? c.data : c;
      const shape =
        V2_SHAPES[asString(c.shape)] ??
        TYPE_SHAPES[asString(c.type)] ??
        TYPE_SHAPES[asString(data.type)] ??
        'unknown';
      cells.push({ cell: c, data, at: cat, shape });
    });
  });
  if (nonEmpty > 1)
    draft.drop(
      '/detail/diagrams',
      `${nonEmpty} diagrams were merged into one model (Bulwark keeps one data flow diagram per model).`,
    );

  // Nodes first, so flows and boundaries can refer to them.
  const idOf = new Map<string, string>();
  const layouts = new Map<string, Layout>();
  const nameOf = (c: CellInfo): string => {
    const attrs = isObject(c.cell.attrs) ? c.cell.attrs : {};
    const label = isObject(attrs.text) ? attrs.text.text : undefined;
    const firstLabel = asArray(c.cell.labels)[0];
    const labelText =
      typeof firstLabel === 'string'
        ? firstLabel
        : isObject(firstLabel) && isObject(firstLabel.attrs) && isObject(firstLabel.attrs.text)
          ? firstLabel.attrs.text.text
          : undefined;
    for (const v of [c.data.name, label, labelText, c.cell.name])
      if (asString(v).trim() !== '') return asString(v);
    return '';
  };
  const common = (c: CellInfo, fallback: string) => ({
    name: cleanName(nameOf(c), fallback),
    description: cleanText(c.data.description),
    outOfScope: asBool(c.data.outOfScope),
    outOfScopeReason: cleanText(c.data.reasonOutOfScope),
  });

  let boundaryCount = 0;
  for (const c of cells) {
    const kind = KIND_OF[c.shape];
    if (kind === undefined && c.shape !== 'box') continue;
    const id = draft.ids.take(c.cell.id, c.shape);
    idOf.set(asString(c.cell.id), id);
    const layout = layoutOf(c.cell.position, c.cell.size);
    if (layout) layouts.set(id, layout);
    const base = { id, ...(layout ? { layout } : {}) };
    switch (c.shape) {
      case 'actor':
        draft.addElement(
          {
            kind: 'external-entity',
            ...base,
            ...common(c, 'External entity'),
            authenticated: asBool(c.data.providesAuthentication),
          },
          c.at,
        );
        break;
      case 'process':
        draft.addElement({ kind: 'process', ...base, ...common(c, 'Process') }, c.at);
        if (asString(c.data.privilegeLevel).trim() !== '')
          draft.drop(
            c.at,
            `Privilege level "${cleanName(c.data.privilegeLevel, '')}" of "${nameOf(c)}".`,
          );
        break;
      case 'store':
        draft.addElement(
          {
            kind: 'data-store',
            ...base,
            ...common(c, 'Data store'),
            isLog: asBool(c.data.isALog),
            holdsCredentials: asBool(c.data.storesCredentials),
            encryptedAtRest: asBool(c.data.isEncrypted),
            tamperEvident: asBool(c.data.isSigned),
          },
          c.at,
        );
        break;
      case 'box':
        boundaryCount++;
        draft.addElement(
          {
            kind: 'trust-boundary',
            ...base,
            ...common(c, `Trust boundary ${boundaryCount}`),
            contains: [],
          },
          c.at,
        );
        break;
      default:
        break;
    }
  }

  // Flows between nodes.
  // A flow's course: from its source's centre through its drawn bends to its target's centre.
  const flowPaths = new Map<string, Point[]>();
  for (const c of cells) {
    if (c.shape !== 'flow') continue;
    const end = (v: unknown): string | null => {
      if (!isObject(v)) return null;
      const ref = asString(v.cell ?? v.id);
      return idOf.get(ref) ?? null;
    };
    const source = end(c.cell.source);
    const target = end(c.cell.target);
    const name = nameOf(c);
    const srcEl = source === null ? undefined : draft.element(source);
    const tgtEl = target === null ? undefined : draft.element(target);
    if (!srcEl || !tgtEl || srcEl.kind === 'trust-boundary' || tgtEl.kind === 'trust-boundary') {
      draft.warn(
        c.at,
        `Flow "${cleanName(name, 'unnamed')}" does not connect two elements (an end is loose or on a boundary); it is not imported.`,
      );
      draft.drop(c.at, `Flow "${cleanName(name, 'unnamed')}" with a loose end.`);
      continue;
    }
    const id = draft.ids.take(c.cell.id, 'flow');
    idOf.set(asString(c.cell.id), id);
    const tags = asBool(c.data.isPublicNetwork) ? ['public-network'] : [];
    draft.addElement(
      {
        kind: 'data-flow',
        id,
        ...common(c, `${srcEl.name} to ${tgtEl.name}`),
        source: srcEl.id,
        target: tgtEl.id,
        bidirectional: asBool(c.data.isBidirectional),
        protocol: cleanName(c.data.protocol, '').slice(0, 200),
        tls: asBool(c.data.isEncrypted) ? 'tls' : 'none',
        crossesBoundaries: [] as string[],
        tags,
      },
      c.at,
    );
    const a = layouts.get(srcEl.id);
    const b = layouts.get(tgtEl.id);
    if (a && b) {
      const bends = asArray(c.cell.vertices)
        .map(pointOf)
        .filter((p): p is Point => p !== null);
      flowPaths.set(id, [centre(a), ...bends, centre(b)]);
    }
  }

  // Boxes contain the nodes and boxes whose centre lies inside them (the smallest box wins).
  const boxes = draft.elements.filter((e) => e.kind === 'trust-boundary');
  const area = (l: Layout) => l.width * l.height;
  for (const e of draft.elements) {
    if (e.kind === 'data-flow') continue;
    const l = layouts.get(e.id);
    if (!l) continue;
    const p = centre(l);
    let best: { id: string; area: number } | null = null;
    for (const b of boxes) {
      const bl = layouts.get(b.id);
      if (b.id === e.id || !bl || !inside(p, bl)) continue;
      if (e.kind === 'trust-boundary' && area(bl) <= area(l)) continue;
      if (best === null || area(bl) < best.area) best = { id: b.id, area: area(bl) };
    }
    if (best) (draft.element(best.id)?.contains as string[]).push(e.id);
  }

  // Curves are lines: a flow whose course crosses one crosses that boundary.
  for (const c of cells) {
    if (c.shape !== 'curve') continue;
    const line: Point[] = [];
    const src = pointOf(c.cell.source);
    if (src) line.push(src);
    for (const v of asArray(c.cell.vertices)) {
      const p = pointOf(v);
      if (p) line.push(p);
    }
    const tgt = pointOf(c.cell.target);
    if (tgt) line.push(tgt);
    boundaryCount++;
    const id = draft.ids.take(c.cell.id, 'boundary');
    draft.addElement(
      { kind: 'trust-boundary', id, ...common(c, `Trust boundary ${boundaryCount}`), contains: [] },
      c.at,
    );
    for (const [flowId, path] of flowPaths)
      if (
        line.length >= 2 &&
        path.some((p, i) => i > 0 && crossesPolyline(path[i - 1] ?? p, p, line))
      )
        (draft.element(flowId)?.crossesBoundaries as string[] | undefined)?.push(id);
  }

  for (const c of cells) {
    if (c.shape === 'text')
      draft.drop(
        c.at,
        `Text block "${cleanName(nameOf(c), '')}" (Bulwark diagrams have no free text).`,
      );
    if (c.shape === 'unknown')
      draft.warn(
        c.at,
        `A cell of unknown shape "${cleanName(c.cell.shape ?? c.cell.type, '?')}" was skipped.`,
      );
  }

  // Threats: on the cell's data in v2 (and on the cell itself, as Threat Dragon's schema says).
  const seenThreat = new Map<string, { title: string; catalogueId: string }>();
  for (const c of cells) {
    const lists = [
      { list: c.data.threats, at: `${c.at}${c.data === c.cell ? '' : '/data'}/threats` },
      ...(c.data !== c.cell ? [{ list: c.cell.threats, at: `${c.at}/threats` }] : []),
    ];
    for (const { list, at } of lists) {
      const threats = asArray(list);
      if (threats.length === 0) continue;
      const elementId = idOf.get(asString(c.cell.id));
      const el = elementId === undefined ? undefined : draft.element(elementId);
      if (!el || el.kind === 'trust-boundary') {
        draft.drop(
          at,
          `${threats.length} threats on "${cleanName(nameOf(c), c.shape)}", which is not imported as a threatened element.`,
        );
        continue;
      }
      threats.forEach((t, ti) => {
        importThreat(draft, t, `${at}/${ti}`, el.id, seenThreat);
      });
    }
  }
  return draft.finish(v2 ? 'threat-dragon-v2' : 'threat-dragon-v1', file, options);
}

/** `likelihood 2 × impact 3`: Bulwark's rating as written into Threat Dragon's score. */
export function scoreText(likelihood: Level, impact: Level): string {
  return `likelihood ${likelihood} × impact ${impact}`;
}

const SCORE = /likelihood\s*([1-4])\D+impact\s*([1-4])/i;

function importThreat(
  draft: Draft,
  t: unknown,
  at: string,
  elementId: string,
  seen: Map<string, { title: string; catalogueId: string }>,
): void {
  if (!isObject(t)) {
    draft.warn(at, 'A threat that is not an object was skipped.');
    return;
  }
  const title = cleanName(t.title, cleanName(t.type, 'Threat'));
  const description = cleanText(t.description);
  const parsedType = strideFromWord(t.type);
  const stride: Stride = parsedType?.stride ?? 'I';
  if (parsedType === null)
    draft.warn(
      at,
      `Threat "${title}" has type "${cleanName(t.type, '(none)')}", which is not a STRIDE category; it is filed under ${STRIDE_NAMES.I}.`,
    );
  else if (!parsedType.exact)
    draft.drop(
      at,
      `Threat type "${cleanName(t.type, '')}" of "${title}" (filed under ${STRIDE_NAMES[stride]}).`,
    );
  const statusWord = threatStatusFromWord(t.status);
  let status: ThreatStatus = statusWord ?? 'open';
  if (statusWord === null && asString(t.status) !== '')
    draft.warn(
      at,
      `Threat "${title}" has status "${cleanName(t.status, '')}"; it is imported as open.`,
    );
  if (status === 'accepted' || status === 'transferred') status = 'open';
  const sev: Severity | null = severityFromWord(t.severity);
  if (sev === null && asString(t.severity).trim() !== '' && asString(t.severity) !== 'TBD')
    draft.warn(
      at,
      `Threat "${title}" has severity "${cleanName(t.severity, '')}"; it is rated medium.`,
    );
  let rating = ratingOf(sev ?? 'medium');
  const score = SCORE.exec(asString(t.score));
  if (score) {
    const l = Number(score[1]) as Level;
    const i = Number(score[2]) as Level;
    // The score wins only where it agrees with the severity band (or the band is elevated).
    if (
      sev === null ||
      matrixSeverity(l, i) === sev ||
      (sev === 'medium' && matrixSeverity(l, i) === 'elevated')
    )
      rating = { likelihood: l, impact: i };
  } else if (asString(t.score).trim() !== '')
    draft.drop(at, `Score "${cleanName(t.score, '')}" of "${title}".`);
  const mitigations = splitMitigations(
    asString(t.mitigation),
    status === 'mitigated' ? 'implemented' : 'proposed',
  );
  const key = asString(t.id);
  const known = key === '' ? undefined : seen.get(key);
  const catalogueId =
    known?.title === title ? known.catalogueId : draft.threatIds.take(t.id, 'td-threat');
  const entry = () => ({
    id: catalogueId,
    title,
    description,
    stride,
    likelihood: rating.likelihood,
    impact: rating.impact,
    mitigations: mitigations.map(({ id, title: mt, description: md }) => ({
      id,
      title: mt,
      description: md,
    })),
  });
  if (known?.title !== title) {
    draft.catalogue.push(entry());
    if (key !== '') seen.set(key, { title, catalogueId });
  }
  draft.addInstance(catalogueId, elementId, { status, rating, mitigations }, at, entry);
  if (asString(t.ruleId) !== '')
    draft.drop(at, `Threat Dragon rule id "${cleanName(t.ruleId, '')}" of "${title}".`);
}
