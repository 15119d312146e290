// The partner's read-only status page, GET /p/<signed token>, through the real functions-framework
// server on the Firestore emulator: the receipt's link shows the case number, the SOP, its steps
// (done, current, waiting), the current step's due date in the agency's zone and the outcome, and
// nothing internal; bad, tampered, expired and other-kind tokens are refused with an Indonesian 4xx
// page in milliseconds.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../functions/src/dev/sample-answers.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { formById } from '../../functions/src/forms/index.ts';
import { createRefs } from '../../functions/src/forms/refs.ts';
import { renderStatusPage } from '../../functions/src/forms/status-page.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { FORMS_SECRET, startStack, type Stack } from '../support/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => s?.close());

const refs = createRefs(FORMS_SECRET);
const FAR = 4_102_444_800; // 2100

async function page(path: string) {
  const t = performance.now();
  const res = await fetch(s.url + path);
  return { status: res.status, html: await res.text(), headers: res.headers, ms: performance.now() - t };
}

/** A request through a form that opens a case, with its receipt's status link. */
async function requested(formId = 'pusling_permintaan', agency = 'balangan') {
  const answers: Record<string, string[]> = { ...sampleAnswers(formById(formId)!), email: [`status${randomUUID().slice(0, 8)}@sekolah.example.org`] };
  const r = await s.app.forms!.receive(agency, { formId, responseId: `resp${randomUUID().replace(/-/g, '')}`, submittedAt: new Date().toISOString(), respondentEmail: null, answers });
  expect(r.submission.status).toBe('accepted');
  const mail = (await s.db.doc(`agencies/${agency}/outbox/${r.submission.caseId}-tanda_terima-${r.submission.responseId}`).get()).data()!;
  const link = /https:\/\/api\.example\.test(\/p\/[A-Za-z0-9_.-]+)/.exec(mail.email.text)![1]!;
  return { caseId: r.submission.caseId!, link, answers };
}

async function step(agency: string, sop: string, caseId: string, no: number, extra: Record<string, unknown> = {}) {
  const st = stepOf(catalogById(sop), no);
  const r = await s.call('POST', `/v1/agencies/${agency}/cases/${caseId}/actions`, { as: s.who(agency, st.actors[0]!), body: { type: 'complete', step: no, ...fullInput(st), ...extra } });
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  return r.body.state;
}

