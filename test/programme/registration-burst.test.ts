// 10,000 registrations for the national Bimtek through the partner-form intake: the registration
// form made on the fake Google Forms by the production set-up code, every response read by two
// intake instances at once (as a notification and the sweep can), each recorded exactly once;
// quotas per province and wave never exceeded, duplicates (same phone or e-mail) merged, the
// waiting lists exactly the overflow, numbered without gaps, and a withdrawal moving the first waiting
// registrant up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncForm } from '../../functions/src/forms/setup.ts';
import type { Participant, Programme } from '../../functions/src/model/programme.ts';
import { nationalProgramme, OWNER_AGENCY, seedProgramme } from '../../functions/src/programme/demo.ts';
import { phoneKey, programmeIdOfForm, registrationForm, registrationFormId, createRegistrationService, type RegistrationService } from '../../functions/src/programme/registration.ts';
import { createProgrammeTokens } from '../../functions/src/programme/tokens.ts';
import { createFirestoreProgrammeStore } from '../../functions/src/store/programme.ts';
import type { ProgrammeStore } from '../../functions/src/model/programme.ts';
import { prng } from '../support/prng.ts';
import { startFormsStack, type FormsStack } from '../support/forms-stack.ts';
import { FORMS_SECRET } from '../support/stack.ts';

const TOTAL = 10_000;
const REJECTED = 50;
const SAME_PHONE = 300;
const SAME_EMAIL = 300;

let f: FormsStack;
let programmes: ProgrammeStore;
let registration: RegistrationService;
let programme: Programme;

beforeAll(async () => {
  f = await startFormsStack({
    agencies: [],
    concurrency: 16,
    others: (s) => {
      programmes = createFirestoreProgrammeStore(s.db);
      registration = createRegistrationService({ programmes, agency: (id) => s.app.store.agency(id), tokens: createProgrammeTokens(FORMS_SECRET), publicUrl: 'https://api.example.test' });
      return {
        async form(formId) {
          const pid = programmeIdOfForm(formId);
          const p = pid ? await registration.programme(pid) : null;
          return p ? registrationForm(p) : null;
        },
        receive: (agencyId, r) => registration.receive(agencyId, r),
      };
    },
  });
  // Pub/Sub stays out of this one: two intake instances read the form side by side below.
  await f.subscribe(false);
  await seedProgramme(f.s.app.store, programmes, nationalProgramme());
  programme = (await programmes.programme('spptik2024'))!;
  const owner = (await f.s.app.store.agency(OWNER_AGENCY))!;
  await syncForm({ store: f.s.app.store, google: f.google }, OWNER_AGENCY, owner.name, owner.google!.folderId, registrationForm(programme), undefined);
}, 120_000);
afterAll(async () => f?.close());

interface Person {
  name: string;
  phone: string;
  email: string;
  province: string;
  mode: 'luring' | 'daring';
}

