// The head of an Indonesian institution, by kind: the jabatan a letter is addressed to ("Yth. Kepala
// SD Negeri 1 Paringin") and a partner's signatory is offered as. A table, not guesswork: each kind
// is recognised by the words its name starts with, and the first kind that fits names the head.
// What it offers is only a suggestion: the step that needs the jabatan asks for it, prefilled.

/** One kind of institution: how its name starts, and its head's jabatan for a name of that kind. */
export interface InstitutionKind {
  kind: string;
  /** Matched, case-insensitively, at the start of the name; the first group (if any) is the place. */
  starts: RegExp;
  head: (name: string, place: string) => string;
}

const kepala = (name: string) => `Kepala ${name}`;
const ketua = (name: string) => `Ketua ${name}`;
const pimpinan = (name: string) => `Pimpinan ${name}`;
const direktur = (name: string) => `Direktur ${name}`;

/** Longer and more specific starts first: the first kind that fits wins. */
export const INSTITUTION_KINDS: readonly InstitutionKind[] = [
  { kind: 'pemerintah desa', starts: /^(?:pemerintah desa|pemdes|kantor desa|kantor kepala desa)\s+(.+)$/i, head: (_, p) => `Kepala Desa ${p}` },
  { kind: 'desa', starts: /^desa\s+(.+)$/i, head: (_, p) => `Kepala Desa ${p}` },
  { kind: 'kelurahan', starts: /^(?:pemerintah kelurahan|kantor kelurahan|kantor lurah|kelurahan)\s+(.+)$/i, head: (_, p) => `Lurah ${p}` },
  { kind: 'kecamatan', starts: /^(?:kantor camat|kantor kecamatan|kecamatan)\s+(.+)$/i, head: (_, p) => `Camat ${p}` },
  { kind: 'pemerintah kabupaten', starts: /^(?:pemerintah kabupaten|pemkab|kabupaten)\s+(.+)$/i, head: (_, p) => `Bupati ${p}` },
  { kind: 'pemerintah kota', starts: /^(?:pemerintah kota|pemkot|kota)\s+(.+)$/i, head: (_, p) => `Wali Kota ${p}` },
  { kind: 'pemerintah provinsi', starts: /^(?:pemerintah provinsi|pemprov|provinsi)\s+(.+)$/i, head: (_, p) => `Gubernur ${p}` },
  { kind: 'sekretariat daerah', starts: /^sekretariat daerah\s+(.+)$/i, head: (_, p) => `Sekretaris Daerah ${p}` },
  { kind: 'sekretariat DPRD', starts: /^sekretariat (?:dprd|dewan perwakilan rakyat daerah)\s+(.+)$/i, head: (_, p) => `Sekretaris DPRD ${p}` },
  { kind: 'DPRD', starts: /^(?:dprd|dewan perwakilan rakyat daerah)\s+(.+)$/i, head: (_, p) => `Ketua DPRD ${p}` },
  { kind: 'inspektorat', starts: /^inspektorat\s+(.+)$/i, head: (_, p) => `Inspektur ${p}` },
  { kind: 'kantor kementerian agama', starts: /^(?:kantor kementerian agama|kankemenag|kemenag)\s+(.+)$/i, head: (_, p) => `Kepala Kantor Kementerian Agama ${p}` },
  { kind: 'satuan polisi pamong praja', starts: /^(?:satuan polisi pamong praja|satpol pp)\s+(.+)$/i, head: (_, p) => `Kepala Satuan Polisi Pamong Praja ${p}` },
  { kind: 'polres', starts: /^(?:polres|polresta|kepolisian resor)\s+(.+)$/i, head: (_, p) => `Kepala Kepolisian Resor ${p}` },
  { kind: 'polsek', starts: /^(?:polsek|kepolisian sektor)\s+(.+)$/i, head: (_, p) => `Kepala Kepolisian Sektor ${p}` },
  { kind: 'polda', starts: /^(?:polda|kepolisian daerah)\s+(.+)$/i, head: (_, p) => `Kepala Kepolisian Daerah ${p}` },
  { kind: 'kodim', starts: /^(?:kodim|komando distrik militer)\s+(.+)$/i, head: (_, p) => `Komandan Kodim ${p}` },
  { kind: 'koramil', starts: /^(?:koramil|komando rayon militer)\s+(.+)$/i, head: (_, p) => `Komandan Koramil ${p}` },
  { kind: 'RSUD', starts: /^(?:rsud|rumah sakit umum daerah|rumah sakit|rs|rsia|rsu)\b/i, head: direktur },
  { kind: 'puskesmas', starts: /^(?:puskesmas|pusat kesehatan masyarakat)\b/i, head: kepala },
  { kind: 'universitas', starts: /^universitas\b/i, head: (n) => `Rektor ${n}` },
  { kind: 'institut', starts: /^institut\b/i, head: (n) => `Rektor ${n}` },
  { kind: 'sekolah tinggi', starts: /^(?:sekolah tinggi|stie|stikes|stkip|stmik|stai|stain|stt|stih)\b/i, head: ketua },
  { kind: 'politeknik', starts: /^(?:politeknik|poltek|poltekkes)\b/i, head: direktur },
  { kind: 'akademi', starts: /^(?:akademi|akper|akbid|akademik)\b/i, head: direktur },
  { kind: 'SD', starts: /^(?:sd|sdn|sdit|sds|sd negeri|sd inpres|sekolah dasar)\b/i, head: kepala },
  { kind: 'SMP', starts: /^(?:smp|smpn|smpit|smps|sekolah menengah pertama)\b/i, head: kepala },
  { kind: 'SMA', starts: /^(?:sma|sman|smait|smas|sekolah menengah atas)\b/i, head: kepala },
  { kind: 'SMK', starts: /^(?:smk|smkn|smks|sekolah menengah kejuruan)\b/i, head: kepala },
  { kind: 'SLB', starts: /^(?:slb|sekolah luar biasa)\b/i, head: kepala },
  { kind: 'MI', starts: /^(?:mi|min|mis|madrasah ibtidaiyah)\b/i, head: kepala },
  { kind: 'MTs', starts: /^(?:mts|mtsn|mtss|madrasah tsanawiyah)\b/i, head: kepala },
  { kind: 'MA', starts: /^(?:ma|man|mas|madrasah aliyah)\b/i, head: kepala },
  { kind: 'TK', starts: /^(?:tk|tkn|tk negeri|taman kanak-kanak|taman kanak kanak)\b/i, head: kepala },
  { kind: 'PAUD', starts: /^(?:paud|kb|kelompok bermain|ra|raudhatul athfal|tpa|tpq|sps)\b/i, head: kepala },
  { kind: 'dinas', starts: /^dinas\b/i, head: kepala },
  { kind: 'badan', starts: /^(?:badan|bappeda|bpbd|bkpsdm|bpkad|bapenda|bkd|bnn|bps|bpjs)\b/i, head: kepala },
  { kind: 'kantor', starts: /^kantor\b/i, head: kepala },
  { kind: 'balai dan UPT', starts: /^(?:balai|upt|uptd|unit pelaksana teknis)\b/i, head: kepala },
  { kind: 'bagian, bidang, seksi', starts: /^(?:bagian|bidang|seksi|subbagian)\b/i, head: kepala },
  { kind: 'lembaga pemasyarakatan', starts: /^(?:lembaga pemasyarakatan|lapas|rutan|rumah tahanan)\b/i, head: kepala },
  { kind: 'kejaksaan negeri', starts: /^(?:kejaksaan negeri|kejari)\b/i, head: kepala },
  { kind: 'pengadilan', starts: /^pengadilan\b/i, head: ketua },
  { kind: 'TBM', starts: /^(?:taman bacaan masyarakat|taman bacaan|taman baca|tbm|rumah baca|pojok baca|rumah pintar)\b/i, head: (n) => `Pengelola ${n}` },
  { kind: 'pondok pesantren', starts: /^(?:pondok pesantren|ponpes|pesantren)\b/i, head: pimpinan },
  { kind: 'masjid', starts: /^(?:masjid|musala|musholla|mushola|langgar)\b/i, head: (n) => `Ketua Takmir ${n}` },
  { kind: 'tim penggerak PKK', starts: /^(?:tim penggerak pkk|tp pkk|tp-pkk|pkk)\b/i, head: ketua },
  { kind: 'RT dan RW', starts: /^(?:rt|rw|rukun tetangga|rukun warga)\b/i, head: ketua },
  { kind: 'karang taruna', starts: /^karang taruna\b/i, head: ketua },
  { kind: 'yayasan', starts: /^yayasan\b/i, head: ketua },
  { kind: 'komunitas dan organisasi', starts: /^(?:komunitas|organisasi|forum|kelompok|perkumpulan|ikatan|himpunan|asosiasi|persatuan|paguyuban|sanggar|lembaga swadaya masyarakat|lsm)\b/i, head: ketua },
  { kind: 'koperasi', starts: /^koperasi\b/i, head: ketua },
  { kind: 'perusahaan', starts: /^(?:pt|cv|ud|bank|perusahaan|toko)\b/i, head: pimpinan },
];

