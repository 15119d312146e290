// `npm run admin -- seed-programme`: the command as a user runs it (a child process) against the
// run's Firestore emulator, in a project of its own: the national programme at a small N, every
// registration through the registration service (places within quotas, duplicates merged, the
// overflow waiting), trainers two per event without overlapping dates, and a second run that
// replays every response and changes no participant, place or waiting number.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { QuerySnapshot } from '@google-cloud/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import type { Participant, Trainer } from '../../functions/src/model/programme.ts';
import { eventsOf } from '../../functions/src/programme/events.ts';
import { nationalProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { programmeSchema } from '../../functions/src/model/programme.ts';
import { testFirestore } from '../support/firestore.ts';

const run = promisify(execFile);

async function cli(projectId: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['functions/src/admin/cli.ts', 'seed-programme', ...args], { env: { ...process.env, GOOGLE_CLOUD_PROJECT: projectId }, maxBuffer: 10 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const dbs: { terminate(): Promise<void> }[] = [];
afterAll(async () => Promise.all(dbs.map((d) => d.terminate())));

async function state(db: ReturnType<typeof testFirestore>['db'], id: string) {
  const root = db.collection('programmes').doc(id);
  const [people, regs, quotas, waitlists, trainers] = await Promise.all(['participants', 'registrations', 'quotas', 'waitlists', 'trainers'].map((c) => root.collection(c).get()));
  const byId = (s: QuerySnapshot) => Object.fromEntries(s!.docs.map((d) => [d.id, d.data()]));
  return { people: byId(people!) as Record<string, Participant>, regs: byId(regs!), quotas: byId(quotas!), waitlists: byId(waitlists!), trainers: Object.values(byId(trainers!)) as Trainer[] };
}

/** Waiting lists numbered 1..count without gaps, per province and mode. */
function gapless(s: Awaited<ReturnType<typeof state>>): void {
  for (const [key, w] of Object.entries(s.waitlists)) {
    const seqs = Object.values(s.people).filter((x) => x.status === 'waiting' && `${x.province}_${x.mode}` === key).map((x) => x.waitSeq!).sort((a, b) => a - b);
    expect(seqs, key).toEqual(Array.from({ length: w.count }, (_, i) => i + 1));
  }
}

describe('admin seed-programme', () => {
  it('--national --participants 600: owner and 34 hosts, 189 trainers two per event, every response recorded once, quotas kept; a second run changes nothing', { timeout: 300_000 }, async () => {
    const { db, projectId } = testFirestore('seed-national');
    dbs.push(db);
    const first = await cli(projectId, ['--national', '--participants', '600', '--width', '16']);
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/600\/600 registrations/);
    expect(first.stdout).toMatch(/done in \d+\.\d s/);

    const p = programmeSchema.parse(nationalProgramme());
    const agencies = (await db.collection('agencies').listDocuments()).map((d) => d.id);
    expect(new Set(agencies)).toEqual(new Set(['perpusnas', ...p.provinces.map((x) => x.hostAgencyId)]));
    expect(agencies).toHaveLength(35);

    const s1 = await state(db, p.id);
    expect(Object.keys(s1.regs)).toHaveLength(600);
    const outcomes = Object.values(s1.regs).map((r) => r.outcome as string);
    const n = (o: string) => outcomes.filter((x) => x === o).length;
    expect(n('merged')).toBeGreaterThan(0);
    expect(Object.keys(s1.people)).toHaveLength(n('registered') + n('waiting'));
    expect(first.stdout).toContain(`${n('registered')} placed, ${n('waiting')} waiting, ${n('merged')} merged duplicates, ${n('rejected')} rejected`);
    // Places: never more taken than the quota, and taken is exactly who is registered there.
    for (const [key, q] of Object.entries(s1.quotas)) {
      expect(q.taken, key).toBeLessThanOrEqual(q.capacity);
      expect(Object.values(s1.people).filter((x) => x.status === 'registered' && x.eventId === `${q.province}-${q.wave}`)).toHaveLength(q.taken);
    }
    gapless(s1);

    // Trainers: 189, two on each of the 68 events, nobody on two events.
    expect(s1.trainers).toHaveLength(189);
    const events = eventsOf(p);
    expect(events).toHaveLength(68);
    for (const ev of events) expect(s1.trainers.filter((t) => t.assignments.some((a) => a.eventId === ev.id)), ev.id).toHaveLength(2);
    expect(s1.trainers.every((t) => t.assignments.length <= 1)).toBe(true);

    const again = await cli(projectId, ['--national', '--participants', '600', '--width', '16']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('600 responses (600 already recorded)');
    const s2 = await state(db, p.id);
    expect(s2.people).toEqual(s1.people);
    expect(s2.regs).toEqual(s1.regs);
    expect(s2.quotas).toEqual(s1.quotas);
    expect(s2.waitlists).toEqual(s1.waitlists);
    expect(s2.trainers).toEqual(s1.trainers);
  });

  it('without --national: the small programme of npm start, its overflow on gapless waiting lists, attendance on babel-1', { timeout: 120_000 }, async () => {
    const { db, projectId } = testFirestore('seed-small');
    dbs.push(db);
    // 260 registrants for 170 places: the overflow waits.
    const r = await cli(projectId, ['--participants', '260']);
    expect(r.code).toBe(0);
    const p = programmeSchema.parse(smallProgramme());
    const s = await state(db, p.id);
    expect(Object.keys(s.regs)).toHaveLength(260);
    const waiting = Object.values(s.people).filter((x) => x.status === 'waiting').length;
    expect(waiting).toBeGreaterThan(0);
    expect(Object.values(s.waitlists).reduce((a, w) => a + (w.count as number), 0)).toBe(waiting);
    gapless(s);
    expect(s.trainers).toHaveLength(12);
    const babel1 = Object.values(s.people).filter((x) => x.eventId === 'babel-1' && x.status === 'registered');
    expect(babel1.length).toBeGreaterThan(0);
    expect(babel1.filter((x) => Object.keys(x.attendance).sort().join() === '1,2,3').length).toBe(babel1.length - Math.floor(babel1.length / 10));
  });

  it('refuses a bad option with the reason on stderr, exit 1, nothing written', { timeout: 60_000 }, async () => {
    const { db, projectId } = testFirestore('seed-bad');
    dbs.push(db);
    for (const args of [['--participants', '0'], ['--participants', 'banyak'], ['--nasional']]) {
      const r = await cli(projectId, args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/--participants needs a whole number|unknown argument --nasional/);
    }
    expect(await db.listCollections()).toEqual([]);
  });
});
