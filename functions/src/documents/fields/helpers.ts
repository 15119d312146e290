// The context of one letter as the builders read it (the Helpers class), and the fields every
// template may use (letterhead, number, date, signature block).
import { hariTanggal, jam, numberedLines, tanggalPanjang, tempatTanggal } from '../format.ts';
import type { TemplateSpec } from '../templates.ts';
import type { LetterContext } from '../types.ts';
import { DASH, listOf, textOf, titleCase } from './readers.ts';

const ZONE_LABEL = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;

const PENUTUP = 'Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.';

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

  /** The case's other party: the SOP's own field for it, else the case partner. */
  mitra(): string | undefined {
    return this.text('pengguna_layanan', 'nama_instansi', 'nama_pihak_lain', 'pihak_terkait') ?? textOf(this.ctx.case.partner?.name);
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

  /** The one who signs: the template's signer role when someone holds it, else the step's actor. */
  signer(): { name: string; jabatan: string; nip: string | undefined; pangkat: string | undefined } {
    const s = this.ctx.signer;
    if (s) return { name: s.name, jabatan: this.fullJabatan(s.jabatan), nip: s.nip, pangkat: s.pangkat };
    const a = this.ctx.actor;
    return { name: a.name, jabatan: this.fullJabatan(a.jabatan ?? ''), nip: a.nip, pangkat: a.pangkat };
  }

  private fullJabatan(j: string): string {
    const t = j.trim();
    if (t === '') return 'Petugas';
    if (/^kepala dinas$/i.test(t)) return this.kepalaDinas();
    return t;
  }

  signerIsHead(): boolean {
    return /^kepala dinas\b/i.test(this.signer().jabatan);
  }

  /** A schedule, one numbered line per visit; a line starting with an ISO date gets its day and date spelled out. */
  jadwal(items: string[]): string {
    return numberedLines(
      items.map((line) => {
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
      }),
    );
  }
}

/** A value may be undefined: buildFields then names the placeholder the builder forgot. */
export type Builder = (h: Helpers) => Record<string, string | undefined>;

/** Spread before the template's own builder, which may override any of these (lampiran, isi_penutup...). */
export function common(h: Helpers): Record<string, string> {
  const { ctx } = h;
  const lh = ctx.agency.letterhead;
  const kontak = [lh.telepon && `Telepon ${lh.telepon}`, lh.email && `Pos-el ${lh.email}`, lh.laman && `Laman ${lh.laman}`].filter(Boolean).join(', ');
  const s = h.signer();
  const atasNama = h.spec.atasNama && !h.signerIsHead();
  return {
    kop_pemerintah: lh.pemerintah.toLocaleUpperCase('id-ID'),
    kop_dinas: lh.dinas.toLocaleUpperCase('id-ID'),
    kop_alamat: lh.alamat,
    kop_kontak: kontak || lh.kota.toLocaleUpperCase('id-ID'),
    nomor: ctx.nomor ?? DASH,
    sifat: 'Biasa',
    lampiran: DASH,
    tanggal: tanggalPanjang(ctx.at, h.zone),
    tempat_tanggal: tempatTanggal(lh.kota, ctx.at, h.zone),
    nama_dinas: ctx.agency.name,
    tujuan_alamat: ctx.case.partner?.address?.trim() || 'di Tempat',
    isi_penutup: PENUTUP,
    ttd_jabatan: atasNama ? `a.n. ${h.kepalaDinas()}\n${s.jabatan},` : `${s.jabatan},`,
    ttd_nama: s.name,
    // The lines under the name: pangkat/golongan when recorded (Permendagri 1/2023), then the NIP.
    ttd_nip: `${s.pangkat?.trim() ? `${s.pangkat.trim()}\n` : ''}NIP. ${s.nip?.trim() || DASH}`,
  };
}