/** A name that already is a jabatan ("Kepala Dinas Pendidikan"): addressed as written. */
const ALREADY_JABATAN =
  /^(?:kepala|ketua|direktur|pimpinan|pengelola|rektor|camat|lurah|bupati|wali kota|walikota|gubernur|sekretaris|komandan|inspektur|pengasuh|kapolres|kapolsek|kapolda|dandim|danramil)\b/i;

function clean(name: string): string {
  return name.trim().replace(/\s+/g, ' ').replace(/^yth\.?\s+/i, '');
}

function kindOf(name: string): { kind: InstitutionKind; place: string } | null {
  for (const kind of INSTITUTION_KINDS) {
    const m = kind.starts.exec(name);
    if (m) return { kind, place: m[1] ?? name };
  }
  return null;
}

/**
 * The jabatan of whoever heads the institution: "Pemerintah Desa Batu Piring" -> "Kepala Desa Batu
 * Piring", "Perpustakaan SMP Negeri 1 Paringin" -> "Kepala SMP Negeri 1 Paringin" (a school's
 * library answers to the school's head), an unknown kind -> "Pimpinan ...".
 */
export function pimpinanOf(name: string): string {
  const n = clean(name);
  if (n === '') return '';
  if (ALREADY_JABATAN.test(n)) return n;
  const library = /^perpustakaan\s+(.+)$/i.exec(n);
  if (library) {
    const of = kindOf(library[1]!);
    return of ? of.kind.head(library[1]!, of.place) : `Kepala ${n}`;
  }
  const of = kindOf(n);
  return of ? of.kind.head(n, of.place) : `Pimpinan ${n}`;
}
