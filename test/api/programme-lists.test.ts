// The programme's lists through the API on the emulator: participants read a page at a time with
// a page token (every one exactly once, in registration order, the total on the first page; a
// forged, cut or foreign token and an out-of-range limit refused with the field named), a host
// scoped to its own province; and the list of mailings (the owner every one with its counts, a host
// only those it sends for, with its own account's counts), with the progress route scoped alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '../../functions/src/model/programme.ts';
import { OWNER_AGENCY, seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { registrationFormId } from '../../functions/src/programme/registration.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let p: Programme;
const owner = `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`;
const babel = 'panitia@babel.demo.perpustakaan.id';
const kalsel = 'panitia@dispusip-kalsel.demo.perpustakaan.id';
const N_BABEL = 230;
const N_KALSEL = 12;
const ids: { babel: string[]; kalsel: string[] } = { babel: [], kalsel: [] };

async function register(province: string, n: number): Promise<void> {
  const reg = s.app.programme!.registration;
  for (let i = 0; i < n; i++) {
    const r = await reg.receive(OWNER_AGENCY, {
      formId: registrationFormId(p.id),
      responseId: `resp-${province}-${i}`,
      submittedAt: new Date(Date.UTC(2024, 3, 1, 0, 0, i)).toISOString(),
      respondentEmail: null,
      answers: { nama: [`Peserta ${province} ${i}`], lembaga: [`TBM ${i}`], desa: ['Air Itam'], kecamatan: ['Bukit Intan'], kabupaten: ['Kota Pangkalpinang'], provinsi: [province], telepon: [`0813${String((province === 'babel' ? 40_000_000 : 50_000_000) + i)}`], email: [`q${province}${i}@desa.example.id`] },
    });
    expect(r.outcome).toBe('registered');
    ids[province as 'babel' | 'kalsel'].push(r.participantId!);
  }
}

beforeAll(async () => {
  s = await startStack();
  const parts = s.app.programme!;
  // Bangka Belitung's first event large enough that its participants take several pages.
  await seedProgramme(s.app.store, parts.programmes, { ...smallProgramme(), quotas: { babel: { '1': 300, '2': 30 }, kalsel: { '1': 40 }, jateng: { '2': 60 } } });
  p = (await parts.programmes.programme('spptikdemo'))!;
  await register('babel', N_BABEL);
  await register('kalsel', N_KALSEL);
}, 180_000);
afterAll(async () => s?.close());

const list = (agency: string, as: string, q: string) => s.call('GET', `/v1/agencies/${agency}/programmes/${p.id}/participants${q}`, { as });

describe('GET /programmes/{p}/participants pages', () => {
  it('reads every participant once, in registration order, with the total on the first page', async () => {
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const r = await list('babel', babel, `?event=babel-1&limit=100${token ? `&pageToken=${token}` : ''}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.limit).toBe(100);
      expect(r.body.total).toBe(pages === 0 ? N_BABEL : null);
      seen.push(...r.body.participants.map((x: { id: string }) => x.id));
      token = r.body.nextPageToken;
      pages++;
    } while (token && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids.babel);
    // The default page holds 200; the owner reads both provinces.
    const all = await list(OWNER_AGENCY, owner, '');
    expect(all.body.participants).toHaveLength(200);
    expect(all.body.total).toBe(N_BABEL + N_KALSEL);
    expect(all.body.nextPageToken).toEqual(expect.any(String));
    const rest = await list(OWNER_AGENCY, owner, `?pageToken=${all.body.nextPageToken}`);
    expect(rest.body.participants).toHaveLength(N_BABEL + N_KALSEL - 200);
    expect(rest.body.nextPageToken).toBeNull();
  });

  it('scopes a host to its own province, also when paging', async () => {
    const r = await list('dispusip-kalsel', kalsel, '?limit=5');
    expect(r.body.total).toBe(N_KALSEL);
    expect(r.body.participants.every((x: { province: string }) => x.province === 'kalsel')).toBe(true);
    const next = await list('dispusip-kalsel', kalsel, `?limit=5&pageToken=${r.body.nextPageToken}`);
    expect(next.body.participants.map((x: { id: string }) => x.id)).toEqual(ids.kalsel.slice(5, 10));
    // Bangka Belitung's event is not Kalimantan Selatan's to list.
    const other = await list('dispusip-kalsel', kalsel, '?event=babel-1');
    expect(other.status).toBe(400);
    expect(other.body.error.path).toBe('event');
  });

  it('refuses a bad limit or page token with the field named, never a 500', async () => {
    const first = await list('babel', babel, '?event=babel-1&limit=10');
    const token: string = first.body.nextPageToken;
    const forged = Buffer.from(JSON.stringify({ v: 1, s: '0123456789abcdef', k: 'x', i: 'abcdefgh12' })).toString('base64url');
    const rows: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=2001', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=10&pageToken=%25%25', 'pageToken'],
      [`?limit=10&pageToken=${token.slice(0, -3)}`, 'pageToken'],
      [`?limit=10&pageToken=${forged}`, 'pageToken'],
      // A token of the event's list does not continue the whole programme's list.
      [`?limit=10&pageToken=${token}`, 'pageToken'],
      ['?status=hadir', 'status'],
      ['?sort=name', 'sort'],
    ];
    for (const [q, field] of rows) {
      const r = await list('babel', babel, q);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code, q).toBe('INVALID_INPUT');
      expect(JSON.stringify(r.body.error.fields), q).toContain(field);
    }
  });
});

describe('GET /programmes/{p}/mailings', () => {
  it('lists the owner every mailing with its counts, a host only those it sends for', async () => {
    // Certificates for a few of each province, by hand: attendance of every session, then issue.
    const mark = (agency: string, as: string, event: string, participants: string[], session: number) =>
      s.call('POST', `/v1/agencies/${agency}/programmes/${p.id}/attendance`, { as, body: { event, session, participants } });
    for (const session of [1, 2, 3, 4, 5]) {
      expect((await mark('babel', babel, 'babel-1', ids.babel.slice(0, 4), session)).status).toBe(200);
      expect((await mark('dispusip-kalsel', kalsel, 'kalsel-1', ids.kalsel.slice(0, 3), session)).status).toBe(200);
    }
    expect((await s.call('POST', `/v1/agencies/babel/programmes/${p.id}/certificates`, { as: babel, body: { event: 'babel-1' } })).body.issued).toBe(4);
    expect((await s.call('POST', `/v1/agencies/dispusip-kalsel/programmes/${p.id}/certificates`, { as: kalsel, body: { event: 'kalsel-1' } })).body.issued).toBe(3);
    // One mailing by the owner over both provinces, one by Bangka Belitung for its own event.
    const all = await s.call('POST', `/v1/agencies/${OWNER_AGENCY}/programmes/${p.id}/mailings`, { as: owner, body: { kind: 'sertifikat' } });
    expect(all.status).toBe(201);
    expect(all.body.total).toBe(7);
    const own = await s.call('POST', `/v1/agencies/babel/programmes/${p.id}/mailings`, { as: babel, body: { kind: 'sertifikat', event: 'babel-1' } });
    expect(own.status).toBe(201);
    // One message of the owner's mailing is marked sent, as the runner would.
    await s.app.programme!.programmes.updateMessage(p.id, all.body.mailingId, ids.kalsel[0]!, { status: 'sent', sentAt: new Date().toISOString(), messageId: 'm1' });

    const ownerList = await s.call('GET', `/v1/agencies/${OWNER_AGENCY}/programmes/${p.id}/mailings`, { as: owner });
    expect(ownerList.status).toBe(200);
    const byId = Object.fromEntries(ownerList.body.mailings.map((m: { id: string }) => [m.id, m]));
    expect(byId[all.body.mailingId]).toMatchObject({ total: 7, sent: 1, queued: 6, failed: 0, senders: 2, kind: 'sertifikat' });
    expect(byId[own.body.mailingId]).toMatchObject({ total: 4, sent: 0, queued: 4, senders: 1 });

    const babelList = await s.call('GET', `/v1/agencies/babel/programmes/${p.id}/mailings`, { as: babel });
    expect(babelList.body.mailings.map((m: { id: string }) => m.id).sort()).toEqual([all.body.mailingId, own.body.mailingId].sort());
    expect(babelList.body.mailings.find((m: { id: string }) => m.id === all.body.mailingId)).toMatchObject({ total: 4, sent: 0, queued: 4, senders: 1 });
    const kalselList = await s.call('GET', `/v1/agencies/dispusip-kalsel/programmes/${p.id}/mailings`, { as: kalsel });
    expect(kalselList.body.mailings).toHaveLength(1);
    expect(kalselList.body.mailings[0]).toMatchObject({ id: all.body.mailingId, total: 3, sent: 1, queued: 2 });

    // Progress alike: the owner per account, a host its own account only, and not another's mailing.
    const prOwner = await s.call('GET', `/v1/agencies/${OWNER_AGENCY}/programmes/${p.id}/mailings/${all.body.mailingId}`, { as: owner });
    expect(prOwner.body.bySender.map((x: { agencyId: string }) => x.agencyId)).toEqual(['babel', 'dispusip-kalsel']);
    const prKalsel = await s.call('GET', `/v1/agencies/dispusip-kalsel/programmes/${p.id}/mailings/${all.body.mailingId}`, { as: kalsel });
    expect(prKalsel.body).toMatchObject({ total: 3, sent: 1, queued: 2, bySender: [{ agencyId: 'dispusip-kalsel' }] });
    const notHers = await s.call('GET', `/v1/agencies/dispusip-kalsel/programmes/${p.id}/mailings/${own.body.mailingId}`, { as: kalsel });
    expect(notHers.status).toBe(404);
    // A query on the list is not silently ignored.
    expect((await s.call('GET', `/v1/agencies/babel/programmes/${p.id}/mailings?limit=5`, { as: babel })).status).toBe(400);
  });
});
