// The programme report through the API against the Firestore emulator: figures per province and
// wave match what was seeded (attendance per session, completion by the 80 % JP rule, revoked
// certificates left out, a certificate mailed twice delivered once, failed and queued e-mails not
// delivered), a host sees only its province, an agency outside the programme and an unknown
// programme get 404, a bad programme id or an unknown query parameter 400. Then 10,000
// participants of the national programme seeded straight into Firestore in batches: the totals
// match the seeding's own tally and the time of one report is printed.
import type { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProgrammeReport } from '../../functions/src/contract.ts';
import type { Certificate, MailMessage, Participant, Programme } from '../../functions/src/model/programme.ts';
import { hostAgencyId, nationalProgramme, OWNER_AGENCY, seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let small: Programme;
const owner = `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`;
const panitia = (agency: string) => `panitia@${agency}.demo.perpustakaan.id`;
const report = (agency: string, as: string, programme: string, query = '') => s.call<ProgrammeReport & { error: { code: string; message: string; path?: string } }>('GET', `/v1/agencies/${agency}/programmes/${programme}/report${query}`, { as });

beforeAll(async () => {
  s = await startStack();
  await seedProgramme(s.app.store, s.app.programme!.programmes, smallProgramme());
  small = (await s.app.programme!.programmes.programme('spptikdemo'))!;
}, 60_000);
afterAll(async () => s?.close());

const mark = { at: '2024-05-20T02:00:00.000Z', via: 'petugas' as const, by: 'panitia@babel.demo.perpustakaan.id' };
const present = (sessions: number[]) => Object.fromEntries(sessions.map((n) => [String(n), mark]));

function participant(p: Programme, i: number, province: string, o: { status?: Participant['status']; wave?: number | null; mode?: Participant['mode']; sessions?: number[]; certificate?: string | null }): Participant {
  const status = o.status ?? 'registered';
  const wave = status === 'registered' ? (o.wave ?? null) : null;
  return {
    id: `pt${province}${String(i).padStart(6, '0')}`,
    programmeId: p.id,
    hostAgencyId: p.provinces.find((x) => x.code === province)!.hostAgencyId,
    province,
    mode: o.mode ?? 'luring',
    status,
    wave,
    eventId: wave === null ? null : `${province}-${wave}`,
    waitSeq: status === 'waiting' ? i + 1 : null,
    name: `Peserta ${province} ${i}`,
    library: `TBM Cahaya ${i}`,
    village: 'Air Itam',
    district: 'Bukit Intan',
    regency: 'Kota Pangkalpinang',
    phone: `0813${String(10_000_000 + i)}`,
    email: `p${province}${i}@desa.example.id`,
    registeredAt: '2024-05-01T00:00:00.000Z',
    updatedAt: '2024-05-01T00:00:00.000Z',
    responses: [`resp-${province}-${i}`],
    attendance: present(o.sessions ?? []),
    certificate: o.certificate ? { number: o.certificate, issuedAt: '2024-05-23T00:00:00.000Z' } : null,
  };
}

function certificate(p: Programme, pt: Participant, number: string, revoked = false): Certificate {
  return { number, programmeId: p.id, programmeName: p.name, participantId: pt.id, hostAgencyId: pt.hostAgencyId, name: pt.name, library: pt.library, eventId: pt.eventId!, eventLabel: pt.eventId!, start: '2024-05-19', end: '2024-05-22', jp: 30, date: '2024-05-22', issuedAt: '2024-05-23T00:00:00.000Z', revoked };
}

function message(mailingId: string, pt: Participant, cert: string, status: MailMessage['status'], seq: number): MailMessage {
  return { id: pt.id, mailingId, participantId: pt.id, senderAgencyId: pt.hostAgencyId, to: pt.email!, subject: 'Sertifikat', text: 'Terlampir.', certificate: cert, seq, status, intentAt: status === 'queued' ? null : '2024-06-01T00:00:00.000Z', sentAt: status === 'sent' ? '2024-06-01T00:00:01.000Z' : null, messageId: status === 'sent' ? `<m${seq}@mail>` : null, attempts: status === 'queued' ? 0 : 1, lastError: status === 'failed' ? 'ditolak' : null };
}

/** Writes documents in batches of 500 (Firestore's most per commit), a few batches at once. */
async function writeAll(db: Firestore, docs: { path: string; data: object }[]): Promise<void> {
  const batches: (typeof docs)[] = [];
  for (let i = 0; i < docs.length; i += 500) batches.push(docs.slice(i, i + 500));
  for (let i = 0; i < batches.length; i += 4) {
    await Promise.all(
      batches.slice(i, i + 4).map((chunk) => {
        const b = db.batch();
        for (const d of chunk) b.set(db.doc(d.path), JSON.parse(JSON.stringify(d.data)));
        return b.commit();
      }),
    );
  }
}

async function mailing(p: Programme, id: string, messages: MailMessage[]): Promise<void> {
  const senders: Record<string, number> = {};
  for (const m of messages) senders[m.senderAgencyId] = (senders[m.senderAgencyId] ?? 0) + 1;
  const { created } = await s.app.programme!.programmes.createMailing({ id, programmeId: p.id, kind: 'sertifikat', title: 'Sertifikat', createdAt: '2024-06-01T00:00:00.000Z', createdBy: owner, total: messages.length, senders }, messages);
  expect(created).toBe(true);
}

const ALL = [1, 2, 3, 4, 5];
const figures = (o: Partial<ProgrammeReport['total']>) => ({ capacity: 0, registered: 0, waiting: 0, withdrawn: 0, attendedAny: 0, attendance: [0, 0, 0, 0, 0], completed: 0, certificates: 0, delivered: 0, ...o });

it('counts participants, attendance, completion, certificates and deliveries per province and wave; scoped by agency', { timeout: 60_000 }, async () => {
  const p = small;
  // Sessions carry 6, 8, 6, 4 and 6 JP (30); the rule is 80 % (24 JP).
  const babel1 = [
    ...Array.from({ length: 6 }, (_, i) => participant(p, i, 'babel', { wave: 1, sessions: ALL })),
    participant(p, 6, 'babel', { wave: 1, sessions: [1, 2] }), // 14 JP
    participant(p, 7, 'babel', { wave: 1, sessions: [1, 2] }),
    participant(p, 8, 'babel', { wave: 1, sessions: [1, 2, 3, 4] }), // 24 JP: exactly 80 %
    participant(p, 9, 'babel', { wave: 1 }),
  ];
  const babel2 = Array.from({ length: 3 }, (_, i) => participant(p, 20 + i, 'babel', { wave: 2 }));
  const babelOut = [
    participant(p, 30, 'babel', { status: 'waiting' }),
    participant(p, 31, 'babel', { status: 'waiting' }),
    // Withdrawn after the first session: neither present nor in any wave any more.
    participant(p, 32, 'babel', { status: 'withdrawn', sessions: [1] }),
  ];
  const kalsel1 = Array.from({ length: 4 }, (_, i) => participant(p, i, 'kalsel', { wave: 1, sessions: ALL }));
  const completers = [...babel1.slice(0, 6), babel1[8]!];
  const certs = [...completers.map((pt, i) => certificate(p, pt, `DEMO24-00000${i + 1}-AAAA`, i === 6)), ...kalsel1.map((pt, i) => certificate(p, pt, `DEMO24-00001${i}-BBBB`))];
  const people = [...babel1, ...babel2, ...babelOut, ...kalsel1];
  await writeAll(s.db, [...people.map((pt) => ({ path: `programmes/${p.id}/participants/${pt.id}`, data: pt })), ...certs.map((c) => ({ path: `certificates/${c.number}`, data: c }))]);
  // Babel's certificates mailed: 4 sent, 1 failed, 1 queued (the revoked one was sent too, and is
  // not counted); the first one mailed again in a second mailing; Kalimantan Selatan's not yet.
  await mailing(p, 'mail-a', [
    ...completers.slice(0, 4).map((pt, i) => message('mail-a', pt, certs[i]!.number, 'sent', i)),
    message('mail-a', completers[4]!, certs[4]!.number, 'failed', 4),
    message('mail-a', completers[5]!, certs[5]!.number, 'queued', 5),
    message('mail-a', completers[6]!, certs[6]!.number, 'sent', 6),
  ]);
  await mailing(p, 'mail-b', [message('mail-b', completers[0]!, certs[0]!.number, 'sent', 0)]);

  const r = await report(OWNER_AGENCY, owner, p.id);
  expect(r.status).toBe(200);
  const b1 = figures({ capacity: 40, registered: 10, attendedAny: 9, attendance: [9, 9, 7, 7, 6], completed: 7, certificates: 6, delivered: 4 });
  const b2 = figures({ capacity: 30, registered: 3 });
  const bOut = figures({ waiting: 2, withdrawn: 1 });
  const k1 = figures({ capacity: 40, registered: 4, attendedAny: 4, attendance: [4, 4, 4, 4, 4], completed: 4, certificates: 4 });
  const j2 = figures({ capacity: 60 });
  expect(r.body.rows).toEqual([
    { province: 'babel', provinceName: 'Kepulauan Bangka Belitung', wave: 1, mode: 'luring', ...b1 },
    { province: 'babel', provinceName: 'Kepulauan Bangka Belitung', wave: 2, mode: 'luring', ...b2 },
    { province: 'babel', provinceName: 'Kepulauan Bangka Belitung', wave: null, mode: 'luring', ...bOut },
    { province: 'kalsel', provinceName: 'Kalimantan Selatan', wave: 1, mode: 'luring', ...k1 },
    { province: 'jateng', provinceName: 'Jawa Tengah', wave: 2, mode: 'luring', ...j2 },
  ]);
  expect(r.body.waves).toEqual([
    { wave: 1, mode: 'luring', ...figures({ capacity: 80, registered: 14, attendedAny: 13, attendance: [13, 13, 11, 11, 10], completed: 11, certificates: 10, delivered: 4 }) },
    { wave: 2, mode: 'luring', ...figures({ capacity: 90, registered: 3 }) },
    { wave: null, mode: null, ...bOut },
  ]);
  expect(r.body.provinces.map((x) => [x.province, x.registered, x.completed, x.certificates])).toEqual([
    ['babel', 13, 7, 6],
    ['kalsel', 4, 4, 4],
    ['jateng', 0, 0, 0],
  ]);
  expect(r.body.total).toEqual(figures({ capacity: 170, registered: 17, waiting: 2, withdrawn: 1, attendedAny: 13, attendance: [13, 13, 11, 11, 10], completed: 11, certificates: 10, delivered: 4 }));
  expect(r.body.programme).toMatchObject({ id: p.id, owner: true, completion: { kind: 'jp', minPercent: 80 } });
  expect(r.body.programme.sessions.map((x) => x.jp)).toEqual([6, 8, 6, 4, 6]);

  // A host sees its own province only, totals included.
  const host = await report('babel', panitia('babel'), p.id);
  expect(host.status).toBe(200);
  expect(host.body.programme.owner).toBe(false);
  expect(host.body.rows.map((x) => [x.province, x.wave])).toEqual([
    ['babel', 1],
    ['babel', 2],
    ['babel', null],
  ]);
  expect(host.body.rows[0]).toMatchObject(b1);
  expect(host.body.total).toMatchObject({ registered: 13, waiting: 2, withdrawn: 1, completed: 7, certificates: 6, delivered: 4 });
  const kalsel = await report(hostAgencyId('kalsel'), panitia(hostAgencyId('kalsel')), p.id);
  expect(kalsel.body.rows.map((x) => x.province)).toEqual(['kalsel']);
  expect(kalsel.body.total).toMatchObject({ registered: 4, completed: 4, certificates: 4, delivered: 0 });

  // An agency outside the programme, and a programme that does not exist: 404.
  const outsider = s.people.find((x) => !p.provinces.some((pr) => pr.hostAgencyId === x.agencyId))!;
  const notHosted = await report(outsider.agencyId, outsider.email, p.id);
  expect(notHosted.status).toBe(404);
  expect(notHosted.body.error.code).toBe('NOT_FOUND');
  const unknown = await report(OWNER_AGENCY, owner, 'tidakada');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.message).toContain('tidakada');

  // A malformed programme id names nothing that can exist (the API's rule for every path id): 404.
  const badId = await report(OWNER_AGENCY, owner, 'SPP_TIK');
  expect(badId.status).toBe(404);
  expect(badId.body.error).toMatchObject({ code: 'NOT_FOUND', path: 'programmeId' });
  // An unknown query parameter is refused, not ignored: 400 naming it.
  const badQuery = await report(OWNER_AGENCY, owner, p.id, '?provinsi=babel');
  expect(badQuery.status).toBe(400);
  expect(badQuery.body.error.code).toBe('INVALID_INPUT');
  expect(badQuery.body.error.message).toContain('provinsi');
});

