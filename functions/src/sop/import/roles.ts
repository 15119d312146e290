// Pelaksana headers as roles: our staff (with their rank in an Indonesian agency, which decides who
// approves and who orders whom) or people outside the agency (partners, other institutions), who
// act through forms or are recorded by staff.
import type { KnownRole } from './types.ts';
import { clean, dehyphenate, norm, slug, uniqueId, words } from './text.ts';

export interface ImportRole {
  id: string;
  label: string;
  /** 5 head of agency, 4 sekretaris / kepala bidang, 3 kepala seksi / subkoordinator, 1 staff. */
  rank: number;
  external: null | 'partner' | 'institution';
  /** Its id came from the agency's known roles. */
  known: boolean;
  jabatan?: string;
}

const RANKS: [RegExp, number][] = [
  [/\bkepala (dinas|badan|kantor)\b|\bkadis\b/, 5],
  [/\bsekretaris\b|\bkepala bidang\b|\bkabid\b/, 4],
  [/\bkepala (seksi|sub ?bagian|sub ?bidang|upt|uptd)\b|\bkasi\b|\bkasubb?ag\b|\bkasubid\b|\bsub ?koordinator\b|\bkoordinator\b|\bkatim\b|\bketua tim\b/, 3],
];

/** Words that name our own staff: a header holding one is never an outsider. */
const STAFF = /\b(kepala|kasi|kabid|kasubb?ag|sekretaris|petugas|staf|staff|pegawai|pustakawan|pranata|arsiparis|agendaris|operator|admin|penyuluh|pengelola|koordinator|sub ?koordinator|front office|resepsionis|bendahara|analis|pelaksana|tim)\b/;
/** People outside the agency who use or ask for its services. */
const PARTNER = /\b(pengguna|pengunjung|pemustaka|pemohon|masyarakat|mitra|pihak lain|pihak ketiga|pihak kedua|lembaga|organisasi|perorangan|sekolah|desa|peserta|tamu|warga|pelanggan|perpustakaan sasaran|komunitas|tbm)\b/;
/** Other government bodies that act in the SOP (a legal bureau's opinion). */
const INSTITUTION = /\b(bagian|biro|sekretariat daerah|setda|inspektorat|dprd|bupati|wali ?kota|gubernur|kementerian|kemenag|dinas pendidikan|kantor|badan)\b/;

export function rankOf(label: string): number {
  const l = norm(label);
  for (const [re, r] of RANKS) if (re.test(l)) return r;
  return 1;
}

export function externalKind(label: string): null | 'partner' | 'institution' {
  const l = norm(label);
  if (PARTNER.test(l)) return 'partner';
  if (STAFF.test(l)) return null;
  if (INSTITUTION.test(l)) return 'institution';
  return null;
}

/** Abbreviations of Indonesian offices, for short ids ("Kepala Bidang Perpustakaan" -> kabid_perpustakaan). */
const ABBREV: [RegExp, string][] = [
  [/\bkepala seksi\b/, 'kasi'],
  [/\bkepala bidang\b/, 'kabid'],
  [/\bkepala sub ?bagian\b/, 'kasubag'],
  [/\bkepala dinas\b/, 'kepala_dinas'],
  [/\bsub koordinator\b/, 'sub_koordinator'],
];

function roleIdOf(label: string): string {
  let l = norm(label).replace(/\(.*?\)/g, ' ');
  for (const [re, rep] of ABBREV) l = l.replace(re, rep);
  const ws = (l.match(/[a-z0-9_]+/g) ?? []).filter((w) => !['dan', 'serta', 'atau', 'dari', 'untuk', 'yang'].includes(w));
  return slug(ws.slice(0, 2).join('_') || label, 40);
}

/** Expanded jabatan for letters: "Kasi X" is printed "Kepala Seksi X". */
function jabatanOf(label: string): string {
  return clean(label.replace(/\bKasi\b/i, 'Kepala Seksi').replace(/\bKabid\b/i, 'Kepala Bidang'));
}