it('10,000 registrations through intake: each recorded once, quotas kept, duplicates merged, waiting lists numbered without gaps', { timeout: 900_000 }, async () => {
  const rand = prng(12);
  const provinces = programme.provinces.map((p) => p.code);
  // Skewed: the first provinces get far more registrants than places, so their waiting lists fill.
  const pick = () => provinces[Math.min(provinces.length - 1, Math.floor(provinces.length * rand() ** 1.6))]!;
  const uniques: Person[] = [];
  const unique = TOTAL - REJECTED - SAME_PHONE - SAME_EMAIL;
  for (let i = 0; i < unique; i++) {
    uniques.push({ name: `Peserta ${i}`, phone: `0812${String(10_000_000 + i)}`, email: `peserta${i}@desa.example.id`, province: pick(), mode: rand() < 0.2 ? 'luring' : 'daring' });
  }
  const responses: Person[] = [...uniques];
  // Each duplicate repeats a different person: a response whose phone names one earlier record
  // and whose e-mail another is joined to the earlier one, not made to merge the two (README).
  const originals = uniques.map((_, i) => i);
  for (let i = originals.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [originals[i], originals[j]] = [originals[j]!, originals[i]!];
  }
  // The same phone written another way with a new e-mail; the same e-mail (another case) with a new phone.
  for (let i = 0; i < SAME_PHONE; i++) {
    const o = uniques[originals[i]!]!;
    responses.push({ ...o, phone: `+62 ${o.phone.slice(1, 4)} ${o.phone.slice(4)}`, email: `lain${i}@mail.example.id` });
  }
  for (let i = 0; i < SAME_EMAIL; i++) {
    const o = uniques[originals[SAME_PHONE + i]!]!;
    responses.push({ ...o, email: o.email.toUpperCase(), phone: `0857${String(20_000_000 + i)}` });
  }
  for (let i = 0; i < REJECTED; i++) responses.push({ ...uniques[0]!, phone: 'bukan nomor', email: `x${i}@y.example.id` });
  // Arrival order, shuffled.
  for (let i = responses.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [responses[i], responses[j]] = [responses[j]!, responses[i]!];
  }

  const owner = (await f.s.app.store.agency(OWNER_AGENCY))!;
  const entry = owner.forms[registrationFormId(programme.id)]!;
  const form = registrationForm(programme);
  const label = (qid: string, v: string) => form.questions.find((q) => q.id === qid)!.options!.find((o) => o.value === v)!.label;
  const started = Date.now();
  let at = Date.parse('2024-04-01T01:00:00Z');
  for (const r of responses) {
    const answers: Record<string, string[]> = { nama: [r.name], lembaga: [`TBM ${r.name}`], desa: ['Desa Maju'], kecamatan: ['Kecamatan Jaya'], kabupaten: ['Kabupaten Contoh'], provinsi: [label('provinsi', r.province)], telepon: [r.phone], email: [r.email], moda: [label('moda', r.mode)] };
    // One response per millisecond, in this order: the list the intake reads keeps it.
    await f.fake.forms.submit(entry.googleFormId, Object.fromEntries(Object.entries(answers).map(([q, v]) => [entry.questionIds[q]!, v])), { at: new Date(at++) });
  }
  const link = { googleFormId: entry.googleFormId, agencyId: OWNER_AGENCY, formId: registrationFormId(programme.id) };
  const reads = await Promise.allSettled([f.intake.read(link), f.other.read(link)]);
  // As in production, a read that failed (the machine so loaded that a quota stayed busy past every
  // retry) leaves its responses listable; the sweep's read records them. Nothing is lost either way.
  const sweep = await f.intake.read(link);
  const elapsed = Date.now() - started;
  const done = reads.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  for (const r of reads) if (r.status === 'rejected') console.log(`registration burst: a read failed and was done again by the sweep: ${String(r.reason)}`);
  // Recorded once: by the two reads, or (for what a failed read left) by the sweep; never twice.
  if (done.length === 2) expect(done.reduce((x, r) => x + r.recorded, 0)).toBe(TOTAL);
  if (done.length === 2) expect(sweep.recorded).toBe(0);
  expect(sweep.listed).toBe(TOTAL);

  const root = f.s.db.collection('programmes').doc(programme.id);
  const regs = (await root.collection('registrations').get()).docs.map((d) => d.data());
  expect(regs).toHaveLength(TOTAL);
  const outcomes = Object.fromEntries(['registered', 'waiting', 'merged', 'rejected'].map((o) => [o, regs.filter((r) => r.outcome === o).length]));
  expect(outcomes.rejected).toBe(REJECTED);
  expect(outcomes.merged).toBe(SAME_PHONE + SAME_EMAIL);
  expect(outcomes.registered! + outcomes.waiting!).toBe(unique);

  const people = (await root.collection('participants').get()).docs.map((d) => d.data() as Participant);
  expect(people).toHaveLength(unique);
  expect(new Set(people.map((p) => phoneKey(p.phone))).size).toBe(unique);
  expect(new Set(people.map((p) => p.email)).size).toBe(unique);

  // Per province and mode: places filled up to the quota, the rest waiting in arrival order.
  const buckets = await programmes.buckets(programme.id);
  for (const bk of buckets) {
    const inIt = people.filter((p) => p.eventId === `${bk.province}-${bk.wave}` && p.status === 'registered');
    expect(inIt.length, `${bk.province}-${bk.wave}`).toBe(bk.taken);
    expect(bk.taken).toBeLessThanOrEqual(bk.capacity);
  }
  const waitlists = await programmes.waitlists(programme.id);
  let waitingTotal = 0;
  for (const prov of provinces) {
    for (const mode of ['luring', 'daring'] as const) {
      const wanted = uniques.filter((u) => u.province === prov && u.mode === mode);
      const capacity = programme.waves.filter((w) => w.mode === mode).reduce((s, w) => s + (programme.quotas[prov]?.[String(w.no)] ?? 0), 0);
      const mine = people.filter((p) => p.province === prov && p.mode === mode);
      const waiting = mine.filter((p) => p.status === 'waiting').sort((x, y) => x.waitSeq! - y.waitSeq!);
      expect(mine.filter((p) => p.status === 'registered').length, `${prov} ${mode}`).toBe(Math.min(wanted.length, capacity));
      expect(waiting.length, `${prov} ${mode}`).toBe(Math.max(0, wanted.length - capacity));
      expect(waiting.map((p) => p.waitSeq)).toEqual(waiting.map((_, i) => i + 1));
      expect(waitlists[`${prov}_${mode}`]?.count ?? 0).toBe(waiting.length);
      waitingTotal += waiting.length;
    }
  }
  expect(waitingTotal).toBeGreaterThan(100);
  expect(outcomes.waiting).toBe(waitingTotal);

  // One confirmation e-mail per accepted response, from the host province's own account.
  const outboxCount = (await Promise.all(programme.provinces.map(async (p) => (await f.s.db.collection('agencies').doc(p.hostAgencyId).collection('outbox').count().get()).data().count))).reduce((x, y) => x + y, 0);
  expect(outboxCount).toBe(TOTAL - REJECTED);

  // A withdrawal in a full province: the first on its waiting list takes the place; the quota holds.
  const full = buckets.find((bk) => bk.taken === bk.capacity && (waitlists[`${bk.province}_${programme.waves.find((w) => w.no === bk.wave)!.mode}`]?.count ?? 0) > 2)!;
  const mode = programme.waves.find((w) => w.no === full.wave)!.mode;
  const leaving = people.filter((p) => p.eventId === `${full.province}-${full.wave}`).slice(0, 2);
  const firstWaiting = people.filter((p) => p.province === full.province && p.mode === mode && p.status === 'waiting').sort((x, y) => x.waitSeq! - y.waitSeq!);
  const results = await Promise.all(leaving.map((p) => registration.withdraw(programme, p.id, 'tester')));
  expect(new Set(results.map((r) => r.promoted?.id))).toEqual(new Set(firstWaiting.slice(0, 2).map((p) => p.id)));
  const again = await registration.withdraw(programme, leaving[0]!.id, 'tester');
  expect(again.promoted).toBeNull();
  const after = (await programmes.buckets(programme.id)).find((bk) => bk.province === full.province && bk.wave === full.wave)!;
  expect(after.taken).toBe(full.capacity);
  expect((await programmes.waitlists(programme.id))[`${full.province}_${mode}`]!.count).toBe(waitlists[`${full.province}_${mode}`]!.count - 2);
  console.log(`registration burst: ${TOTAL} responses through two intake instances in ${elapsed} ms (${Math.round((TOTAL * 1000) / elapsed)}/s); ${outcomes.registered} placed, ${outcomes.waiting} waiting, ${outcomes.merged} merged, ${outcomes.rejected} rejected`);
});
