// The checks of a Bimtek document call in one place: the Apps Script server (main.ts) and the
// local preview's shim both build the request body here, so the preview refuses exactly what the
// add-on refuses, each with an Indonesian message naming the field. Pure: no Apps Script globals.
import type * as Api from '../../../functions/src/contract.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

const KINDS = ['surat_tugas_pelatih', 'undangan', 'daftar_hadir', 'laporan_pelaksanaan'] as const;
/** The fields each kind takes besides `kind` and `event` (the API refuses any other). */
const FIELDS: Record<Api.ProgrammeDocumentKind, readonly string[]> = {
  surat_tugas_pelatih: ['trainer', 'sessions'],
  undangan: ['pukul', 'penandatangan'],
  daftar_hadir: ['session', 'tanggal', 'penandatangan'],
  laporan_pelaksanaan: ['kendala', 'rekomendasi', 'penandatangan'],
};
const EVENT = /^[a-z]{2,12}-\d{1,2}$/;
const TRAINER = /^[a-z0-9-]{2,64}$/;
const PUKUL = /^([01]\d|2[0-3])\.[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An entry the documents call answered: `bimtek-<kind>-<24 hex>`, a surat tugas with `-<trainer id>`. */
const ENTRY = /^bimtek-(tugas|undangan|hadir|laporan)-[0-9a-f]{24}(-[a-z0-9-]{2,64})?$/;
const TEXT_MAX = 3000;

const bad = (path: string, message: string): { ok: false; path: string; message: string } => ({ ok: false, path, message });
const isSession = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 50;

function realDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function checkEvent(v: unknown): Checked<string> {
  return typeof v === 'string' && EVENT.test(v) ? { ok: true, value: v } : bad('event', 'Kegiatan tidak valid: gunakan id kegiatan, mis. babel-1.');
}

export function checkDocumentEntry(v: unknown): Checked<string> {
  return typeof v === 'string' && ENTRY.test(v) ? { ok: true, value: v } : bad('entry', 'Pengenal dokumen program tidak valid.');
}

/** The body POST .../programmes/{p}/documents takes, built only from the fields of its kind. */
export function checkDocumentRequest(input: unknown): Checked<Api.ProgrammeDocumentRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('(body)', 'Permintaan dokumen harus berupa objek.');
  const o = input as Record<string, unknown>;
  if (typeof o.kind !== 'string' || !(KINDS as readonly string[]).includes(o.kind)) return bad('kind', 'Jenis dokumen harus surat_tugas_pelatih, undangan, daftar_hadir, atau laporan_pelaksanaan.');
  const kind = o.kind as Api.ProgrammeDocumentKind;
  const ev = checkEvent(o.event);
  if (!ev.ok) return ev;
  const allowed = FIELDS[kind];
  const extra = Object.keys(o).find((k) => k !== 'kind' && k !== 'event' && !allowed.includes(k) && o[k] !== undefined);
  if (extra) return bad(extra, `Isian ${extra.slice(0, 40)} tidak dipakai untuk dokumen ${kind}.`);
  const body: Record<string, unknown> = { kind, event: ev.value };
  const given = (k: string) => o[k] !== undefined && o[k] !== null && o[k] !== '';
  if (given('trainer')) {
    if (typeof o.trainer !== 'string' || !TRAINER.test(o.trainer)) return bad('trainer', 'Pelatih tidak valid: gunakan id pelatih.');
    body.trainer = o.trainer;
  }
  if (given('sessions')) {
    if (!Array.isArray(o.sessions) || o.sessions.length < 1 || o.sessions.length > 50 || !o.sessions.every(isSession)) return bad('sessions', 'Sesi yang diampu harus daftar nomor sesi 1–50.');
    body.sessions = o.sessions;
  }
  if (given('pukul')) {
    if (typeof o.pukul !== 'string' || !PUKUL.test(o.pukul)) return bad('pukul', 'Pukul harus jam JJ.MM, mis. 08.00.');
    body.pukul = o.pukul;
  }
  if (given('penandatangan')) {
    if (typeof o.penandatangan !== 'string' || o.penandatangan.length > 254 || !EMAIL.test(o.penandatangan)) return bad('penandatangan', 'Penandatangan harus alamat e-mail pegawai.');
    body.penandatangan = o.penandatangan;
  }
  if (kind === 'daftar_hadir') {
    if (!isSession(o.session)) return bad('session', 'Sesi harus nomor sesi 1–50.');
    body.session = o.session;
  }
  if (given('tanggal')) {
    if (typeof o.tanggal !== 'string' || !realDate(o.tanggal)) return bad('tanggal', 'Tanggal tidak valid: gunakan YYYY-MM-DD, misalnya 2026-05-19.');
    body.tanggal = o.tanggal;
  }
  for (const k of ['kendala', 'rekomendasi'] as const) {
    if (!given(k)) continue;
    const v = o[k];
    if (typeof v !== 'string' || v.length > TEXT_MAX) return bad(k, `${k === 'kendala' ? 'Kendala' : 'Rekomendasi'} berupa teks, paling banyak ${TEXT_MAX} karakter.`);
    if (v.trim()) body[k] = v;
  }
  return { ok: true, value: body as Api.ProgrammeDocumentRequest };
}
