import { beforeAll, describe, expect, it } from 'vitest';
import { builtinPlaybooks } from '../../../../core/playbooks/builtin';
import { exportCacao } from '../../../../core/playbooks/cacao-export';
import { importCacao } from '../../../../core/playbooks/cacao-import';
import { BULWARK_EXTENSION_ID } from '../../../../core/playbooks/cacao-shared';
import { listSteps } from '../../../../core/playbooks/model';
import type { Playbook } from '../../../../core/playbooks/types';
import { cacaoValidator, must, uuids } from './helpers';

// Export to CACAO 2.0, validated with a draft 2019-09 validator over the official schemas
// (unevaluatedProperties removed, domain.md §7), and the round trip back.

const kinds = (p: Playbook) =>
  listSteps(p)
    .map((s) => s.step.kind)
    .sort();

let validate: (doc: unknown) => string[];
beforeAll(() => {
  validate = cacaoValidator();
});

describe('CACAO export', () => {
  it.each(builtinPlaybooks().map((p) => [p.id, p] as const))(
    '%s validates against the official schemas (2019-09, unevaluatedProperties removed)',
    (_, playbook) => {
      const doc = exportCacao(playbook, { now: Date.UTC(2026, 0, 12), newId: uuids() });
      expect(validate(doc)).toEqual([]);
      expect(doc.created).toBe('2026-01-12T00:00:00.000Z');
    },
  );

  it.each(builtinPlaybooks().map((p) => [p.id, p] as const))(
    '%s round-trips through CACAO without losing anything',
    (_, playbook) => {
      const text = JSON.stringify(exportCacao(playbook, { now: 0, newId: uuids() }), null, 2);
      const back = importCacao(text, 'export.json');
      expect(back.ok && back.warnings).toEqual([]);
      expect(back.ok && back.playbook).toEqual(playbook);
    },
  );

  it('keeps steps and structure from CACAO semantics alone when the Bulwark extension is stripped', () => {
    for (const playbook of builtinPlaybooks()) {
      const doc = exportCacao(playbook, { now: 0, newId: uuids() }) as {
        workflow: Record<string, { step_extensions?: unknown }>;
        playbook_extensions?: unknown;
      };
      delete doc.playbook_extensions;
      for (const step of Object.values(doc.workflow)) delete step.step_extensions;
      const back = importCacao(JSON.stringify(doc), 'stripped.json');
      if (!back.ok) throw new Error(`${playbook.id}: ${JSON.stringify(back.errors)}`);
      // CACAO has no notification kind: without the extension a notification is an action.
      const plain = (p: Playbook) =>
        kinds(p)
          .map((k) => (k === 'notification' ? 'task' : k))
          .sort();
      expect(plain(back.playbook), playbook.id).toEqual(plain(playbook));
      const titles = (p: Playbook) =>
        listSteps(p)
          .map((s) => s.step.title)
          .sort();
      expect(titles(back.playbook)).toEqual(titles(playbook));
    }
  });

  it('carries the Bulwark fields in a declared extension', () => {
    const playbook = must(builtinPlaybooks()[0]);
    const doc = exportCacao(playbook, {
      now: 0,
      newId: uuids(),
      createdBy: 'identity--00000000-0000-4000-8000-00000000abcd',
    });
    expect(doc.extension_definitions).toHaveProperty(
      [BULWARK_EXTENSION_ID, 'name'],
      'Bulwark incident playbook',
    );
    expect(doc.playbook_extensions).toHaveProperty(
      [BULWARK_EXTENSION_ID, 'phases', 0, 'nist'],
      'detect',
    );
    expect(doc.created_by).toBe('identity--00000000-0000-4000-8000-00000000abcd');
  });
});
