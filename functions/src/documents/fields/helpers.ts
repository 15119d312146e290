// The context of one letter as the builders read it (the Helpers class), and the fields every
// template may use (letterhead, number, date, sifat, lampiran, signature block). A builder reads the
// case data through the names its template gives them (`slot`); the SOP's produced document says
// which data field each name reads where the two differ.
import { formatNip, hariTanggal, jam, numberedLines, tanggalPanjang, tempatTanggal } from '../format.ts';
import { pimpinanOf } from '../institutions.ts';
import type { TemplateSpec } from '../templates.ts';
import type { LetterContext, Person } from '../types.ts';
import { clause, count, DASH, listOf, textOf, titleCase } from './readers.ts';

const ZONE_LABEL = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;

const PENUTUP = 'Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.';

type Signer = { name: string; jabatan: string; nip: string | undefined; pangkat: string | undefined; relation: 'head' | 'direct' | 'indirect' | undefined; atasan: string | undefined };

/** One helper per build: the context plus the lookups every builder needs. */
export class Helpers {
  readonly ctx: LetterContext;
  readonly spec: TemplateSpec;
  readonly zone: LetterContext['agency']['timeZone'];
  readonly zoneLabel: 'WIB' | 'WITA' | 'WIT';

  constructor(ctx: LetterContext, spec: TemplateSpec) {
    this.ctx = ctx;
    this.spec = spec;
    this.zone = ctx.agency.timeZone;
    this.zoneLabel = ZONE_LABEL[ctx.agency.timeZone] ?? 'WIB';
  }

  data(id: string): unknown {
    return this.ctx.case.data[id];
  }

  text(...ids: string[]): string | undefined {
    for (const id of ids) {
      const t = textOf(this.data(id));
      if (t !== undefined) return t;
    }
    return undefined;
  }

  list(id: string): string[] {
    return listOf(this.data(id));
  }

  /** The data field the template's `name` reads: the one the SOP names for this document, else the field called so. */
  field(name: string): string {
    return this.ctx.doc?.fields[name] ?? name;
  }

  slot(name: string): string | undefined {
    return this.text(this.field(name));
  }

  slotList(name: string): string[] {
    return this.list(this.field(name));
  }

  /** The wording variant the SOP chose for this document. */
  get variant(): string | undefined {
    return this.ctx.doc?.variant;
  }

  get revision(): number {
    return this.ctx.doc?.revision ?? 1;
  }

  /** The other party: the institution the SOP names for this document, else the case partner. */
  instansi(): string | undefined {
    return this.slot('instansi') ?? textOf(this.ctx.case.partner?.name);
  }

  /** Whom the letter is addressed to: the jabatan entered for it, else the head of the institution from the table. */
  penerima(): string | undefined {
    const typed = this.slot('jabatan_penerima');
    if (typed) return typed;
    const i = this.instansi();
    return i ? pimpinanOf(i) : undefined;
  }

  sifat(): string {
    return this.slot('sifat') ?? 'Biasa';
  }

  /** The date the document bears (an agreement's signing date, a meeting's date), else the day of the step. */
  docDate(): string {
    return this.ctx.date ?? this.ctx.at;
  }

  /** The jabatan of the roles the SOP addresses or forwards it to. */
  kepada(): string[] {
    return this.ctx.doc?.kepada ?? [];
  }

  /** "surat Saudara Nomor 421/12/SMAN1/2026 tanggal 2 November 2026": the letter this one answers, as far as it is known. */
  suratSaudara(): string {
    const nomor = this.slot('nomor_surat_masuk');
    const tanggal = this.longDate(this.data(this.field('tanggal_surat_masuk')));
    return ['surat Saudara', nomor && `Nomor ${nomor}`, tanggal && `tanggal ${tanggal}`].filter(Boolean).join(' ');
  }

  /** Documents the SOP says this one refers to, as "Surat ... Nomor ... tanggal ...". */
  dasar(): string[] {
    return (this.ctx.doc?.dasar ?? []).flatMap((id) => {
      const d = this.ctx.case.documents[id];
      if (!d) return [];
      const tanggal = d.at ? this.longDate(d.at) : undefined;
      return [[d.label, d.nomor && `Nomor ${d.nomor}`, tanggal && `tanggal ${tanggal}`].filter(Boolean).join(' ')];
    });
  }

  /** The people a people slot names (from the staff directory), or the typed names when planning did not look them up. */
  people(name: string): Person[] {
    return this.ctx.people?.[name] ?? this.slotList(name).map((n) => ({ name: n }));
  }

  /** "Kabupaten Balangan", from the letterhead's "PEMERINTAH KABUPATEN BALANGAN". */
  wilayah(): string {
    const p = this.ctx.agency.letterhead.pemerintah.trim().replace(/^pemerintah\s+/i, '');
    return p ? titleCase(p) : this.ctx.agency.letterhead.kota;
  }

  /** "Bupati Balangan", "Wali Kota ...", "Gubernur ...". */
  kepalaDaerah(): string {
    const w = this.wilayah();
    const m = /^(kabupaten|kota|provinsi)\s+(.+)$/i.exec(w);
    if (!m) return `Kepala Daerah ${w}`;
    const kind = m[1]!.toLowerCase();
    return `${kind === 'kabupaten' ? 'Bupati' : kind === 'kota' ? 'Wali Kota' : 'Gubernur'} ${m[2]}`;
  }

  /** "Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan". */
  kepalaDinas(): string {
    return `Kepala ${this.ctx.agency.name}`;
  }

