import type { Level, Stride, ThreatStatus } from '../threats/model';
import { STRIDE_NAMES } from '../threats/model';
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
} from './common';
import type { Draft } from './draft';
import { OTM_ATTRIBUTE } from './otm-text';
import {
  levelOf,
  mitigationStatusFromWord,
  strideFromWord,
  threatStatusFromWord,
} from './vocabulary';

/**
 * Reads an OTM file's root catalogues of threats and mitigations and joins them with their
 * instances on the components and dataflows already in the draft (ids as the draft gave them).
 */
export function addOtmThreats(
  json: JsonObject,
  draft: Draft,
  componentIds: ReadonlyMap<string, string>,
  flowIds: ReadonlyMap<string, string>,
): void {
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
}
