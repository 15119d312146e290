// IKM (Permenpan-RB 14/2017) on a known set of answers, computed by hand:
//   R1 4 4 3 4 3 4 4 3 3 = 32      element sums: U1 16, U2 16, U3 13, U4 20, U5 16, U6 17, U7 18, U8 13, U9 15
//   R2 3 3 3 4 3 3 4 3 3 = 29      NRR U1 = 16/5 = 3.2, U3 = 2.6, U4 = 4.0, U7 = 3.6 ...
//   R3 4 3 2 4 3 3 3 2 3 = 27      IKM = sum of NRR x 1/9 = 144 / 45 = 3.2
//   R4 3 3 3 4 4 4 4 3 4 = 32      index = 3.2 x 25 = 80.00 -> B, "Baik" (76.61-88.30)
//   R5 2 3 2 4 3 3 3 2 2 = 24
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandOf, computeIkm } from '../../functions/src/standards/ikm.ts';
import { demoEmail } from '../../functions/src/dev/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';

const KNOWN = [
  [4, 4, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 3, 4, 3, 3, 4, 3, 3],
  [4, 3, 2, 4, 3, 3, 3, 2, 3],
  [3, 3, 3, 4, 4, 4, 4, 3, 4],
  [2, 3, 2, 4, 3, 3, 3, 2, 2],
];

describe('IKM computation', () => {
  it('matches the hand-computed index, element means and band', () => {
    const r = computeIkm(KNOWN.map((answers) => ({ answers })));
    expect(r).toMatchObject({ responses: 5, ikm: 3.2, index: 80, mutu: 'B', kinerja: 'Baik' });
    expect(r.elements.map((e) => e.sum)).toEqual([16, 16, 13, 20, 16, 17, 18, 13, 15]);
    expect(r.elements.map((e) => e.nrr)).toEqual([3.2, 3.2, 2.6, 4, 3.2, 3.4, 3.6, 2.6, 3]);
    expect(r.elements[0]).toMatchObject({ unsur: 'Persyaratan', nrrTertimbang: 0.3556 });
  });

  it('bands at the edges of Permenpan-RB 14/2017', () => {
    expect([25, 64.99, 65, 76.6, 76.61, 88.3, 88.31, 100].map((x) => bandOf(x).mutu)).toEqual(['D', 'D', 'C', 'C', 'B', 'B', 'A', 'A']);
    expect(computeIkm([{ answers: Array(9).fill(4) }])).toMatchObject({ index: 100, mutu: 'A', kinerja: 'Sangat baik' });
    expect(computeIkm([{ answers: Array(9).fill(1) }])).toMatchObject({ index: 25, mutu: 'D', kinerja: 'Tidak baik' });
    expect(computeIkm([])).toMatchObject({ responses: 0, index: null, mutu: null });
  });
});

let s: Stack;
let now = new Date('2026-11-10T02:00:00Z');
beforeAll(async () => {
  s = await startStack({ clock: () => now });
});
afterAll(async () => s?.close());

describe('IKM through the API', () => {
  it('questionnaires entered at the desk give the IKM of a service and period', { timeout: 60_000 }, async () => {
    const A = '/v1/agencies/sukoharjo';
    const fo = demoEmail('sukoharjo', 'front_office');
    for (const [i, answers] of KNOWN.entries()) {
      const r = await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'kitapun', answers, ...(i === 0 ? { saran: 'Jadwal monev diumumkan lebih awal.', caseNomor: 'KITAPUN/2026/0001' } : {}) }, idem: `skm-kertas-${i}` });
      expect(r.status).toBe(201);
    }
    // A replay records nothing more; another service and another month stay out.
    expect((await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'kitapun', answers: KNOWN[0], saran: 'Jadwal monev diumumkan lebih awal.', caseNomor: 'KITAPUN/2026/0001' }, idem: 'skm-kertas-0' })).body).toMatchObject({ replayed: true });
    expect((await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'kitapun', answers: KNOWN[1] }, idem: 'skm-kertas-0' })).status).toBe(409);
    expect((await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'pusling', answers: Array(9).fill(1) }, idem: 'skm-kertas-9' })).status).toBe(201);
    now = new Date('2026-12-02T02:00:00Z');
    expect((await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'kitapun', answers: Array(9).fill(1) }, idem: 'skm-kertas-10' })).status).toBe(201);

    const ikm = await s.call('GET', `${A}/reports/ikm?from=2026-11-01&to=2026-11-30&sop=kitapun`, { as: demoEmail('sukoharjo', 'kabid_perpustakaan') });
    expect(ikm.status).toBe(200);
    expect(ikm.body).toMatchObject({ sopId: 'kitapun', responses: 5, ikm: 3.2, index: 80, mutu: 'B', kinerja: 'Baik', saran: [{ text: 'Jadwal monev diumumkan lebih awal.', caseNomor: 'KITAPUN/2026/0001' }] });
    // Every service of November: the five plus the Pusling all-ones: (144 + 9) / 54 = 2.8333, x 25 = 70.83 -> C.
    expect((await s.call('GET', `${A}/reports/ikm?from=2026-11-01&to=2026-11-30`, { as: fo })).body).toMatchObject({ responses: 6, index: 70.83, mutu: 'C' });
  });

  it('refuses a questionnaire that is not nine answers of 1 to 4, naming the field and writing nothing', async () => {
    const A = '/v1/agencies/sukoharjo';
    const fo = demoEmail('sukoharjo', 'front_office');
    const short = await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'kitapun', answers: [4, 4, 4] } });
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0].path).toBe('answers');
    const five = await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'kitapun', answers: [4, 4, 5, 4, 4, 4, 4, 4, 4] } });
    expect(five.body.error.fields[0].path).toBe('answers.2');
    expect((await s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'tidak_ada', answers: Array(9).fill(3) } })).status).toBe(404);
    expect((await s.call('GET', `${A}/reports/ikm?from=2026-11-01&to=2026-10-01`, { as: fo })).status).toBe(400);
    const all = await s.call('GET', `${A}/reports/ikm?from=2026-01-01&to=2026-12-31`, { as: fo });
    expect(all.body.responses).toBe(7);
  });
});