  /** The programme named by the SOP title, e.g. "Bu RT (Buku Rumah Tangga)". */
  program(): string {
    return this.ctx.case.sopTitle.replace(/^(SOP|Prosedur)\s+/i, '').trim();
  }

  /** Dates: undefined when the value is missing or not a date. */
  longDate(v: unknown): string | undefined {
    return this.tryDate(v, (s) => tanggalPanjang(s, this.zone));
  }

  dayDate(v: unknown): string | undefined {
    return this.tryDate(v, (s) => hariTanggal(s, this.zone));
  }

  /** "09.00 WITA"; undefined for a calendar date (no clock time). */
  clock(v: unknown): string | undefined {
    return this.tryDate(v, (s) => jam(s, this.zone, this.zoneLabel));
  }

  private tryDate(v: unknown, f: (s: string) => string): string | undefined {
    if (typeof v !== 'string' || v.trim() === '') return undefined;
    try {
      return f(v.trim());
    } catch {
      return undefined;
    }
  }

  /** The one who signs: the signer the SOP names for the document when someone holds that role, else the step's actor. */
  signer(): Signer {
    const s = this.ctx.signer;
    if (s) {
      const jabatan = s.relation === 'head' ? this.kepalaDinas() : s.jabatan.trim() || 'Petugas';
      return { name: s.name, jabatan, nip: s.nip, pangkat: s.pangkat, relation: s.relation, atasan: s.atasan };
    }
    const a = this.ctx.actor;
    return { name: a.name, jabatan: a.jabatan?.trim() || 'Petugas', nip: a.nip, pangkat: a.pangkat, relation: undefined, atasan: undefined };
  }

  /** A schedule, one line per visit; a line starting with an ISO date gets its day and date spelled out. */
  jadwalItems(items: string[]): string[] {
    return items.map((line) => {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\s*[-–—:,;|]?\s*(.*)$/.exec(line);
      if (!m) return line;
      const day = this.dayDate(m[1]);
      if (!day) return line;
      let when = day;
      if (m[2] !== undefined) {
        const zoned = m[5] !== undefined ? this.clock(`${m[1]}T${m[2]}:${m[3]}${m[4] ?? ''}${m[5]}`) : undefined;
        when += `, pukul ${zoned ?? `${m[2]}.${m[3]} ${this.zoneLabel}`}`;
      }
      return m[6] ? `${when}: ${m[6]}` : when;
    });
  }

  jadwal(items: string[]): string {
    return numberedLines(this.jadwalItems(items));
  }
}

/** A value may be undefined: buildFields then names the placeholder the builder forgot (unless the template may drop its row). */
export type Builder = (h: Helpers) => Record<string, string | undefined>;

/** "NIP. 19700512 199803 1 007", or "NIP. -" when the directory has none. */
export function nipLine(nip: string | undefined): string {
  return `NIP. ${nip?.trim() ? formatNip(nip) : DASH}`;
}

/**
 * The jabatan lines above the signing space (tata naskah dinas): in one's own name, "a.n." the
 * head of the agency for a direct report, and "a.n." the head "u.b." the superior below that.
 */
function ttdJabatan(h: Helpers): string {
  const s = h.signer();
  if (!h.spec.atasNama) return `${s.jabatan},`;
  if (s.relation === 'direct') return `a.n. ${h.kepalaDinas()}\n${s.jabatan},`;
  if (s.relation === 'indirect' && s.atasan) return `a.n. ${h.kepalaDinas()}\n${s.atasan}\nu.b.\n${s.jabatan},`;
  return `${s.jabatan},`;
}

/** "1 (satu) berkas" for what the SOP sends with the letter; "-" for nothing. */
function lampiran(h: Helpers): string {
  const n = h.ctx.doc?.lampiran ?? 0;
  return n > 0 ? count(n, 'berkas') : DASH;
}

/** Spread before the template's own builder, which may override any of these (lampiran, isi_penutup...). */
export function common(h: Helpers): Record<string, string> {
  const { ctx } = h;
  const lh = ctx.agency.letterhead;
  const kontak = [lh.telepon && `Telepon ${lh.telepon}`, lh.email && `Pos-el ${lh.email}`, lh.laman && `Laman ${lh.laman}`].filter(Boolean).join(', ');
  const s = h.signer();
  const date = h.docDate();
  return {
    kop_pemerintah: lh.pemerintah.toLocaleUpperCase('id-ID'),
    kop_dinas: lh.dinas.toLocaleUpperCase('id-ID'),
    kop_alamat: lh.alamat,
    kop_kontak: kontak || lh.kota.toLocaleUpperCase('id-ID'),
    nomor: ctx.nomor ?? DASH,
    sifat: h.sifat(),
    lampiran: lampiran(h),
    tanggal: tanggalPanjang(date, h.zone),
    tempat_tanggal: tempatTanggal(lh.kota, date, h.zone),
    nama_dinas: ctx.agency.name,
    tujuan: h.penerima() ?? DASH,
    tujuan_alamat: h.slot('alamat') ?? (ctx.case.partner?.address?.trim() || 'di Tempat'),
    isi_penutup: PENUTUP,
    ttd_jabatan: ttdJabatan(h),
    ttd_nama: s.name,
    // The lines under the name: pangkat/golongan when recorded (Permendagri 1/2023), then the NIP.
    ttd_nip: `${s.pangkat?.trim() ? `${s.pangkat.trim()}\n` : ''}${nipLine(s.nip)}`,
  };
}

/** A reason typed as a sentence, set inside another after "karena". */
export function alasan(text: string): string {
  return clause(text).replace(/^karena\s+/i, '').replace(/^./, (c) => c.toLocaleLowerCase('id-ID'));
}