/**
 * Roles from the Pelaksana headers. A header naming one of the agency's known roles (same label,
 * or same id) takes its id, so staff who hold that role can act on the imported SOP at once.
 */
export function rolesFromHeaders(headers: string[], known: KnownRole[] = []): ImportRole[] {
  const taken = new Set<string>();
  return headers.map((h) => {
    const label = clean(dehyphenate(h));
    const external = externalKind(label);
    const k = known.find((r) => norm(r.label) === norm(label)) ?? known.find((r) => r.id === roleIdOf(label));
    const id = uniqueId(k?.id ?? roleIdOf(label), taken);
    return { id, label, rank: rankOf(label), external, known: !!k, jabatan: k?.jabatan ?? jabatanOf(label) };
  });
}

/**
 * How strongly a phrase names a role: every word of the role's label in the phrase (2), or the
 * role's distinctive words (words no other role's label has, 4+ letters, prefix-matched: "agenda"
 * meets "Agendaris") (1). 0: no mention.
 */
export function mentionScore(phrase: string, role: ImportRole, roles: ImportRole[]): number {
  const p = words(phrase);
  const own = words(role.label.replace(/\(.*?\)/g, ' ')).filter((w) => w.length > 2 && !['dan', 'serta', 'atau', 'yang', 'untuk'].includes(w));
  if (own.length && own.every((w) => p.includes(w))) return 2;
  // The first two words of the label ("Kepala Bidang", "Kasi Layanan", "Front Office") name it when no other role starts so.
  const head = own.slice(0, 2).join(' ');
  if (own.length >= 2 && ` ${p.join(' ')} `.includes(` ${head} `) && !roles.some((r) => r !== role && words(r.label).slice(0, 2).join(' ') === head)) return 2;
  const others = new Set(roles.filter((r) => r !== role).flatMap((r) => words(r.label)));
  const distinctive = own.filter((w) => w.length >= 4 && !others.has(w) && !GENERIC.has(w));
  const meets = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));
  const stemmed = p.map((w) => w.replace(/^(meng|mem|men|meny|me|di|ber|pe)(?=[a-z]{4})/, '').replace(/(kan|an)$/, ''));
  return distinctive.some((d) => p.some((w) => meets(w, d)) || stemmed.some((w) => meets(w, d))) ? 1 : 0;
}

/** Words too common in labels to identify a role by themselves. */
const GENERIC = new Set(['perpustakaan', 'layanan', 'dinas', 'bidang', 'kepala', 'seksi', 'kerjasama', 'otomasi', 'daerah', 'kearsipan', 'umum', 'bagian']);

/**
 * Roles named as subjects of the activities, for a procedure without Pelaksana columns (a numbered
 * list, a table of activities only): "Kepala bidang perpustakaan, sub koordinator serta petugas
 * melakukan ..." gives three staff roles; a subject naming no staff ("Dinas Pendidikan ... serta
 * Kantor Kementerian Agama ... menyebarluaskan") is one outside role.
 */
export function roleLabelsFromSubjects(subjects: string[]): string[] {
  const labels: string[] = [];
  const add = (l: string) => {
    const c = clean(l).replace(/^(para|seluruh|semua)\s+/i, '').replace(/[.,;:]+$/, '');
    if (c && !labels.some((x) => norm(x) === norm(c))) labels.push(capitalizeFirst(c));
  };
  for (const subj of subjects) {
    if (!subj) continue;
    const parts = subj.split(/,|\bserta\b|\bdan\b|\batau\b/i).map((p) => p.trim()).filter(Boolean);
    const staffParts = parts.filter((p) => STAFF.test(norm(p)) && !externalKind(p));
    if (staffParts.length === parts.length) staffParts.forEach(add);
    else if (!staffParts.length) add(subj);
    else parts.forEach(add);
  }
  return labels;
}

const capitalizeFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
