// Registration for a programme through a partner form (the intake of the partner forms: a watch
// per form, a cursor, each response handed over once or more). Each response is recorded exactly
// once (programmes/{p}/registrations/{formId-responseId}) in the same transaction that places the
// registrant: a place in the first wave of their province and mode with room, else the province's
// waiting list; the same phone or e-mail again within the programme is merged into the first
// record, never counted twice. Only what the training needs is asked (no NIK). The confirmation
// e-mail, with a status link, goes through the host agency's outbox, written in the transaction.
import type { OutboxNotifier } from '../cases/service.ts';
import { readOne } from '../forms/answers.ts';
import type { PartnerForm, Question } from '../forms/schema.ts';
import type { IncomingResponse } from '../forms/service.ts';
import type { Mode, NoticeFn, Participant, Programme, ProgrammeStore } from '../model/programme.ts';
import { freshEntry, type Agency, type OutboxEntry } from '../model/records.ts';
import { DomainFailure } from '../sop/errors.ts';
import { eventsOf, rentang } from './events.ts';
import type { ProgrammeTokens } from './tokens.ts';

const FORM_PREFIX = 'daftar_';

/** Our form id of a programme's registration form (agency.forms key of the owner agency). */
export function registrationFormId(programmeId: string): string {
  return `${FORM_PREFIX}${programmeId}`;
}
export function programmeIdOfForm(formId: string): string | null {
  return formId.startsWith(FORM_PREFIX) ? formId.slice(FORM_PREFIX.length) : null;
}

/** Digits only, with the country code: "0812-3456 7890", "+62 812 3456 7890" and "812..." are one phone. */
export function phoneKey(phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.startsWith('62')) return d;
  if (d.startsWith('0')) return `62${d.slice(1)}`;
  return `62${d}`;
}

/** Tries of one registration that meets a busy quota (BUSY) before the intake's read fails and is done again later. */
export const REGISTER_ATTEMPTS = 4;

/** How long a status link works. */
export const STATUS_LINK_DAYS = 400;