it('reports 10,000 participants of the national programme', { timeout: 300_000 }, async () => {
  await seedProgramme(s.app.store, s.app.programme!.programmes, nationalProgramme());
  const p = (await s.app.programme!.programmes.programme('spptik2024'))!;
  // Every place taken (2,000 offline, 8,000 online), then 300 waiting and 100 withdrawn on top:
  // attendance and certificates follow the participant's number so the tally below is simple.
  const people: Participant[] = [];
  const certs: Certificate[] = [];
  const messages: MailMessage[] = [];
  const tally = { registered: 0, waiting: 0, withdrawn: 0, attendedAny: 0, completed: 0, certificates: 0, delivered: 0 };
  let n = 0;
  for (const pr of p.provinces) {
    for (const [wave, places] of Object.entries(p.quotas[pr.code] ?? {})) {
      for (let k = 0; k < places; k++) {
        const i = n++;
        // Of every 10: 7 attend everything, 1 attends 4 of 5 sessions (24 JP, completing), 1 two sessions, 1 none.
        const sessions = i % 10 < 7 ? ALL : i % 10 === 7 ? [1, 2, 3, 4] : i % 10 === 8 ? [1, 2] : [];
        const pt = participant(p, i, pr.code, { wave: Number(wave), mode: wave === '5' ? 'daring' : 'luring', sessions });
        people.push(pt);
        tally.registered++;
        if (sessions.length) tally.attendedAny++;
        if (i % 10 < 8) {
          tally.completed++;
          // Certificates for all but every 40th completer; every other certificate's e-mail sent.
          if (i % 40 !== 0) {
            const c = certificate(p, pt, `SPPTIK24-${String(i).padStart(6, '0')}-XXXX`);
            certs.push(c);
            tally.certificates++;
            const sent = i % 2 === 0;
            if (sent) tally.delivered++;
            messages.push(message('semua', pt, c.number, sent ? 'sent' : 'queued', messages.length));
          }
        }
      }
    }
  }
  for (let j = 0; j < 400; j++) {
    const pr = p.provinces[j % p.provinces.length]!;
    const withdrawn = j % 4 === 0;
    people.push(participant(p, n++, pr.code, { status: withdrawn ? 'withdrawn' : 'waiting', mode: Math.floor(j / p.provinces.length) % 2 ? 'daring' : 'luring' }));
    if (withdrawn) tally.withdrawn++;
    else tally.waiting++;
  }
  expect(people.length).toBe(10_400);
  const seeding = performance.now();
  await writeAll(s.db, [...people.map((pt) => ({ path: `programmes/${p.id}/participants/${pt.id}`, data: pt })), ...certs.map((c) => ({ path: `certificates/${c.number}`, data: c }))]);
  await mailing(p, 'semua', messages);
  const seeded = performance.now() - seeding;

  const t0 = performance.now();
  const r = await report(OWNER_AGENCY, owner, p.id);
  const ownerMs = performance.now() - t0;
  expect(r.status).toBe(200);
  const t2 = performance.now();
  const again = await report(OWNER_AGENCY, owner, p.id);
  const againMs = performance.now() - t2;
  expect(again.body.total).toEqual(r.body.total);
  // For comparison only: the report's projection of the participants against their whole documents.
  const t3 = performance.now();
  await s.app.programme!.programmes.participantFacts(p.id, {}, [1, 2, 3, 4, 5]);
  const factsMs = performance.now() - t3;
  const t4 = performance.now();
  await s.app.programme!.programmes.participants(p.id, {});
  const fullMs = performance.now() - t4;
  const t1 = performance.now();
  const host = await report(hostAgencyId('jatim'), panitia(hostAgencyId('jatim')), p.id);
  const hostMs = performance.now() - t1;
  console.log(
    `programme report: ${people.length} participants, ${certs.length} certificates, ${messages.length} messages seeded in ${(seeded / 1000).toFixed(1)} s; ` +
      `owner report (${r.body.rows.length} rows) ${ownerMs.toFixed(0)} ms, again ${againMs.toFixed(0)} ms, a host's (${host.body.rows.length} rows) ${hostMs.toFixed(0)} ms; ` +
      `participants as the projection ${factsMs.toFixed(0)} ms, as whole documents ${fullMs.toFixed(0)} ms`,
  );

  expect(r.body.total).toMatchObject({ capacity: 10_000, ...tally });
  // 34 offline events, 34 online ones, and per province the rows of those without a place (one per mode).
  expect(r.body.rows.filter((x) => x.wave !== null)).toHaveLength(68);
  expect(r.body.rows.filter((x) => x.wave === null)).toHaveLength(68);
  expect(r.body.provinces).toHaveLength(34);
  expect(r.body.waves.map((w) => w.wave)).toEqual([1, 2, 3, 4, 5, null]);
  expect(r.body.waves.reduce((a, w) => a + w.registered, 0)).toBe(tally.registered);
  expect(r.body.waves.find((w) => w.wave === 5)!.registered).toBe(8_000);
  // Each province's figures add up to the total; a host's view is its province's line.
  const sum = (k: 'registered' | 'completed' | 'certificates' | 'delivered') => r.body.provinces.reduce((a, x) => a + x[k], 0);
  expect([sum('registered'), sum('completed'), sum('certificates'), sum('delivered')]).toEqual([tally.registered, tally.completed, tally.certificates, tally.delivered]);
  const jatim = r.body.provinces.find((x) => x.province === 'jatim')!;
  const { province: _p, provinceName: _n, ...jatimFigures } = jatim;
  expect(host.body.total).toEqual(jatimFigures);
});
