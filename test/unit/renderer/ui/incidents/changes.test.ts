import { describe, expect, it } from 'vitest';
import {
  activeRun,
  appendEntries,
  declareIncident,
  genesisHead,
  verifyChain,
  type Incident,
  type IncidentId,
  type NotificationId,
} from '../../../../../core/incidents';
import {
  activeStepIds,
  builtinPlaybook,
  nextTimerAt,
  type Playbook,
} from '../../../../../core/playbooks';
import type { IncidentChange } from '../../../../../renderer/storage/incidents';
import {
  addCorrection,
  addNote,
  assignRole,
  markNotificationSent,
  runEvents,
  saveNotification,
  setKeyTime,
  startPlaybook,
  type Actx,
} from '../../../../../renderer/ui/incidents/changes';
import { redactNote } from '../../../../../renderer/ui/incidents/redaction';
import { snapshotOf } from '../../../../../renderer/ui/incidents/run-host';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const ctx = (minutes: number, actor = 'Ada'): Actx => ({
  at: T0 + minutes * 60_000,
  recordedAt: T0 + minutes * 60_000,
  actor,
});

function playbook(id: string): Playbook {
  const p = builtinPlaybook(id);
  if (!p) throw new Error(`no built-in playbook ${id}`);
  return p;
}

function incident(over: Partial<Incident> = {}): Incident {
  return {
    ...declareIncident({
      id: 'inc-1' as IncidentId,
      now: T0,
      title: 'Leaked key',
      severity: 'SEV1',
      mode: 'live',
      declaredBy: 'Ada',
      timeZone: 'Europe/Berlin',
    }),
    ...over,
  };
}

/** Applies changes in order, as commits would, keeping every entry. */
function apply(start: Incident, ...changes: ((i: Incident) => IncidentChange | null)[]) {
  let current = start;
  const entries: IncidentChange['entries'][number][] = [];
  for (const change of changes) {
    const r = change(current);
    if (!r) continue;
    current = r.incident;
    entries.push(...r.entries);
  }
  return { incident: current, entries };
}

const leaked = playbook('leaked-api-credentials');