/** The programme's registration form as a partner form definition (the same Google Forms set-up code makes it). */
export function registrationForm(p: Programme): PartnerForm {
  const modes = [...new Set(p.waves.map((w) => w.mode))];
  const q = (id: string, title: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({ id, title, kind, required: true, to: [`data.${id}`], ...extra });
  const waves = p.waves.map((w) => `gelombang ${w.no} ${rentang(w.start, w.end)} (${w.mode})`).join('; ');
  return {
    id: registrationFormId(p.id),
    version: 1,
    sopId: 'bimtek',
    title: `Pendaftaran ${p.name}`,
    description: `Pendaftaran peserta ${p.name} bagi pengelola perpustakaan desa/kelurahan dan Taman Bacaan Masyarakat (TBM). Jadwal: ${waves}. Kuota per provinsi terbatas; pendaftar setelah kuota penuh masuk daftar tunggu. Kami tidak meminta NIK.`,
    mode: 'open',
    next: 'Kami mengirim konfirmasi tempat atau nomor daftar tunggu; undangan dikirim oleh dinas perpustakaan provinsi Anda.',
    questions: [
      q('nama', 'Nama lengkap (untuk sertifikat)', 'short', { to: ['partner.name', 'data.nama'] }),
      q('lembaga', 'Nama perpustakaan desa/kelurahan atau TBM yang Anda kelola', 'short'),
      q('desa', 'Desa/kelurahan', 'short'),
      q('kecamatan', 'Kecamatan', 'short'),
      q('kabupaten', 'Kabupaten/kota', 'short'),
      q('provinsi', 'Provinsi', 'choice', { options: p.provinces.map((x) => ({ value: x.code, label: x.name })) }),
      q('telepon', 'Nomor telepon/WhatsApp', 'phone', { help: 'Contoh: 0812 3456 7890', to: ['partner.phone'] }),
      q('email', 'Alamat e-mail (konfirmasi dan sertifikat dikirim ke sini)', 'email', { to: ['partner.email'] }),
      ...(modes.length > 1 ? [q('moda', 'Mengikuti secara', 'choice', { options: [{ value: 'luring', label: 'Luring (tatap muka di provinsi Anda)' }, { value: 'daring', label: 'Daring (melalui rapat video)' }] })] : []),
    ],
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;

export interface RegistrationDeps {
  programmes: ProgrammeStore;
  agency(id: string): Promise<Agency | null>;
  tokens: ProgrammeTokens;
  publicUrl: string;
  notify?: OutboxNotifier;
  clock?: () => Date;
}

export function createRegistrationService(deps: RegistrationDeps) {
  const clock = deps.clock ?? (() => new Date());
  const base = deps.publicUrl.replace(/\/+$/, '');
  const cache = new Map<string, { at: number; value: Programme | null }>();

  /** Programmes change rarely; a 30 s cache spares a read per response in a burst. */
  async function programme(id: string): Promise<Programme | null> {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < 30_000) return hit.value;
    const value = await deps.programmes.programme(id);
    cache.set(id, { at: Date.now(), value });
    return value;
  }

  function statusUrl(p: Programme, participantId: string, now: Date): string {
    return `${base}/r/${deps.tokens.sign({ k: 'r', p: p.id, i: participantId, e: Math.floor(now.getTime() / 1000) + STATUS_LINK_DAYS * 86_400 })}`;
  }

  /** The e-mail a registration, merge, promotion or withdrawal sends, from the host agency's account. */
  function noticeFn(p: Programme, hosts: Map<string, Agency>, now: Date, key: string): NoticeFn {
    return (pt, what, position) => {
      const host = hosts.get(pt.hostAgencyId);
      if (!pt.email || !host?.mail) return null;
      const ev = pt.eventId ? eventsOf(p).find((e) => e.id === pt.eventId) : null;
      const where = ev ? `${ev.label}, ${rentang(ev.start, ev.end)}${ev.place ? `, ${ev.place}` : ''}` : '';
      const lines: Record<typeof what, string[]> = {
        registered: [`Pendaftaran Anda diterima dan Anda mendapat tempat pada ${where}.`, 'Undangan resmi dengan tempat dan jadwal lengkap dikirim kemudian oleh dinas perpustakaan provinsi.'],
        waiting: [`Pendaftaran Anda diterima, tetapi kuota ${p.provinces.find((x) => x.code === pt.province)?.name} untuk moda ${pt.mode} sudah penuh.`, `Anda berada di daftar tunggu nomor ${position ?? '-'}. Bila ada peserta yang mengundurkan diri, Anda naik otomatis dan kami mengabari Anda.`],
        merged: ['Kami menerima pendaftaran lagi dengan nomor telepon atau e-mail yang sama. Pendaftaran Anda tetap satu; tidak perlu mendaftar ulang.', pt.status === 'registered' ? `Tempat Anda: ${where}.` : `Anda berada di daftar tunggu${position ? ` nomor ${position}` : ''}.`],
        promoted: [`Ada tempat kosong: Anda kini terdaftar sebagai peserta pada ${where}.`],
        withdrawn: ['Pengunduran diri Anda telah kami catat. Terima kasih telah memberi kabar.'],
      };
      const subject: Record<typeof what, string> = {
        registered: 'Pendaftaran diterima',
        waiting: 'Pendaftaran diterima (daftar tunggu)',
        merged: 'Pendaftaran Anda sudah tercatat',
        promoted: 'Anda mendapat tempat',
        withdrawn: 'Pengunduran diri tercatat',
      };
      const at = now.toISOString();
      return {
        kind: 'mail',
        id: `bimtek-${p.id}-${pt.id}-${what}-${key}`.slice(0, 200),
        agencyId: host.id,
        caseId: `bimtek-${p.id}-${pt.id}`,
        docId: 'pemberitahuan_bimtek',
        docLabel: 'Pemberitahuan Bimtek',
        revision: 1,
        templateId: '',
        title: `${subject[what]}: ${p.name}`,
        context: null,
        email: {
          to: [pt.email],
          subject: `${subject[what]}: ${p.name} — ${host.shortName}`,
          text: [
            `Yth. ${pt.name},`,
            '',
            ...lines[what],
            '',
            `Nama: ${pt.name}`,
            `Perpustakaan/TBM: ${pt.library}`,
            '',
            `Pantau status pendaftaran Anda (dan mengundurkan diri bila berhalangan): ${statusUrl(p, pt.id, now)}`,
            '',
            'E-mail ini dikirim otomatis; untuk pertanyaan, balas ke alamat ini.',
            '',
            'Hormat kami,',
            host.name,
          ].join('\n'),
        },
        ...freshEntry(at),
      } satisfies OutboxEntry;
    };
  }

  async function hostsOf(p: Programme, ids: string[]): Promise<Map<string, Agency>> {
    const out = new Map<string, Agency>();
    for (const id of new Set(ids)) {
      const a = await deps.agency(id);
      if (a) out.set(id, a);
    }
    return out;
  }

  async function announce(entries: OutboxEntry[]): Promise<void> {
    if (!deps.notify || !entries.length) return;
    const byAgency = new Map<string, string[]>();
    for (const e of entries) byAgency.set(e.agencyId, [...(byAgency.get(e.agencyId) ?? []), e.id]);
    // After the commit; a lost notification is picked up by the sweep.
    await Promise.all([...byAgency].map(([a, ids]) => deps.notify!(a, ids).catch((err: unknown) => console.error(JSON.stringify({ severity: 'WARNING', message: 'bimtek: outbox notification failed (the sweep sends it)', error: String(err) })))));
  }

  return {
    programme,
    statusUrl,

    /** One registration form response; a second delivery gets the first outcome back. */
    async receive(_agencyId: string, r: IncomingResponse): Promise<{ replayed: boolean; outcome: string; participantId: string | null; problems: { path: string; message: string }[] }> {
      const pid = programmeIdOfForm(r.formId);
      const p = pid ? await programme(pid) : null;
      if (!p) throw new Error(`form ${r.formId} names no programme`);
      const id = `${r.formId}-${r.responseId}`.slice(0, 300);
      // A response read again (overlapping reads, another instance) is answered without taking any lock.
      const first = await deps.programmes.registration(p.id, id);
      if (first) return { replayed: true, outcome: first.outcome, participantId: first.participantId, problems: first.problems };
      const now = clock();
      const form = registrationForm(p);
      const problems: { path: string; message: string }[] = [];
      const v: Record<string, string> = {};
      const known = new Set(form.questions.map((q) => q.id));
      for (const qid of Object.keys(r.answers)) if (!known.has(qid)) problems.push({ path: qid, message: `Pertanyaan "${qid}" tidak ada pada formulir ini.` });
      for (const q of form.questions) {
        const given = (r.answers[q.id] ?? []).filter((x) => x.trim() !== '');
        if (!given.length) {
          problems.push({ path: q.id, message: `${q.title}: wajib diisi.` });
          continue;
        }
        const one = readOne(q, given[0]!, { timeZone: 'Asia/Jakarta', now });
        if ('problem' in one) problems.push({ path: q.id, message: `${q.title}: ${one.problem}.` });
        else v[q.id] = String(one.value);
      }
      const modes = [...new Set(p.waves.map((w) => w.mode))];
      const mode = (v.moda ?? modes[0]) as Mode;
      if (!problems.length && !p.waves.some((w) => w.mode === mode && (p.quotas[v.provinsi!]?.[String(w.no)] ?? 0) > 0)) {
        problems.push({ path: 'provinsi', message: `Provinsi: ${p.provinces.find((x) => x.code === v.provinsi)?.name ?? v.provinsi} tidak menyelenggarakan Bimtek ${mode} dalam program ini.` });
      }
      if (problems.length) {
        const { replayed } = await deps.programmes.rejectRegistration(p.id, { id, outcome: 'rejected', participantId: null, receivedAt: now.toISOString(), problems, answers: r.answers });
        return { replayed, outcome: 'rejected', participantId: null, problems };
      }
      const host = p.provinces.find((x) => x.code === v.provinsi)!.hostAgencyId;
      const hosts = await hostsOf(p, [host]);
      const input = { id, receivedAt: now.toISOString(), province: v.provinsi!, mode, name: v.nama!, library: v.lembaga!, village: v.desa!, district: v.kecamatan!, regency: v.kabupaten!, phone: v.telepon!, phoneKey: phoneKey(v.telepon!), email: v.email!, answers: r.answers };
      // Nobody waits on a form response: a burst that keeps a province's quota documents busy past
      // the transaction deadline (BUSY) is simply tried again, a few times, before the read fails
      // and the next notification or sweep reads the response again.
      let out;
      for (let attempt = 1; ; attempt++) {
        try {
          out = await deps.programmes.register(p, input, noticeFn(p, hosts, now, r.responseId.slice(0, 80)));
          break;
        } catch (err) {
          if (!(err instanceof DomainFailure) || err.error.code !== 'BUSY' || attempt >= REGISTER_ATTEMPTS) throw err;
          await new Promise((res) => setTimeout(res, Math.floor(Math.random() * 1_000 * attempt)));
        }
      }
      await announce(out.outbox);
      return { replayed: out.replayed, outcome: out.outcome, participantId: out.participant.id, problems: [] };
    },

    /** Withdraws a participant (their status link, or staff); the first waiting person moves up. */
    async withdraw(p: Programme, participantId: string, by: string): Promise<{ participant: Participant; promoted: Participant | null }> {
      const now = clock();
      const pt = await deps.programmes.participant(p.id, participantId);
      const hosts = await hostsOf(p, [pt?.hostAgencyId ?? p.ownerAgencyId]);
      const r = await deps.programmes.withdraw(p, participantId, noticeFn(p, hosts, now, `w-${by.replace(/[^a-z0-9]/gi, '').slice(0, 40)}-${now.getTime()}`), now.toISOString());
      await announce(r.outbox);
      return { participant: r.participant, promoted: r.promoted };
    },
  };
}
