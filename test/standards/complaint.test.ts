// A complaint walks its own SOP end to end: a partner sends the "pengaduan" form (through the
// form service, as the intake records a Google Forms response), the case opens with step 1 done
// by the partner, the front office forwards it, the Kasi answers, the Kabid sends it back once
// and then approves, the front office delivers the answer; the receipt and the history say so,
// the complaint is tied to the case it concerns, and its steps are measured like any SOP's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../functions/src/dev/demo.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let now = new Date('2026-11-16T02:00:00Z'); // Monday 16 November 2026, 09.00 WIB
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
const pengaduan = catalogById('pengaduan');
const AG = 'sukoharjo';
const A = `/v1/agencies/${AG}`;

beforeAll(async () => {
  s = await startStack({ clock: () => now });
});
afterAll(async () => s?.close());

describe('complaints', () => {
  it('a complaint from the form is received, forwarded, answered within its standard and closed', { timeout: 60_000 }, async () => {
    const fo = demoEmail(AG, 'front_office');
    const kasi = demoEmail(AG, 'kasi_layanan');
    const kabid = demoEmail(AG, 'kabid_perpustakaan');
    // The case the complaint is about.
    const about = (await s.call('POST', `${A}/cases`, { as: demoEmail(AG, 'sub_koordinator'), body: { sop: 'kitapun', partner: { name: 'Perpustakaan SD Negeri 1 Bendosari' } } })).body.state;

    const r = await s.app.forms!.receive(AG, {
      formId: 'pengaduan',
      responseId: 'ACYDBNg-pengaduan-1',
      submittedAt: now.toISOString(),
      respondentEmail: null,
      answers: {
        nama: ['Perpustakaan SD Negeri 1 Bendosari'],
        email: ['perpus.sdn1bendosari@sekolah.example.org'],
        telepon: ['0812 3456 7890'],
        layanan: ['KITAPUN SENAPAS'],
        nomor_kasus: [about.nomor],
        uraian: ['Jadwal monev berubah tanpa pemberitahuan; kami sudah menyiapkan dokumen.'],
      },
    });
    expect(r.submission).toMatchObject({ status: 'accepted', caseNomor: expect.stringMatching(/^PENGADUAN\/2026\/\d{4}$/) });
    const id = r.submission.caseId!;
    let c = (await s.call('GET', `${A}/cases/${id}`, { as: fo })).body;
    expect(c.case).toMatchObject({ sopId: 'pengaduan', currentStep: 2, data: { nomor_kasus_terkait: about.nomor, layanan_diadukan: 'KITAPUN SENAPAS' } });
    expect(c.events.map((e: any) => [e.action, e.step, e.actor.via ?? null])).toEqual([
      ['create', null, 'formulir'],
      ['complete', 1, 'formulir'],
    ]);
    // The receipt e-mail went to the complainant once.
    const mails = (await s.db.collection(`agencies/${AG}/outbox`).where('kind', '==', 'mail').get()).docs.map((d) => d.data());
    expect(mails.filter((m) => m.caseId === id).map((m) => m.email.to)).toEqual([['perpus.sdn1bendosari@sekolah.example.org']]);

    const act = async (who: string, no: number, decision?: 'yes' | 'no') => {
      const step = stepOf(pengaduan, no);
      const body = decision ? { type: 'decide', step: no, decision, ...fullInput(step) } : { type: 'complete', step: no, ...fullInput(step) };
      const res = await s.call('POST', `${A}/cases/${id}/actions`, { as: who, body });
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
      return res.body.event;
    };
    // Only the front office forwards; the Kasi cannot take step 2.
    expect((await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 2, ...fullInput(stepOf(pengaduan, 2)) } })).status).toBe(403);
    later(90);
    expect(await act(fo, 2)).toMatchObject({ withinStandard: true });
    later(60 * 24 * 2); // two days: within "3 hari"
    expect(await act(kasi, 3)).toMatchObject({ withinStandard: true });
    later(120);
    expect(await act(kabid, 4, 'no')).toMatchObject({ decision: 'no', toStep: 3 });
    later(60 * 24 * 6); // the revision took six days (Monday to the next Monday): late
    expect(await act(kasi, 3)).toMatchObject({ withinStandard: false });
    later(30);
    await act(kabid, 4, 'yes');
    later(60);
    const last = await act(fo, 5);
    expect(last).toMatchObject({ toStep: null, withinStandard: true });
    c = (await s.call('GET', `${A}/cases/${id}`, { as: fo })).body;
    expect(c.case).toMatchObject({ status: 'closed', outcome: 'Pengaduan dijawab', alertAt: null });

    // The complaint SOP's report counts it, the "no" loop included.
    const rep = (await s.call('GET', `${A}/reports/sop/pengaduan?from=2026-11-01&to=2026-11-30`, { as: kabid })).body;
    expect(rep.cases).toMatchObject({ opened: 1, closed: 1, openNow: 0 });
    expect(rep.decisions).toEqual([expect.objectContaining({ step: 4, yes: 1, no: 1, loopsBack: true, casesWithNo: 1 })]);
    expect(rep.steps.find((x: any) => x.step === 3)).toMatchObject({ count: 2, within: 1, shareWithin: 0.5 });
  });
});
