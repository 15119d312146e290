// What `npm start` loads for the Bimtek programme (dev/demo.ts seedDemoProgramme) and how a newcomer
// registers one more person: the small programme's registrants through the registration service
// (places filled, the overflow waiting, duplicates merged), two trainers per event, babel-1's first
// sessions marked; a second start on the same Firestore replays every response and changes nothing;
// and the registration form on the local forms server (the fake Google Forms' responder page,
// posted like a browser) reaches the programme through the intake.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PROGRAMME, seedDemoProgramme } from '../../functions/src/dev/demo.ts';
import { startLocalForms } from '../../functions/src/dev/local-forms.ts';
import { eventsOf } from '../../functions/src/programme/events.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
}, 120_000);
afterAll(async () => s?.close());

const seed = () => seedDemoProgramme({ setup: s.app.store, programmes: s.app.programme!.programmes, tokens: s.app.programme!.tokens, publicUrl: 'http://127.0.0.1:8080' });

async function state(id: string) {
  const root = s.db.collection('programmes').doc(id);
  const read = async (c: string) => Object.fromEntries((await root.collection(c).get()).docs.map((d) => [d.id, d.data()]));
  return { participants: await read('participants'), quotas: await read('quotas'), waitlists: await read('waitlists'), trainers: await read('trainers'), registrations: await read('registrations') };
}

it('the small programme as npm start loads it, the same again on a restart, and one more registration through the local form', { timeout: 180_000 }, async () => {
  const first = await seed();
  const p = first.programme;
  const o = first.registrations.outcomes;
  expect(first.registrations.total).toBe(DEMO_PROGRAMME.participants);
  expect(first.registrations.replayed).toBe(0);
  // Each province a little over its places: every place taken, the rest waiting.
  const places = eventsOf(p).reduce((a, e) => a + e.capacity, 0);
  expect(o.registered).toBe(places);
  expect(o.waiting).toBeGreaterThan(0);
  expect(o.merged).toBe(first.duplicates);
  expect(o.rejected).toBe(first.rejected);
  const before = await state(p.id);
  expect(Object.keys(before.participants)).toHaveLength(o.registered! + o.waiting!);
  // Two trainers on every event, none on two.
  for (const ev of eventsOf(p)) expect(Object.values(before.trainers).filter((t) => t.assignments.some((a: { eventId: string }) => a.eventId === ev.id)), ev.id).toHaveLength(2);
  const babel1 = Object.values(before.participants).filter((x) => x.eventId === 'babel-1' && x.status === 'registered');
  expect(babel1.filter((x) => Object.keys(x.attendance).sort().join() === '1,2,3')).toHaveLength(babel1.length - Math.floor(babel1.length / 10));
  // The committee accounts the banner and the sidebar preview offer are staff of their agencies.
  for (const m of first.panitia) expect((await s.app.store.staff(m.agencyId, m.email))?.roles).toEqual(['panitia_bimtek']);

  const again = await seed();
  expect(again.registrations.replayed).toBe(DEMO_PROGRAMME.participants);
  expect(again.registrations.outcomes).toEqual(o);
  expect(await state(p.id)).toEqual(before);

  const forms = await startLocalForms(s.app, { agencies: [], port: 0, project: 'demo-perpustakaan', sweepMs: 1_000, others: { forms: s.app.programme!.forms, made: [first.form] } });
  try {
    const daftar = forms.forms.find((f) => f.formId === `daftar_${p.id}`)!;
    expect(daftar.agencyId).toBe('perpusnas');
    const html = await (await fetch(daftar.url)).text();
    expect(html).toContain('Pendaftaran Bimtek SPP-TIK (contoh lokal)');
    // The fields in page order: name, library, village, kecamatan, kabupaten, province (radio), phone, e-mail.
    const names = [...new Set([...html.matchAll(/name="(entry\.\d+)"/g)].map((m) => m[1]!))];
    expect(names).toHaveLength(8);
    const values = ['Wulan Pertiwi', 'TBM Pelita Hati', 'Air Itam', 'Bukit Intan', 'Kota Pangkalpinang', 'Kalimantan Selatan', '0813 7777 1234', 'wulan@tbmpelita.example.org'];
    const sent = await fetch(daftar.url.replace(/viewform$/, 'formResponse'), { method: 'POST', body: new URLSearchParams(names.map((n, i): [string, string] => [n, values[i]!])) });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Jawaban Anda telah direkam');
    await expect.poll(async () => (await s.app.programme!.programmes.participants(p.id, { province: 'kalsel' })).find((x) => x.email === 'wulan@tbmpelita.example.org')?.status, { timeout: 30_000 }).toBe('waiting');
  } finally {
    await forms.close();
  }
});
