import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../../core/backup/format';
import { builtinScenario } from '../../../../core/exercises/builtin';
import { elapsedAt } from '../../../../core/exercises/clock';
import { createExercise } from '../../../../core/exercises/engine';
import type { Scenario } from '../../../../core/exercises/types';
import { declareIncident, verifyChain, type IncidentId } from '../../../../core/incidents';
import {
  exportWorkspace,
  readBackupFile,
  restoreWorkspace,
} from '../../../../renderer/storage/backup';
import type { BulwarkDb } from '../../../../renderer/storage/db';
import {
  actOnExercise,
  createExerciseWithIncident,
  ExerciseMissingError,
  getExercise,
  listExercises,
} from '../../../../renderer/storage/exercises';
import { readTimeline } from '../../../../renderer/storage/incidents';
import { freshDb } from './helpers';

const opened: BulwarkDb[] = [];
function db(): BulwarkDb {
  const d = freshDb();
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
});

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const SECOND = 1000;

function scenario(): Scenario {
  const s = builtinScenario('partner-key-leak');
  if (!s) throw new Error('missing scenario');
  return s;
}

async function seeded(d: BulwarkDb) {
  const s = scenario();
  const exercise = createExercise({
    id: 'ex-1',
    scenario: s,
    incidentId: 'inc-ex-1',
    facilitator: 'Dana',
    now: T0,
    compression: 60,
  });
  const incident = declareIncident({
    id: 'inc-ex-1' as IncidentId,
    now: T0,
    title: s.title,
    severity: 'SEV2',
    mode: 'exercise',
    exerciseId: 'ex-1',
    declaredBy: 'Dana',
    timeZone: 'UTC',
  });
  await createExerciseWithIncident(d, exercise, incident, [
    { at: T0, recordedAt: T0, actor: 'Dana', kind: 'declared', text: 'EXERCISE declared' },
  ]);
  return s;
}

describe('exercise repository', () => {
  it('creates the exercise and its exercise-mode incident together', async () => {
    const d = db();
    await seeded(d);
    expect((await listExercises(d)).map((e) => e.id)).toEqual(['ex-1']);
    const incident = await d.incidents.get('inc-ex-1');
    expect(incident?.mode).toBe('exercise');
    expect(incident?.exerciseId).toBe('ex-1');
  });

  it('refuses an incident that is live or names another exercise', async () => {
    const d = db();
    const s = scenario();
    const exercise = createExercise({
      id: 'ex-2',
      scenario: s,
      incidentId: 'i',
      facilitator: 'D',
      now: T0,
    });
    const live = declareIncident({
      id: 'i' as IncidentId,
      now: T0,
      title: 't',
      severity: 'SEV2',
      mode: 'live',
      declaredBy: 'D',
      timeZone: 'UTC',
    });
    await expect(createExerciseWithIncident(d, exercise, live, [])).rejects.toThrow(
      /exercise mode/,
    );
    expect(await d.incidents.count()).toBe(0);
  });

  it('records deliveries and decisions in the incident timeline, chained and on simulated time', async () => {
    const d = db();
    const s = await seeded(d);
    await actOnExercise(d, s, 'ex-1', { type: 'start' }, T0);
    await actOnExercise(
      d,
      s,
      'ex-1',
      { type: 'note', kind: 'decision', text: 'Revoke at once', by: 'Alex' },
      T0 + 5 * SECOND,
    );
    await actOnExercise(d, s, 'ex-1', { type: 'tick' }, T0 + 11 * SECOND);
    const timeline = await readTimeline(d, 'inc-ex-1' as IncidentId);
    expect(verifyChain(timeline).ok).toBe(true);
    expect(timeline.map((e) => [e.kind, e.at - T0, e.actor])).toEqual([
      ['declared', 0, 'Dana'],
      ['exercise-clock', 0, 'Dana'],
      ['exercise-inject', 0, 'Dana'],
      ['decision', 5 * 60 * SECOND, 'Alex'],
      ['exercise-inject', 10 * 60 * SECOND, 'Dana'],
    ]);
    expect(timeline[2]?.text).toBe(
      'EXERCISE T+00:00:00: inject delivered: Production key found in a public repository',
    );
  });

  it('writes nothing when a tick has nothing to deliver', async () => {
    const d = db();
    const s = await seeded(d);
    const started = await actOnExercise(d, s, 'ex-1', { type: 'start' }, T0);
    const same = await actOnExercise(d, s, 'ex-1', { type: 'tick' }, T0 + SECOND);
    expect(same).toEqual(started);
    expect((await readTimeline(d, 'inc-ex-1' as IncidentId)).length).toBe(3);
  });

  it('resumes exactly after a reload: the clock comes back from its anchors', async () => {
    const d = db();
    const s = await seeded(d);
    await actOnExercise(d, s, 'ex-1', { type: 'start' }, T0);
    await actOnExercise(d, s, 'ex-1', { type: 'pause' }, T0 + 7 * SECOND);
    const reopened = await getExercise(d, 'ex-1');
    if (!reopened) throw new Error('missing');
    expect(elapsedAt(reopened.clock, T0 + 3600 * SECOND)).toBe(7 * 60 * SECOND);
    expect(reopened.clock.status).toBe('paused');
  });

  it('fails on a missing exercise', async () => {
    await expect(
      actOnExercise(db(), scenario(), 'nope', { type: 'tick' }, T0),
    ).rejects.toBeInstanceOf(ExerciseMissingError);
  });

  it('backs up and restores exercises; a v3 backup without them restores none', async () => {
    const d = db();
    const s = await seeded(d);
    await actOnExercise(d, s, 'ex-1', { type: 'start' }, T0);
    const backup = await exportWorkspace(d, { now: () => new Date(T0), appVersion: '1.0.0' });
    expect(backup.data.exercises.map((e) => e.id)).toEqual(['ex-1']);
    const text = serializeBackup(backup);
    const parsed = readBackupFile(text, 'b.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const target = db();
    await restoreWorkspace(target, parsed.backup);
    expect(await getExercise(target, 'ex-1')).toEqual(await getExercise(d, 'ex-1'));

    const json = JSON.parse(text) as { data: Record<string, unknown> };
    delete json.data.exercises;
    const older = parseBackup(JSON.stringify(json), 'old.json');
    expect(older.ok && older.backup.data.exercises).toEqual([]);
  });

  it('refuses a backup with a malformed exercise, naming the place', async () => {
    const d = db();
    const s = await seeded(d);
    await actOnExercise(d, s, 'ex-1', { type: 'start' }, T0);
    const backup = await exportWorkspace(d, { now: () => new Date(T0), appVersion: '1.0.0' });
    const json = JSON.parse(serializeBackup(backup)) as {
      data: { exercises: { clock: { compression: number } }[] };
    };
    const first = json.data.exercises[0];
    if (!first) throw new Error('missing');
    first.clock.compression = 500;
    const r = parseBackup(JSON.stringify(json), 'bad.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^bad\.json, at data\.exercises\[0\]\.clock\.compression/);
  });
});
