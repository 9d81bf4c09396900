import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ElementKind, Layout, Stride, ThreatStatus } from '../threats/model';
import { STRIDE_NAMES } from '../threats/model';
import type { JsonObject } from './common';
import { asArray, asNumber, asString, cleanName, cleanText, isObject } from './common';
import { Draft, failure, guarded, textLocator, tooLarge } from './draft';
import type { Point } from './geometry';
import { centre, crossesPolyline, inside } from './geometry';
import { ratingOf, severityFromWord, strideFromWord, threatStatusFromWord } from './vocabulary';
import type { ImportOptions, ImportResult } from './types';

// Microsoft Threat Modeling Tool models (.tm7): XML written by WCF's data-contract
// serializer. Drawing surfaces hold `Borders` (stencils and box boundaries) and `Lines`
// (flows and line boundaries); threat instances are keyed by interaction (source, flow,
// target). The template embedded in `KnowledgeBase` is skipped without being parsed.

const ARRAYS = new Set([
  'KeyValueOfguidanyType',
  'anyType',
  'DrawingSurfaceModel',
  'KeyValueOfstringstring',
  'string',
]);

function parser(): XMLParser {
  return new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => ARRAYS.has(name),
    // The template is most of the file and is not needed.
    stopNodes: ['ThreatModel.KnowledgeBase'],
  });
}

/** `Value` of a property; `#text` when the serializer wrote a typed value. */
function valueOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    if (v['@nil'] === 'true') return '';
    return asString(v['#text']);
  }
  return '';
}

type Props = { readonly byName: ReadonlyMap<string, string>; readonly listed: readonly string[] };

function propertiesOf(node: JsonObject): Props {
  const props = isObject(node.Properties) ? asArray(node.Properties.anyType) : [];
  const byName = new Map<string, string>();
  const listed: string[] = [];
  for (const p of props) {
    if (!isObject(p)) continue;
    const name = asString(p.DisplayName);
    const type = asString(p['@type']);
    if (type.includes('HeaderDisplayAttribute')) continue;
    const value =
      isObject(p.Value) && Array.isArray(p.Value.string)
        ? asString(p.Value.string[Number(asString(p.SelectedIndex) || '0')])
        : valueOf(p.Value);
    if (!byName.has(name)) byName.set(name, value);
    listed.push(name);
  }
  return { byName, listed };
}

const STENCIL_KINDS: Readonly<Record<string, ElementKind>> = {
  'GE.EI': 'external-entity',
  'GE.P': 'process',
  'GE.DS': 'data-store',
};

/** The first of the values that is not empty ('' when all are). */
function firstText(...values: readonly (string | undefined)[]): string {
  return values.find((v) => v !== undefined && v !== '') ?? '';
}

/** HTML from TMT's mitigation texts (links) as plain text. */
function plain(html: string): string {
  return html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/gi, (_m, href: string, label: string) =>
      label === href ? href : `${label} (${href})`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The text with the embedded template's content blanked (its line breaks kept, so line
 * numbers stay true): most of a .tm7 file, never read, and not worth validating.
 */
function withoutTemplate(text: string): string {
  const start = text.indexOf('<KnowledgeBase');
  if (start < 0) return text;
  const open = text.indexOf('>', start);
  const end = text.indexOf('</KnowledgeBase>', open);
  if (open < 0 || end < 0 || text.charAt(open - 1) === '/') return text;
  let breaks = 0;
  for (let i = text.indexOf('\n', open + 1); i >= 0 && i < end; i = text.indexOf('\n', i + 1))
    breaks++;
  return text.slice(0, open + 1) + '\n'.repeat(breaks) + text.slice(end);
}

/** Imports a Microsoft Threat Modeling Tool model. */
export function importTm7(text: string, file: string, options: ImportOptions): ImportResult {
  return guarded(file, () => {
    const big = tooLarge(text, file);
    if (big) return big;
    const body = withoutTemplate(text.replace(/^\uFEFF/, ''));
    // fast-xml-parser points to the fast-xml-validator package, which is not a dependency
    // here; its bundled validator still reports the line and column this import needs.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const valid = XMLValidator.validate(body);
    if (valid !== true)
      return failure(file, `not well-formed XML: ${valid.err.msg}`, {
        line: valid.err.line,
        column: valid.err.col,
      });
    const doc: unknown = parser().parse(body);
    const locate = textLocator(body);
    const root = isObject(doc) ? doc.ThreatModel : undefined;
    if (!isObject(root))
      return failure(
        file,
        'not a Threat Modeling Tool model: the root element is not <ThreatModel>.',
        { line: 1, column: 1 },
      );
    if (!isObject(root.DrawingSurfaceList) && root.DrawingSurfaceList !== '')
      return failure(file, 'the model has no <DrawingSurfaceList>.', locate('<ThreatModel'));
    return fromXml(root, file, options, locate);
  });
}

