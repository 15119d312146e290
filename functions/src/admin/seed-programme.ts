// `npm run admin -- seed-programme [--national] [--participants N] [--width W]`: a Bimtek programme
// at the size of seed 003 (or the small one of `npm start`) on the target Firestore: the owner and
// the host agencies (those missing), the programme, its trainers with two on every event, and N
// registrations handed to the registration service exactly as the intake hands it form responses,
// W at a time. Fixed response ids: running it again replays them and changes nothing.
import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { createFirestoreProgrammeStore } from '../store/programme.ts';
import type { Store } from '../model/store.ts';
import { nationalProgramme, smallProgramme } from '../programme/demo.ts';
import { seedProgrammeDemo, type RegisterProgress } from '../programme/demo-seed.ts';
import { createRegistrationService } from '../programme/registration.ts';
import { createProgrammeTokens } from '../programme/tokens.ts';

function count(args: string[], flag: string, fallback: number, max: number): number {
  const i = args.indexOf(flag);
  if (i < 0) return fallback;
  const v = args[i + 1];
  if (!v || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new Error(`${flag} needs a whole number from 1 to ${max.toLocaleString('en')}`);
  return Number(v);
}

export async function seedProgrammeCommand(db: Firestore, store: Store, args: string[], log: (line: string) => void = console.log): Promise<number> {
  const unknown = args.filter((a, i) => !['--national', '--participants', '--width'].includes(a) && !['--participants', '--width'].includes(args[i - 1] ?? ''));
  if (unknown.length) throw new Error(`seed-programme: unknown argument ${unknown[0]} (options: --national, --participants N, --width W)`);
  const national = args.includes('--national');
  const participants = count(args, '--participants', national ? 10_000 : 220, 200_000);
  const width = count(args, '--width', 32, 256);
  // The confirmation e-mails queued in the outbox carry signed status links: on a real project
  // they must be signed with the deployment's secret, or every link would be void.
  const emulator = Boolean(process.env.FIRESTORE_EMULATOR_HOST);
  let secret = process.env.FORMS_SECRET;
  const publicUrl = process.env.PUBLIC_URL ?? (emulator ? 'http://127.0.0.1:8080' : '');
  if (!emulator && (!secret || !publicUrl)) throw new Error('seed-programme on a real project needs FORMS_SECRET and PUBLIC_URL as deployed: the confirmation e-mails carry signed status links');
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    log('FORMS_SECRET is not set: status links in the queued e-mails are signed with a throwaway secret (emulator only)');
  }
  const programmes = createFirestoreProgrammeStore(db);
  const registration = createRegistrationService({ programmes, agency: (id) => store.agency(id), tokens: createProgrammeTokens(secret), publicUrl });
  const input = national ? nationalProgramme() : smallProgramme();
  log(`${input.id}: ${national ? '34 provinces, 189 trainers' : 'the small programme, 12 trainers'}, ${participants.toLocaleString('en')} registrations, ${width} at a time, on ${emulator ? `the emulator ${process.env.FIRESTORE_EMULATOR_HOST}` : `project ${process.env.GOOGLE_CLOUD_PROJECT ?? '(ADC default)'}`}`);
  const t0 = Date.now();
  const progress = (p: RegisterProgress) => {
    const s = (Date.now() - t0) / 1000;
    log(`  ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} registrations, ${s.toFixed(1)} s, ${Math.round(p.done / s)}/s`);
  };
  const r = await seedProgrammeDemo({ setup: store, programmes, registration }, input, {
    trainers: national ? 189 : 12,
    participants,
    spread: national ? 'skewed' : 'quota',
    width,
    ...(national ? {} : { attendance: { event: 'babel-1', sessions: 3 } }),
    onProgress: progress,
    every: participants >= 5_000 ? 1_000 : 100,
  });
  const o = (k: string) => (r.registrations.outcomes[k] ?? 0).toLocaleString('en');
  const waiting = await programmes.waitlists(r.programme.id);
  log(`${r.programme.id}: ${r.registrations.total.toLocaleString('en')} responses (${r.registrations.replayed.toLocaleString('en')} already recorded): ${o('registered')} placed, ${o('waiting')} waiting, ${o('merged')} merged duplicates, ${o('rejected')} rejected`);
  log(`  trainers: ${r.trainersAssigned} events given two; waiting lists: ${Object.values(waiting).reduce((a, w) => a + w.count, 0).toLocaleString('en')} people on ${Object.values(waiting).filter((w) => w.count > 0).length}`);
  log(`done in ${r.seconds.toFixed(1)} s`);
  return 0;
}