describe('the status page', () => {
  it('shows the case number, the SOP, its steps and the due date in the agency zone, and nothing internal', async () => {
    const { caseId, link, answers } = await requested('kunjungan_permohonan', 'babel');
    const note = 'Catatan internal: pemohon sulit dihubungi, hubungi kepala sekolah langsung.';
    await step('babel', 'kunjungan', caseId, 2, { note });
    const state = await step('babel', 'kunjungan', caseId, 3, { note });
    const res = await page(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = res.html;
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain(state.nomor);
    expect(html).toContain('Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung');
    expect(html).toContain(catalogById('kunjungan').title);
    expect(html.match(/<li class="done">/g)).toHaveLength(3);
    expect(html).toContain('<li class="current"><span class="mark"><span class="sr">Langkah </span>4</span><span class="what">Memeriksa jadwal');
    expect(html).toMatch(/<li class="waiting"><span class="mark"><span class="sr">Langkah <\/span>10<\/span>/);
    expect(html).toMatch(/Target selesai langkah ini: <strong>\w+, \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB<\/strong>/);

    // Nothing internal: staff, notes, data values, document links, the partner's own contact.
    const c = (await s.call('GET', `/v1/agencies/babel/cases/${caseId}`, { as: s.who('babel', 'kasi_layanan') })).body;
    expect(c.case.documents.surat_kunjungan.url).toMatch(/^https:/);
    const secrets = [
      ...s.people.filter((p) => p.agencyId === 'babel').flatMap((p) => [p.name, p.email]),
      note,
      'sulit dihubungi',
      ...Object.values(c.case.data).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string' && v.length >= 6),
      ...Object.values(c.case.documents).flatMap((d: any) => [d.url, d.pdfUrl]).filter(Boolean),
      answers.email![0]!,
      answers.telepon![0]!,
      c.case.partner.name,
      c.case.title,
    ];
    expect(secrets.length).toBeGreaterThan(15);
    for (const secret of secrets) expect(html, secret).not.toContain(secret);
    expect(html).not.toMatch(/https?:\/\//);
    // The only address: the agency's own, from its letterhead, for questions.
    expect(html.match(/[\w.+-]+@[\w.-]+/g)).toEqual(['dkpus@babel.demo.perpustakaan.id']);
  });

  it('a closed case shows its outcome; a cancelled one only that it was cancelled', async () => {
    const { caseId, link } = await requested();
    const reason = 'Alasan pembatalan internal yang tidak untuk mitra.';
    const r = await s.call('POST', `/v1/agencies/balangan/cases/${caseId}/cancel`, { as: s.who('balangan', 'kabid_perpustakaan'), body: { reason } });
    expect(r.status).toBe(200);
    const res = await page(link);
    expect(res.status).toBe(200);
    expect(res.html).toContain('Permohonan ini dibatalkan.');
    expect(res.html).not.toContain(reason);
    expect(res.html).toMatch(/<li class="skipped">/);
    expect(res.html).not.toContain('class="current"');

    const closed = renderStatusPage({
      agencyName: 'X',
      contact: null,
      nomor: 'KUNJUNGAN/2026/0001',
      sopTitle: 'Kunjungan',
      status: 'closed',
      steps: [{ no: 1, activity: 'Langkah', mark: 'done' }],
      current: null,
      outcome: 'Kunjungan resmi terlaksana',
      updatedLocal: 'Senin, 1 Juni 2026 10.00 WIB',
    });
    expect(closed).toContain('<p>Kunjungan resmi terlaksana</p>');
  });

  it('escapes everything it shows', () => {
    const html = renderStatusPage({
      agencyName: `Dinas <script>alert("x")</script> & 'Co'`,
      contact: '<img src=x onerror=alert(1)>',
      nomor: '"><b>1</b>',
      sopTitle: '</title><script>',
      status: 'open',
      steps: [{ no: 1, activity: '<iframe src="https://evil.example">', mark: 'current' }],
      current: { no: 1, activity: '<svg onload=alert(1)>', dueLocal: '<u>kapan</u>', byPartner: true },
      outcome: null,
      updatedLocal: '&amp;',
    });
    expect(html).not.toMatch(/<(script|img|iframe|svg|b|u)\b/);
    expect(html).toContain('Dinas &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    expect(html).toContain('&amp;amp;');
    expect(html).toContain('Langkah ini menunggu tindakan Anda');
  });

  it('refuses bad, tampered, forged, expired and other-kind tokens with an Indonesian 4xx page, in milliseconds', async () => {
    const { caseId, link } = await requested();
    const token = link.slice('/p/'.length);
    const [payload, sig] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, c: 'LainKasus123' })).toString('base64url')}.${sig}`;
    const cases: [string, string, number, RegExp][] = [
      ['garbage', 'abc', 400, /bukan tautan status/],
      ['truncated', token.slice(0, -5), 400, /bukan tautan status/],
      ['path-like', '..%2F..%2Fetc%2Fpasswd', 400, /bukan tautan status/],
      ['<script>', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', 400, /bukan tautan status/],
      ['tampered', tampered, 404, /tidak sah/],
      ['forged', createRefs('rahasia-lain-yang-cukup-panjang-0123456789').sign({ k: 'status', a: 'balangan', c: caseId, e: FAR }), 404, /tidak sah/],
      ['expired', refs.sign({ k: 'status', a: 'balangan', c: caseId, e: 1_000 }), 404, /kedaluwarsa/],
      ['a form reference', refs.sign({ k: 'form', a: 'balangan', c: caseId, s: 1, v: 1, e: FAR }), 404, /bukan tautan status/],
      ['an unknown case', refs.sign({ k: 'status', a: 'balangan', c: 'TidakAda123', e: FAR }), 404, /tidak ditemukan/],
      ['an unknown agency', refs.sign({ k: 'status', a: 'tidak-ada', c: caseId, e: FAR }), 404, /tidak ditemukan/],
      ['another agency', refs.sign({ k: 'status', a: 'sukoharjo', c: caseId, e: FAR }), 404, /tidak ditemukan/],
    ];
    for (const [name, tok, status, message] of cases) {
      const res = await page(`/p/${tok}`);
      expect(res.status, name).toBe(status);
      expect(res.headers.get('content-type'), name).toBe('text/html; charset=utf-8');
      expect(res.html, name).toMatch(message);
      expect(res.html, name).toContain('<html lang="id">');
      expect(res.html, name).not.toContain('<script');
      expect(res.ms, name).toBeLessThan(1000);
    }
    expect((await page('/p/')).status).toBe(400);
    expect((await page(`/p/${token}/lagi`)).status).toBe(400);
    // POST is not a page.
    expect((await fetch(`${s.url}${link}`, { method: 'POST' })).status).toBe(404);
  });
});