function fromXml(
  root: JsonObject,
  file: string,
  options: ImportOptions,
  locate: (s: string) => ReturnType<ReturnType<typeof textLocator>>,
): ImportResult {
  const draft = new Draft(locate);
  const meta = isObject(root.MetaInformation) ? root.MetaInformation : {};
  const surfaces = isObject(root.DrawingSurfaceList)
    ? asArray(root.DrawingSurfaceList.DrawingSurfaceModel)
    : [];
  const firstSurface = surfaces.find(isObject);
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.tm7$/i, '');
  draft.title = cleanName(
    meta.ThreatModelName,
    stem || (firstSurface ? cleanName(propertiesOf(firstSurface).byName.get('Name'), '') : ''),
  );
  draft.scope = asString(meta.HighLevelSystemDescription);
  draft.assumptions = asString(meta.Assumptions)
    .split(/\n+/)
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .slice(0, 200);
  for (const key of ['Owner', 'Reviewer', 'Contributors', 'ExternalDependencies'] as const)
    if (asString(meta[key]).trim() !== '')
      draft.drop('<MetaInformation>', `${key}: "${cleanName(meta[key], '')}".`);
  if (asString(root.Notes).trim() !== '' || isObject(root.Notes))
    draft.drop('<Notes>', 'Notes of the model.');
  if (surfaces.length > 1)
    draft.drop('<DrawingSurfaceList>', `${surfaces.length} diagrams were merged into one model.`);

  const idOf = new Map<string, string>();
  const layouts = new Map<string, Layout>();
  const lineBoundaries: { id: string; line: Point[] }[] = [];
  const templateProps = new Map<string, number>();
  const flowEnds = new Map<string, { a: Point; b: Point }>();
  let boundaryCount = 0;

  for (const s of surfaces) {
    if (!isObject(s)) continue;
    const borders = isObject(s.Borders) ? asArray(s.Borders.KeyValueOfguidanyType) : [];
    for (const kv of borders) {
      if (!isObject(kv) || !isObject(kv.Value)) continue;
      const v = kv.Value;
      const guid = asString(v.Guid) || asString(kv.Key);
      const generic = asString(v.GenericTypeId);
      const props = propertiesOf(v);
      const name = props.byName.get('Name') ?? '';
      const left = asNumber(v.Left);
      const top = asNumber(v.Top);
      const width = asNumber(v.Width);
      const height = asNumber(v.Height);
      const layout =
        left !== null &&
        top !== null &&
        width !== null &&
        height !== null &&
        width >= 0 &&
        height >= 0
          ? { x: left, y: top, width, height }
          : undefined;
      const kind = STENCIL_KINDS[generic];
      const isBox = generic === 'GE.TB.B';
      if (!kind && !isBox) {
        draft.drop(
          guid,
          `A ${cleanName(v['@type'] ?? generic, 'shape')} ("${cleanName(name, 'annotation')}") is not a threat model element.`,
        );
        continue;
      }
      const id = draft.ids.take(guid, isBox ? 'boundary' : (kind ?? 'element'));
      idOf.set(guid, id);
      if (layout) layouts.set(id, layout);
      for (const p of props.listed)
        if (!['Name', 'Out Of Scope', 'Reason For Out Of Scope', 'Dataflow Order'].includes(p))
          templateProps.set(p, (templateProps.get(p) ?? 0) + 1);
      const stencil = asString(v.TypeId);
      const common = {
        id,
        name: cleanName(name, isBox ? `Trust boundary ${++boundaryCount}` : stencil || 'Element'),
        outOfScope: props.byName.get('Out Of Scope') === 'true',
        outOfScopeReason: cleanText(props.byName.get('Reason For Out Of Scope') ?? ''),
        ...(layout ? { layout } : {}),
      };
      if (isBox) draft.addElement({ kind: 'trust-boundary', ...common, contains: [] }, guid);
      else if (kind) draft.addElement({ kind, ...common }, guid);
    }
  }
  for (const s of surfaces) {
    if (!isObject(s)) continue;
    const lines = isObject(s.Lines) ? asArray(s.Lines.KeyValueOfguidanyType) : [];
    for (const kv of lines) {
      if (!isObject(kv) || !isObject(kv.Value)) continue;
      const v = kv.Value;
      const guid = asString(v.Guid) || asString(kv.Key);
      const generic = asString(v.GenericTypeId);
      const props = propertiesOf(v);
      const name = props.byName.get('Name') ?? '';
      const pt = (x: unknown, y: unknown): Point | null => {
        const px = asNumber(x);
        const py = asNumber(y);
        return px === null || py === null ? null : { x: px, y: py };
      };
      if (generic === 'GE.TB.L') {
        const line = [
          pt(v.SourceX, v.SourceY),
          pt(v.HandleX, v.HandleY),
          pt(v.TargetX, v.TargetY),
        ].filter((p): p is Point => p !== null);
        const id = draft.ids.take(guid, 'boundary');
        idOf.set(guid, id);
        draft.addElement(
          {
            kind: 'trust-boundary',
            id,
            name: cleanName(name, `Trust boundary ${++boundaryCount}`),
            contains: [],
          },
          guid,
        );
        lineBoundaries.push({ id, line });
        continue;
      }
      if (generic !== 'GE.DF') {
        draft.drop(
          guid,
          `A line of type ${cleanName(generic, 'unknown')} ("${cleanName(name, '')}").`,
        );
        continue;
      }
      const source = idOf.get(asString(v.SourceGuid));
      const target = idOf.get(asString(v.TargetGuid));
      const src = source === undefined ? undefined : draft.element(source);
      const tgt = target === undefined ? undefined : draft.element(target);
      if (!src || !tgt || src.kind === 'trust-boundary' || tgt.kind === 'trust-boundary') {
        draft.warn(
          guid,
          `Flow "${cleanName(name, 'unnamed')}" does not connect two elements; it is not imported.`,
        );
        draft.drop(guid, `Flow "${cleanName(name, 'unnamed')}" with a loose end.`);
        continue;
      }
      for (const p of props.listed)
        if (!['Name', 'Out Of Scope', 'Reason For Out Of Scope', 'Dataflow Order'].includes(p))
          templateProps.set(p, (templateProps.get(p) ?? 0) + 1);
      const id = draft.ids.take(guid, 'flow');
      idOf.set(guid, id);
      draft.addElement(
        {
          kind: 'data-flow',
          id,
          name: cleanName(name, `${src.name} to ${tgt.name}`),
          outOfScope: props.byName.get('Out Of Scope') === 'true',
          outOfScopeReason: cleanText(props.byName.get('Reason For Out Of Scope') ?? ''),
          source: src.id,
          target: tgt.id,
          crossesBoundaries: [] as string[],
        },
        guid,
      );
      const ls = layouts.get(src.id);
      const lt = layouts.get(tgt.id);
      const a = pt(v.SourceX, v.SourceY) ?? (ls ? centre(ls) : null);
      const b = pt(v.TargetX, v.TargetY) ?? (lt ? centre(lt) : null);
      if (a && b) flowEnds.set(id, { a, b });
    }
  }
  if (templateProps.size > 0)
    draft.drop(
      '<Properties>',
      `Template properties of elements and flows (${[...templateProps.keys()].slice(0, 8).join(', ')}${templateProps.size > 8 ? ', …' : ''}).`,
    );
  draft.drop(
    '<KnowledgeBase>',
    'The embedded threat template (stencils, threat types, generation rules).',
  );

  // Boxes contain what their area holds (the smallest enclosing box).
  const boxes = draft.elements.filter((e) => e.kind === 'trust-boundary' && layouts.has(e.id));
  for (const e of draft.elements) {
    const l = layouts.get(e.id);
    if (e.kind === 'data-flow' || !l) continue;
    const p = centre(l);
    let best: { id: string; area: number } | null = null;
    for (const b of boxes) {
      const bl = layouts.get(b.id);
      if (!bl || b.id === e.id || !inside(p, bl)) continue;
      const area = bl.width * bl.height;
      if (e.kind === 'trust-boundary' && area <= l.width * l.height) continue;
      if (best === null || area < best.area) best = { id: b.id, area };
    }
    if (best) (draft.element(best.id)?.contains as string[]).push(e.id);
  }
  for (const lb of lineBoundaries)
    for (const [flowId, ends] of flowEnds)
      if (lb.line.length >= 2 && crossesPolyline(ends.a, ends.b, lb.line))
        (draft.element(flowId)?.crossesBoundaries as string[]).push(lb.id);

  // Threat instances.
  const ti = isObject(root.ThreatInstances) ? root.ThreatInstances : {};
  const entries = Object.entries(ti).flatMap(([k, v]) =>
    k.startsWith('KeyValueOf') ? (Array.isArray(v) ? (v as unknown[]) : [v]) : [],
  );
  const catalogueOf = new Map<string, string>();
  let sdlPhases = 0;
  entries.forEach((kv, i) => {
    if (!isObject(kv) || !isObject(kv.Value)) return;
    const v = kv.Value;
    const key = asString(kv.Key);
    const at = key || `ThreatInstances[${i}]`;
    const props = new Map<string, string>();
    const kvs = isObject(v.Properties) ? asArray(v.Properties.KeyValueOfstringstring) : [];
    for (const p of kvs) if (isObject(p)) props.set(asString(p.Key), valueOf(p.Value));
    const elementGuid = asString(v.FlowGuid) || asString(v.TargetGuid);
    const elementId = idOf.get(elementGuid);
    const el = elementId === undefined ? undefined : draft.element(elementId);
    const title = cleanName(
      firstText(props.get('Title'), valueOf(v.Title)),
      firstText(asString(v.TypeId), 'Threat'),
    );
    if (!el || el.kind === 'trust-boundary') {
      draft.warn(
        at,
        `Threat "${title}" is on an interaction that was not imported; it is skipped.`,
      );
      draft.drop(at, `Threat "${title}" on a missing interaction.`);
      return;
    }
    const category = firstText(props.get('UserThreatCategory'), valueOf(v.UserThreatCategory));
    const parsed = strideFromWord(category);
    const stride: Stride = parsed?.stride ?? 'I';
    if (!parsed)
      draft.warn(
        at,
        `Threat "${title}" has category "${cleanName(category, '(none)')}"; it is filed under ${STRIDE_NAMES.I}.`,
      );
    const description = cleanText(
      firstText(
        props.get('UserThreatDescription'),
        valueOf(v.UserThreatDescription),
        props.get('UserThreatShortDescription'),
      ),
    );
    const stateWord = asString(v.State);
    let status: ThreatStatus = threatStatusFromWord(stateWord) ?? 'open';
    if (threatStatusFromWord(stateWord) === null && stateWord !== '')
      draft.warn(at, `Threat state "${cleanName(stateWord, '')}" of "${title}" is read as open.`);
    if (status === 'accepted') status = 'open';
    const priority = firstText(props.get('Priority'), asString(v.Priority));
    const sev = severityFromWord(priority);
    if (sev === null && priority !== '')
      draft.warn(at, `Priority "${cleanName(priority, '')}" of "${title}" is read as medium.`);
    const rating = ratingOf(sev ?? 'medium');
    const justification = cleanText(valueOf(v.StateInformation));
    const mitigationText = plain(props.get('PossibleMitigations') ?? '').trim();
    const mitigations =
      mitigationText === ''
        ? []
        : [
            {
              id: 'm1',
              title: cleanName(
                mitigationText.split(/(?<=\.)\s/)[0] ?? mitigationText,
                'Mitigation',
              ),
              description: cleanText(mitigationText),
              status: status === 'mitigated' ? 'implemented' : 'proposed',
            },
          ];
    const typeId = asString(v.TypeId) || 'tmt-threat';
    const catKey = JSON.stringify([typeId, title, description, stride, rating]);
    let catalogueId = catalogueOf.get(catKey);
    const entry = () => ({
      id: catalogueId,
      title,
      description,
      stride,
      likelihood: rating.likelihood,
      impact: rating.impact,
      mitigations: mitigations.map((m) => ({
        id: m.id,
        title: m.title,
        description: m.description,
      })),
    });
    if (catalogueId === undefined) {
      catalogueId = draft.threatIds.take(typeId, 'tmt-threat');
      catalogueOf.set(catKey, catalogueId);
      draft.catalogue.push(entry());
    }
    if (props.get('SDLPhase')) sdlPhases++;
    draft.addInstance(
      catalogueId,
      el.id,
      { status, rating, mitigations, notes: justification },
      at,
      entry,
    );
  });
  if (sdlPhases > 0) draft.drop('<ThreatInstances>', `SDL phases of ${sdlPhases} threats.`);
  return draft.finish('tm7', file, options);
}
