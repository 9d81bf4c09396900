import { clean, isRecord, slug, type CacaoStep } from './cacao-shared';
import type { Issue } from './model';
import { OWASP_PATTERN } from './schema';

// Maps a foreign CACAO workflow onto Bulwark's model. CACAO branches (the cases of a
// condition, the body of a loop, each branch of a parallel step) are sub-workflows that
// finish in `end` steps, after which the condition's on_completion runs. Bulwark's
// decisions jump instead, so an `end` reached inside a branch becomes a jump to that
// continuation; inside a parallel branch it finishes the track. Action steps become
// tasks (one checklist item per command), conditions become decisions, all in one phase.

type Body = Record<string, unknown>;
/** Where converted steps go and what an `end` means there. */
type Scope = {
  readonly container: (Body | null)[];
  readonly inTrack: boolean;
  /** Our step id that an `end` reached in this scope leads to (undefined: finish the track). */
  readonly onEnd: (endId: string | undefined) => string | undefined;
};

/** A playbook value mapped from CACAO semantics, with warnings for what was dropped. */
export function convertGeneric(doc: Record<string, unknown>): {
  playbook: Body;
  warnings: Issue[];
} {
  const workflow = doc.workflow as Record<string, CacaoStep>;
  const agents = isRecord(doc.agent_definitions) ? doc.agent_definitions : {};
  const warnings: Issue[] = [];
  const used = new Set<string>(['response']);
  const unique = (base: string) => {
    let id = slug(base);
    for (let n = 2; used.has(id); n++) id = `${slug(base, 55)}-${n}`;
    used.add(id);
    return id;
  };
  const shortId = (cid: string) => {
    const [type = 'step', uuid = ''] = cid.split('--');
    return unique(uuid ? `${type}-${uuid.slice(0, 8)}` : cid);
  };

  const roles: Body[] = [
    { id: 'responder', title: 'Responder', description: 'Carries out the imported steps.' },
  ];
  const roleOfAgent = new Map<string, string>();
  const roleFor = (agent: unknown): string => {
    if (typeof agent !== 'string' || !isRecord(agents[agent])) return 'responder';
    const known = roleOfAgent.get(agent);
    if (known) return known;
    const def = agents[agent];
    const title = clean(def.name, 200, clean(def.type, 200, 'Agent'));
    const id = unique(`role-${title}`);
    roles.push({
      id,
      title,
      description: clean(
        def.description,
        1000,
        `CACAO agent of type ${clean(def.type, 100, 'unknown')}.`,
      ),
    });
    roleOfAgent.set(agent, id);
    return id;
  };

  const describe = (step: CacaoStep | undefined) =>
    typeof step?.description === 'string' && step.description.trim()
      ? { description: clean(step.description, 4000, '') }
      : {};

  const main: (Body | null)[] = [];
  const done = new Map<string, string>(); // cacao id → our id
  const ends = new Map<string, string>();
  const mainScope: Scope = {
    container: main,
    inTrack: false,
    onEnd: (endId) => {
      const key = endId ?? '(implicit)';
      const known = ends.get(key);
      if (known) return known;
      const step = endId ? workflow[endId] : undefined;
      const id = endId ? shortId(endId) : unique('end');
      ends.set(key, id);
      main.push({
        id,
        kind: 'end',
        title: clean(step?.name, 200, 'End'),
        outcome: 'resolved',
        ...describe(step),
      });
      return id;
    },
  };

  /** Converts the step `cid` in `scope` (once) and returns the id a reference to it becomes. */
  const target = (cid: unknown, scope: Scope): string | undefined => {
    if (typeof cid !== 'string') return scope.onEnd(undefined);
    const step = workflow[cid];
    if (!step) return scope.onEnd(undefined);
    if (step.type === 'end') return scope.onEnd(cid);
    if (step.type === 'start') return target(step.on_completion, scope);
    const known = done.get(cid);
    if (known) return known;
    const id = shortId(cid);
    done.set(cid, id);
    const slot = scope.container.length;
    scope.container.push(null);
    const put = (body: Body) => (scope.container[slot] = body);
    const title = clean(step.name, 200, `${String(step.type)} step`);
    const branch = (continuation: unknown): Scope => ({
      ...scope,
      onEnd: (endId) =>
        continuation === undefined ? scope.onEnd(endId) : target(continuation, scope),
    });
    const next = (ref: unknown) => {
      const to = ref === undefined ? scope.onEnd(undefined) : target(ref, scope);
      return to === undefined ? {} : { next: to };
    };
    const option = (optionId: string, label: string, to: string | undefined) => ({
      id: optionId,
      label,
      ...(to === undefined ? {} : { next: to }),
    });
    switch (step.type) {
      case 'action':
      case 'playbook-action': {
        const owner = roleFor(step.agent);
        const commands = Array.isArray(step.commands) ? step.commands.filter(isRecord) : [];
        const texts =
          step.type === 'playbook-action'
            ? [`Run the playbook ${clean(step.playbook_id, 200, '(unnamed)')}.`]
            : commands.map((c) =>
                c.type === 'manual'
                  ? clean(c.command, 1000, '(manual instruction given in base64)')
                  : clean(
                      `Run the ${clean(c.type, 100, 'unknown')} command${typeof c.command === 'string' ? `: ${c.command}` : '.'}`,
                      1000,
                      '',
                    ),
              );
        if (texts.length === 0) texts.push(clean(step.description, 1000, title));
        const tasks = texts.map((text, i) => ({
          id: `${id}-task-${i + 1}`,
          text,
          owner,
          required: true,
        }));
        const failure = step.on_failure;
        if (failure === undefined) {
          put({
            id,
            kind: 'task',
            title,
            ...describe(step),
            owner,
            tasks,
            ...next(step.on_completion ?? step.on_success),
          });
          break;
        }
        const resultId = unique(`${id}-result`);
        put({ id, kind: 'task', title, ...describe(step), owner, tasks, next: resultId });
        scope.container.push({
          id: resultId,
          kind: 'decision',
          title: clean(`Did "${title}" succeed?`, 200, 'Did it succeed?'),
          question: clean(`Did "${title}" succeed?`, 500, 'Did it succeed?'),
          options: [
            option('succeeded', 'Succeeded', target(step.on_success ?? step.on_completion, scope)),
            option('failed', 'Failed', target(failure, scope)),
          ],
        });
        break;
      }
      case 'if-condition':
      case 'while-condition': {
        const loop = step.type === 'while-condition';
        const body = loop ? { ...scope, onEnd: () => id } : branch(step.on_completion);
        const question = clean(step.condition, 500, title);
        const onFalse =
          !loop && step.on_false !== undefined
            ? target(step.on_false, body)
            : next(step.on_completion).next;
        put({
          id,
          kind: 'decision',
          title,
          ...describe(step),
          question: loop ? clean(`Repeat while: ${question}`, 500, question) : question,
          options: [
            option('true', loop ? 'True: run the loop body' : 'True', target(step.on_true, body)),
            option('false', loop ? 'False: continue' : 'False', onFalse),
          ],
        });
        break;
      }
      case 'switch-condition': {
        const cases = isRecord(step.cases) ? Object.entries(step.cases) : [];
        const body = branch(step.on_completion);
        const optionIds = new Set<string>();
        const options = cases.map(([key, to]) => {
          let optionId = slug(key, 50);
          for (let n = 2; optionIds.has(optionId); n++) optionId = `${slug(key, 45)}-${n}`;
          optionIds.add(optionId);
          const label = key === 'default' ? 'Default' : clean(`Case ${key}`, 200, 'Case');
          return option(optionId, label, target(to, body));
        });
        if (!cases.some(([key]) => key === 'default') && step.on_completion !== undefined)
          options.push(option('otherwise', 'No case matches', next(step.on_completion).next));
        put({
          id,
          kind: 'decision',
          title,
          ...describe(step),
          question: clean(step.switch, 500, title),
          options,
        });
        break;
      }
      case 'parallel': {
        const branches = Array.isArray(step.next_steps) ? step.next_steps : [];
        if (scope.inTrack || branches.length < 2) {
          // Bulwark tracks do not nest: run the branches one after another instead.
          if (scope.inTrack)
            warnings.push({
              path: ['workflow', cid],
              message:
                'Warning: a parallel step inside a parallel branch is imported as its branches run one after another.',
            });
          const sequence = (i: number): Scope => ({
            ...scope,
            onEnd: (endId) =>
              i + 1 < branches.length
                ? target(branches[i + 1], sequence(i + 1))
                : step.on_completion === undefined
                  ? scope.onEnd(endId)
                  : target(step.on_completion, scope),
          });
          const first =
            branches.length > 0 ? target(branches[0], sequence(0)) : next(step.on_completion).next;
          const tasks = [
            {
              id: `${id}-task-1`,
              text: 'Run the branches that follow, one after another.',
              owner: 'responder',
              required: true,
            },
          ];
          put({
            id,
            kind: 'task',
            title,
            ...describe(step),
            owner: 'responder',
            tasks,
            ...(first === undefined ? {} : { next: first }),
          });
          break;
        }
        const tracks = branches.map((b, i) => {
          const steps: (Body | null)[] = [];
          const trackScope: Scope = { container: steps, inTrack: true, onEnd: () => undefined };
          target(b, trackScope);
          const first = typeof b === 'string' ? workflow[b] : undefined;
          return {
            id: unique(`${id}-track-${i + 1}`),
            title: clean(first?.name, 200, `Branch ${i + 1}`),
            steps,
          };
        });
        put({
          id,
          kind: 'parallel',
          title,
          ...describe(step),
          tracks,
          ...next(step.on_completion),
        });
        break;
      }
    }
    return id;
  };

  const start = workflow[String(doc.workflow_start)];
  target(start?.on_completion, mainScope);
  const phaseSteps = main.filter((s): s is Body => s !== null);
  const compact = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.filter((v) => v !== null).map(compact)
      : isRecord(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]))
        : value;
  const labels = Array.isArray(doc.labels)
    ? doc.labels.filter((l): l is string => typeof l === 'string')
    : [];
  return {
    warnings,
    playbook: {
      id: slug(typeof doc.name === 'string' ? doc.name : 'imported-playbook'),
      title: clean(doc.name, 200, 'Imported CACAO playbook'),
      version: '1.0.0',
      summary: clean(doc.description, 4000, clean(doc.name, 4000, 'Imported from CACAO.')),
      appliesWhen: { owasp: labels.filter((l) => OWASP_PATTERN.test(l)), signals: [] },
      roles,
      phases: [
        {
          id: 'response',
          title: 'Response',
          nist: 'respond',
          picerl: 'containment',
          steps: compact(phaseSteps),
        },
      ],
    },
  };
}
