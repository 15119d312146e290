// The programme's public pages, outside /v1 and without a Google token: GET /v/<certificate
// number> (verification), GET/POST /r/<token> (a registrant's status, and withdrawing), GET/POST
// /h/<token> (checking in to a session) and GET/POST /h/<programme>/<code> (the same, with the
// short code printed on the session's daftar hadir). A malformed or forged number or token is
// refused from its signature alone, without reading Firestore; a code is checked against the
// participants its id part names (one query), and refused alike whether its id part or its check
// characters are wrong.
import type { Request, Response } from '@google-cloud/functions-framework';
import type { Participant, Programme, ProgrammeStore } from '../model/programme.ts';
import { eventById, rentang, tanggal } from './events.ts';
import { dl, esc, page, PROGRAMME_PAGE_CSP, verificationPage, type Verification } from './pages.ts';
import type { RegistrationService } from './registration.ts';
import { certificateNumberGenuine, parseCheckInCode, type ProgrammeTokens } from './tokens.ts';

export type ProgrammePublic = ReturnType<typeof createProgrammePublic>;

export function createProgrammePublic(deps: { programmes: ProgrammeStore; registration: RegistrationService; tokens: ProgrammeTokens; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());

  async function verify(number: string): Promise<Verification> {
    if (!certificateNumberGenuine(deps.tokens, number)) return { valid: false, number };
    const c = await deps.programmes.certificate(number);
    if (!c || c.revoked) return { valid: false, number };
    return { valid: true, number, name: c.name, programme: c.programmeName, date: tanggal(c.date) };
  }

  const STATUS_TEXT = { registered: 'Terdaftar sebagai peserta', waiting: 'Daftar tunggu', withdrawn: 'Mengundurkan diri' } as const;

  /** The status page; withdrawing takes two presses (the button, then "Ya") since it cannot be undone. */
  async function statusPage(token: string, method: string, body: unknown = null): Promise<{ status: number; html: string }> {
    const v = deps.tokens.verify(token, clock());
    if (!v.ok || v.claims.k !== 'r') return { status: v.ok || v.problem !== 'malformed' ? 404 : 400, html: page('Tautan tidak sah', '<h1>Tautan tidak sah</h1><p>Tautan status pendaftaran ini tidak sah, sudah diubah, atau kedaluwarsa.</p>') };
    const p = await deps.registration.programme(v.claims.p);
    let pt = p ? await deps.programmes.participant(p.id, v.claims.i) : null;
    if (!p || !pt) return { status: 404, html: page('Tidak ditemukan', '<h1>Pendaftaran tidak ditemukan</h1>') };
    let note = '';
    const confirmed = typeof body === 'object' && body !== null && (body as Record<string, unknown>).konfirmasi === 'ya';
    if (method === 'POST' && pt.status !== 'withdrawn' && !confirmed) {
      const what = pt.status === 'waiting' ? 'Anda keluar dari daftar tunggu.' : 'Tempat Anda diberikan kepada pendaftar pertama di daftar tunggu.';
      return {
        status: 200,
        html: page('Mengundurkan diri?', `<h1>Mengundurkan diri?</h1>${dl([['Program', p.name], ['Nama', pt.name]])}<p>${esc(what)} Pengunduran diri tidak dapat dibatalkan.</p><form method="post"><input type="hidden" name="konfirmasi" value="ya"><button type="submit">Ya, saya mengundurkan diri</button></form><p><a class="back" href="">Batal, kembali ke status pendaftaran</a></p>`),
      };
    }
    if (method === 'POST' && pt.status !== 'withdrawn') {
      pt = (await deps.registration.withdraw(p, pt.id, 'peserta')).participant;
      note = '<p class="ok">Pengunduran diri Anda telah dicatat.</p>';
    }
    const ev = pt.eventId ? eventById(p, pt.eventId) : null;
    const rows: [string, string][] = [
      ['Program', p.name],
      ['Nama', pt.name],
      ['Perpustakaan/TBM', pt.library],
      ['Status', pt.status === 'waiting' ? `${STATUS_TEXT.waiting} nomor ${(await deps.programmes.waitingPosition(p.id, pt)) ?? '-'}` : STATUS_TEXT[pt.status]],
      ...(ev ? ([['Kegiatan', ev.label], ['Tanggal', rentang(ev.start, ev.end)], ...(ev.place ? [['Tempat', ev.place] as [string, string]] : [])] as [string, string][]) : []),
      ...(pt.certificate ? ([['Sertifikat', pt.certificate.number]] as [string, string][]) : []),
    ];
    const why = pt.status === 'waiting' ? 'Tidak jadi ikut? Keluar dari daftar tunggu agar pendaftar berikutnya lebih cepat mendapat tempat.' : 'Berhalangan hadir? Mengundurkan diri memberi tempat Anda kepada pendaftar di daftar tunggu.';
    const action = pt.status === 'withdrawn' ? '' : `<form method="post"><p>${esc(why)}</p><button type="submit">Saya mengundurkan diri</button></form>`;
    return { status: 200, html: page('Status pendaftaran', `<h1>Status pendaftaran</h1>${note}${dl(rows)}${action}`) };
  }

  const INVALID_LINK = page('Tautan tidak sah', '<h1>Tautan tidak sah</h1><p>Tautan presensi ini tidak sah, sudah diubah, atau kedaluwarsa.</p>');
  const INVALID_CODE = page('Kode tidak sah', '<h1>Kode presensi tidak sah</h1><p>Periksa kembali kode pada daftar hadir: kode berlaku untuk satu peserta dan satu sesi.</p>');
  /** How long after its event a code printed on a daftar hadir is accepted (a signed link carries its own expiry). */
  const CODE_DAYS = 60;

  async function checkInPage(token: string, method: string): Promise<{ status: number; html: string }> {
    const v = deps.tokens.verify(token, clock());
    if (!v.ok || v.claims.k !== 'h' || !v.claims.s) return { status: v.ok || v.problem !== 'malformed' ? 404 : 400, html: INVALID_LINK };
    const p = await deps.registration.programme(v.claims.p);
    const pt = p ? await deps.programmes.participant(p.id, v.claims.i) : null;
    return checkIn(p, pt, v.claims.s, method);
  }

  /** /h/<programme>/<code>: the participant whose id starts as the code says, and the session its check characters are for. */
  async function checkInByCode(programmeId: string, code: string, method: string): Promise<{ status: number; html: string }> {
    const c = parseCheckInCode(code);
    if (!c) return { status: 400, html: INVALID_CODE };
    const p = await deps.registration.programme(programmeId);
    if (!p) return { status: 404, html: INVALID_CODE };
    for (const pt of await deps.programmes.participantsByIdPrefix(p.id, c.prefix, 5)) {
      const s = p.sessions.find((x) => deps.tokens.checkInMatches(p.id, pt.id, x.no, c.check));
      if (!s) continue;
      const ev = pt.eventId ? eventById(p, pt.eventId) : null;
      if (ev && clock().getTime() > Date.parse(`${ev.end}T23:59:59Z`) + CODE_DAYS * 86_400_000) return { status: 404, html: INVALID_CODE };
      return checkIn(p, pt, s.no, method);
    }
    return { status: 404, html: INVALID_CODE };
  }

  /** The check-in page of a participant for a session: a button (link previews never check anyone in), then the mark. */
  async function checkIn(p: Programme | null, pt: Participant | null, sessionNo: number, method: string): Promise<{ status: number; html: string }> {
    const session = p?.sessions.find((s) => s.no === sessionNo);
    if (!p || !pt || !session || !pt.eventId) return { status: 404, html: page('Tidak ditemukan', '<h1>Peserta tidak ditemukan</h1>') };
    const ev = eventById(p, pt.eventId);
    const head = `<h1>Presensi sesi ${session.no}</h1>${dl([['Program', p.name], ...(ev ? ([['Kegiatan', `${ev.label}, ${rentang(ev.start, ev.end)}`]] as [string, string][]) : []), ['Sesi', session.title], ['Nama', pt.name]])}`;
    if (pt.attendance[String(session.no)]) return { status: 200, html: page('Presensi', `${head}<p class="ok">Kehadiran Anda sudah tercatat.</p>`) };
    if (method !== 'POST') return { status: 200, html: page('Presensi', `${head}<form method="post"><button class="go" type="submit">Saya hadir</button></form>`) };
    const r = await deps.programmes.markAttendance(p.id, pt.eventId, [pt.id], session.no, { at: clock().toISOString(), via: 'tautan', by: pt.id });
    return r.refused.length ? { status: 409, html: page('Presensi', `${head}<p class="no">Kehadiran tidak dapat dicatat: Anda bukan peserta terdaftar kegiatan ini.</p>`) } : { status: 200, html: page('Presensi', `${head}<p class="ok">Kehadiran Anda tercatat. Terima kasih.</p>`) };
  }

  return {
    verify,
    /** Answers /v/, /r/ and /h/ pages (/h/<token> and /h/<programme>/<code>); false when the path is none of them. */
    async handle(req: Request, res: Response, path: string): Promise<boolean> {
      const code = /^\/h\/([a-z][a-z0-9]{1,31})\/([^/]{1,60})$/.exec(path);
      const m = code ? (['', 'c', code[2]!] as const) : /^\/(v|r|h)\/([^/]{1,600})$/.exec(path);
      if (!m || !['GET', 'HEAD', 'POST'].includes(req.method) || (m[1] === 'v' && req.method === 'POST')) return false;
      res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PROGRAMME_PAGE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' });
      try {
        let key: string;
        try {
          key = decodeURIComponent(m[2]!);
        } catch {
          key = ''; // not a number or token of ours: refused below like any other
        }
        if (m[1] === 'v') {
          const v = await verify(key);
          res.status(v.valid ? 200 : 404).send(verificationPage(v));
        } else {
          const out = m[1] === 'r' ? await statusPage(key, req.method, req.body) : m[1] === 'c' ? await checkInByCode(code![1]!, key, req.method) : await checkInPage(key, req.method);
          res.status(out.status).send(out.html);
        }
      } catch (err) {
        console.error(JSON.stringify({ severity: 'ERROR', message: 'programme page: unexpected error', error: err instanceof Error ? err.stack : String(err) }));
        res.status(500).send(page('Terjadi kesalahan', `<h1>Terjadi kesalahan</h1><p>${esc('Halaman tidak dapat ditampilkan saat ini. Coba lagi beberapa saat lagi.')}</p>`));
      }
      return true;
    },
  };
}