describe('room changes', () => {
  it('records a role assignment, then a hand-off naming both people', () => {
    const r = apply(
      incident(),
      assignRole(ctx(1), 'scribe', 'Scribe', 'Grace'),
      assignRole(ctx(2), 'scribe', 'Scribe', 'Linus'),
      assignRole(ctx(3), 'scribe', 'Scribe', 'Linus'),
    );
    expect(r.incident.roles).toEqual([
      {
        roleId: 'scribe',
        title: 'Scribe',
        person: 'Linus',
        since: T0 + 120_000,
        assignedBy: 'Ada',
      },
    ]);
    expect(r.entries.map((e) => [e.kind, e.text])).toEqual([
      ['role-assigned', 'Scribe: Grace'],
      ['role-handoff', 'Scribe: handed over from Grace to Linus'],
    ]);
  });

  it('starts a playbook with absolute SLA deadlines that survive the stored snapshot', () => {
    const r = apply(incident(), startPlaybook(ctx(0), leaked, null));
    const run = activeRun(r.incident);
    if (!run) throw new Error('no run');
    const snap = snapshotOf(run.snapshot);
    expect(activeStepIds(leaked, snap.value)).toEqual(['triage-report']);
    // The first step's SLA is 30 minutes from entering it.
    expect(snap.context.deadlines['triage-report']?.due).toBe(T0 + 30 * 60_000);
    expect(nextTimerAt(snap.context)).not.toBeNull();
    expect(r.entries[0]?.kind).toBe('playbook-started');
    expect(r.entries.map((e) => e.text)).toContain('Step started: Triage the report');
  });

  it('moves the run with task and decision events and records each fact', () => {
    const started = apply(incident(), startPlaybook(ctx(0), leaked, null)).incident;
    const step = leaked.phases[0]?.steps[0];
    if (step?.kind !== 'task') throw new Error('expected a task step');
    const tasks = step.tasks.map((t, i) =>
      runEvents(ctx(i + 1), leaked, [
        { type: 'task.completed', taskId: t.id, at: T0 + (i + 1) * 60_000, by: 'Ada' },
      ]),
    );
    const r = apply(
      started,
      ...tasks,
      runEvents(ctx(9), leaked, [
        { type: 'step.advance', stepId: step.id, at: T0 + 9 * 60_000, by: 'Ada' },
      ]),
      runEvents(ctx(10), leaked, [
        {
          type: 'decision.chosen',
          stepId: 'credential-live',
          optionId: 'usable',
          at: T0 + 10 * 60_000,
          by: 'Ada',
        },
      ]),
    );
    const run = activeRun(r.incident);
    if (!run) throw new Error('no run');
    expect(activeStepIds(leaked, snapshotOf(run.snapshot).value)).toEqual(['scope-exposure']);
    expect(r.entries.filter((e) => e.kind === 'task-done')).toHaveLength(step.tasks.length);
    expect(r.entries.some((e) => e.kind === 'decision')).toBe(true);
  });

  it('fires an escalation once from the stored deadline when the clock passes it', () => {
    const started = apply(incident(), startPlaybook(ctx(0), leaked, null)).incident;
    const run = activeRun(started);
    if (!run) throw new Error('no run');
    const due = nextTimerAt(snapshotOf(run.snapshot).context) ?? 0;
    const tick = runEvents(ctx(0, 'Bulwark (timer)'), leaked, [{ type: 'tick', now: due }]);
    const once = apply(started, tick);
    const twice = apply(once.incident, runEvents(ctx(0), leaked, [{ type: 'tick', now: due + 1 }]));
    expect(
      once.entries.filter((e) => e.kind === 'escalation' || e.kind === 'sla-breached').length,
    ).toBeGreaterThan(0);
    expect(
      twice.entries.filter((e) => e.kind === 'escalation' || e.kind === 'sla-breached'),
    ).toEqual([]);
  });

  it('switches playbooks: the old run ends with the reason, the new one starts', () => {
    const r = apply(
      incident(),
      startPlaybook(ctx(0), leaked, null),
      startPlaybook(ctx(5), playbook('bola-data-scraping'), 'It is scraping, not a leaked key'),
    );
    expect(r.incident.playbookRuns.map((x) => [x.playbookId, x.endedAt, x.switchedReason])).toEqual(
      [
        ['leaked-api-credentials', T0 + 5 * 60_000, 'It is scraping, not a leaked key'],
        ['bola-data-scraping', undefined, undefined],
      ],
    );
    expect(r.entries.find((e) => e.kind === 'playbook-switched')?.text).toContain(
      'It is scraping, not a leaked key',
    );
  });

  it('sets a key time with who set it, and the awareness time moves the run’s clock', () => {
    const r = apply(
      incident(),
      startPlaybook(ctx(0), leaked, null),
      setKeyTime(ctx(3, 'Bo'), 'aware', T0 + 2 * 60_000, leaked),
    );
    expect(r.incident.keyTimes.aware).toEqual({ at: T0 + 2 * 60_000, by: 'Bo' });
    const run = activeRun(r.incident);
    expect(run && snapshotOf(run.snapshot).context.incidentClocks.aware).toBe(T0 + 2 * 60_000);
    expect(r.entries.map((e) => e.kind)).toContain('key-time');
  });

  it('masks a secret in a note before it is stored, and a correction names its entry', () => {
    const note = redactNote('token Bearer abcdefghijklmnopqrstuvwxyz123456 seen');
    expect(note.text).not.toContain('abcdefghijklmnopqrstuvwxyz123456');
    expect(note.masked.length).toBeGreaterThan(0);
    const r = apply(
      incident(),
      addNote(ctx(1), note),
      addCorrection(ctx(2), 0, redactNote('It was the staging key.')),
    );
    expect(r.entries[0]?.masked).toEqual(note.masked);
    expect(r.entries[1]).toMatchObject({ kind: 'correction', data: { corrects: 0 } });
    const chained = appendEntries(genesisHead('inc-1' as IncidentId), r.entries);
    expect(verifyChain(chained).ok).toBe(true);
  });

  it('marking a notification sent records who and when and ticks the playbook template', () => {
    const id = 'n-1' as NotificationId;
    const base = incident();
    const r = apply(
      base,
      saveNotification(ctx(1), {
        id,
        audience: 'regulators',
        templateId: 'regulator-initial-notice',
        to: 'dpa@example.org',
        subject: 'Initial notice',
        body: 'Text',
        status: 'draft',
        createdAt: T0,
        createdBy: 'Ada',
        updatedAt: T0,
      }),
      markNotificationSent(ctx(4, 'Bo'), id, null),
      markNotificationSent(ctx(5, 'Cy'), id, null),
    );
    expect(r.incident.notifications[0]).toMatchObject({
      status: 'sent',
      sentAt: T0 + 4 * 60_000,
      sentBy: 'Bo',
    });
    expect(r.entries.map((e) => e.kind)).toEqual(['notification-drafted', 'notification-sent']);
  });
});
