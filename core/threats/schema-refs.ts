// Cross-reference checks of a parsed model: each problem is reported at the path of the
// field that points nowhere, so `model.elements[3].source` tells the author where to look.

type RefElement = {
  readonly kind: string;
  readonly id: string;
  readonly source?: string;
  readonly target?: string;
  readonly dataCarried?: readonly string[];
  readonly crossesBoundaries?: readonly string[];
  readonly assets?: readonly string[];
  readonly contains?: readonly string[];
};

type RefModel = {
  readonly assets: readonly { readonly id: string }[];
  readonly elements: readonly RefElement[];
  readonly threats: {
    readonly catalogue: readonly { readonly id: string; readonly ruleId: string | null }[];
    readonly instances: readonly {
      readonly id: string;
      readonly threatId: string;
      readonly elementId: string;
      readonly stale: boolean;
    }[];
  };
};

type Ctx = {
  addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void;
};

const ENDPOINT_KINDS = new Set(['external-entity', 'process', 'data-store']);

function duplicates(
  ctx: Ctx,
  items: readonly { readonly id: string }[],
  path: string[],
  what: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'id'],
        message: `The ${what} id "${item.id}" appears twice.`,
      });
    seen.add(item.id);
  });
}

/** Adds an issue for every dangling or duplicated reference in the model. */
export function checkReferences(model: RefModel, ctx: Ctx): void {
  duplicates(ctx, model.elements, ['elements'], 'element');
  duplicates(ctx, model.assets, ['assets'], 'asset');
  duplicates(ctx, model.threats.catalogue, ['threats', 'catalogue'], 'threat');
  duplicates(ctx, model.threats.instances, ['threats', 'instances'], 'threat instance');
  const kinds = new Map(model.elements.map((e) => [e.id, e.kind]));
  const assets = new Set(model.assets.map((a) => a.id));
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  model.elements.forEach((e, i) => {
    for (const end of ['source', 'target'] as const) {
      const ref = e[end];
      if (ref === undefined) continue;
      const kind = kinds.get(ref);
      if (kind === undefined) issue(['elements', i, end], `There is no element with id "${ref}".`);
      else if (!ENDPOINT_KINDS.has(kind))
        issue(
          ['elements', i, end],
          `"${ref}" is a ${kind}; a flow connects external entities, processes and data stores.`,
        );
    }
    for (const field of ['dataCarried', 'assets'] as const)
      e[field]?.forEach((ref, j) => {
        if (!assets.has(ref))
          issue(['elements', i, field, j], `There is no asset with id "${ref}".`);
      });
    e.crossesBoundaries?.forEach((ref, j) => {
      if (kinds.get(ref) !== 'trust-boundary')
        issue(
          ['elements', i, 'crossesBoundaries', j],
          `There is no trust boundary with id "${ref}".`,
        );
    });
    e.contains?.forEach((ref, j) => {
      if (ref === e.id) issue(['elements', i, 'contains', j], 'A boundary cannot contain itself.');
      else if (!kinds.has(ref))
        issue(['elements', i, 'contains', j], `There is no element with id "${ref}".`);
    });
  });
  checkNestingCycles(model.elements, issue);

  const catalogue = new Map(model.threats.catalogue.map((t) => [t.id, t]));
  model.threats.catalogue.forEach((t, i) => {
    if (t.ruleId !== null && t.ruleId !== t.id)
      issue(
        ['threats', 'catalogue', i, 'ruleId'],
        `A rule's catalogue entry has the rule's id ("${t.ruleId}").`,
      );
  });
  model.threats.instances.forEach((t, i) => {
    if (!catalogue.has(t.threatId))
      issue(
        ['threats', 'instances', i, 'threatId'],
        `There is no catalogue threat with id "${t.threatId}".`,
      );
    // A stale instance may outlive its element: that is why it is stale.
    if (!t.stale && !kinds.has(t.elementId))
      issue(
        ['threats', 'instances', i, 'elementId'],
        `There is no element with id "${t.elementId}" (only a stale threat may point to a removed element).`,
      );
  });
}

function checkNestingCycles(
  elements: readonly RefElement[],
  issue: (path: (string | number)[], message: string) => void,
): void {
  const children = new Map<string, readonly string[]>();
  for (const e of elements) if (e.kind === 'trust-boundary') children.set(e.id, e.contains ?? []);
  elements.forEach((e, i) => {
    if (e.kind !== 'trust-boundary') return;
    const seen = new Set<string>();
    const stack = [...(children.get(e.id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next === undefined || seen.has(next)) continue;
      if (next === e.id) {
        issue(['elements', i, 'contains'], `Boundary "${e.id}" ends up containing itself.`);
        return;
      }
      seen.add(next);
      stack.push(...(children.get(next) ?? []));
    }
  });
}
