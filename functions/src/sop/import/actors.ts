// Who takes each step when the table's actor marks were lost (they were flowchart shapes): read from
// the prose and the flow, the way a librarian reads it, and always said why. The cues, strongest
// first: a mark in a Pelaksana column; the subject named at the start ("Petugas menyiapkan");
// a hand-off from the step before ("... memberikan laporan kepada kasi" -> "Menerima laporan");
// an order ("memerintahkan kasi" is given by kasi's superior); "yang telah disetujui" (taken by
// who sent it up); a revision (by the author); a role's own word in the text ("mengagendakan" ->
// Agendaris); the previous step's actor.
import type { ImportRole } from './roles.ts';
import { mentionScore } from './roles.ts';
import { norm, overlap, stem, stems, words } from './text.ts';

export interface ActorReading {
  /** Role ids (staff or external) found to perform the step. */
  performers: string[];
  /** Why, in Indonesian, for actorNote and the review list. */
  reason: string;
  /** From a mark in the table: not inferred. */
  marked: boolean;
  /** How strong the cue was (10 named subject ... 1 first column). */
  score: number;
  /** Other roles worth offering in the review. */
  alternatives: string[];
}

export interface StepText {
  no: number;
  activity: string;
  marks: string[];
  decision: boolean;
}

/** A verb: prefixed (me-, ber-, ter-, di-) or one of the common unprefixed ones. */
const VERB = /^((me|mem|men|meng|meny)[a-z]{3,}|(ber|ter|di)[a-z]{4,}|datang|pergi|hadir|pulang|tiba|ikut|turut|kembali|masuk|keluar|harus|wajib|dapat|akan|segera)$/;
const USER_WORDS = /^(pemustaka|pengunjung|pengguna|pemohon|masyarakat|tamu|peserta|mitra|warga)$/;
const ADDRESS = /\b(kepada|memerintahkan|menugaskan|mendisposisikan|meminta|memohon|petunjuk|disposisi|melapor|melaporkan|ditujukan)\b/g;
const ORDER = /\b(memerintahkan|menugaskan|mendisposisikan|menginstruksikan)\b/g;
/** Words any staff member may be called: too common to tell one role by. */
const GENERIC_STAFF = /\b(petugas|staf|staff|pegawai|pelaksana|tim|admin)\b/gi;
const MAKE = /^(menyusun|membuat|merancang|mempersiapkan|menyiapkan|membuatkan|mengonsep|merumuskan)$/;

/** The words before the first verb: the step's subject ("Kepala bidang perpustakaan, sub koordinator serta petugas"). */
export function subjectPhrase(activity: string): string {
  const ws = activity.split(/\s+/);
  const out: string[] = [];
  for (const w of ws) {
    const bare = w.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (VERB.test(bare) && w === w.toLowerCase()) break;
    if (VERB.test(bare) && out.length === 0) break;
    out.push(w);
    if (out.length > 25) return '';
  }
  return out.length === ws.length ? '' : out.join(' ').replace(/[,;]+$/, '');
}

/** Roles a phrase names, each with its score. */
function named(phrase: string, roles: ImportRole[]): ImportRole[] {
  if (!phrase.trim()) return [];
  const scored = roles.map((r) => ({ r, s: mentionScore(phrase, r, roles) })).filter((x) => x.s > 0);
  const best = Math.max(0, ...scored.map((x) => x.s));
  return scored.filter((x) => x.s === best).map((x) => x.r);
}

/** Roles the subject names; a word for the service's users names the one partner role. */
function subjectRoles(activity: string, roles: ImportRole[]): ImportRole[] {
  const subj = subjectPhrase(activity);
  if (!subj) return [];
  const parts = subj.split(/,|\bserta\b|\bdan\b|\batau\b|\//i).map((p) => p.trim()).filter(Boolean);
  const found: ImportRole[] = [];
  for (const p of parts) {
    // An outsider is named by its whole label or by a word for the service's users, never by one shared word.
    const hits = named(p, roles).filter((r) => !r.external || mentionScore(p, r, roles) >= 2);
    if (hits.length === 1) found.push(hits[0]!);
    else if (!hits.length && words(p).some((w) => USER_WORDS.test(w))) {
      const partners = roles.filter((r) => r.external === 'partner');
      if (partners.length === 1) found.push(partners[0]!);
    }
  }
  return [...new Set(found)];
}

/** Roles addressed after "kepada", "memerintahkan", "meminta ... ", with the words that follow. */
function addressed(activity: string, roles: ImportRole[], re: RegExp): { role: ImportRole; after: string }[] {
  const out: { role: ImportRole; after: string }[] = [];
  const text = norm(activity);
  for (const m of text.matchAll(re)) {
    const after = text.slice(m.index! + m[0].length);
    const window = after.split(/\s+/).slice(0, 8).join(' ');
    for (const r of named(window.split(/\buntuk\b/)[0]!, roles)) if (!out.some((o) => o.role === r)) out.push({ role: r, after });
  }
  return out;
}

/** The lowest-ranked staff role above `rank` (who orders a role of that rank). */
function superiorOf(rank: number, roles: ImportRole[]): ImportRole | undefined {
  return roles
    .filter((r) => !r.external && r.rank > rank)
    .sort((a, b) => a.rank - b.rank)[0];
}

const label = (r: ImportRole) => r.label;

export function inferActors(steps: StepText[], roles: ImportRole[]): ActorReading[] {
  const staff = roles.filter((r) => !r.external);
  const out: ActorReading[] = [];
  const byId = new Map(roles.map((r) => [r.id, r]));
  /** Staff actors of step k; for a step done by outsiders, those of the nearest staff step before it. */
  const staffOf = (k: number): ImportRole[] => {
    for (let j = k; j >= 0; j--) {
      const prev = out[j];
      if (!prev) return [];
      const own = prev.performers.map((id) => byId.get(id)!).filter((r) => !r.external);
      if (own.length) return own;
    }
    return [];
  };
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const text = norm(s.activity);
    const firstWord = words(s.activity)[0] ?? '';
    const cands: { roles: ImportRole[]; score: number; reason: string }[] = [];
    // 0. A mark in a Pelaksana column.
    const marked = s.marks.map((m, k) => (m.trim() ? roles[k] : undefined)).filter((r): r is ImportRole => !!r);
    if (marked.length) {
      out.push({ performers: marked.map((r) => r.id), reason: `Tanda pada kolom Pelaksana: ${marked.map(label).join(', ')}.`, marked: true, score: 11, alternatives: [] });
      continue;
    }
    // 1. The subject named at the start.
    const subj = subjectRoles(s.activity, roles);
    if (subj.length) cands.push({ roles: subj, score: 10, reason: `uraian kegiatan menyebut pelakunya: "${subjectPhrase(s.activity)}"` });
    // 2. Hand-off from the previous step.
    const prev = steps[i - 1];
    if (prev) {
      const ordered = addressed(prev.activity, roles, ORDER);
      for (const o of ordered) {
        const verbs = o.after.split(/\buntuk\b/)[1];
        if (verbs && overlap([stem(firstWord)], stems(verbs)) > 0) cands.push({ roles: [o.role], score: 9, reason: `langkah ${prev.no} memerintahkan ${o.role.label} untuk kegiatan ini` });
      }
      const to = addressed(prev.activity, roles, ADDRESS);
      for (const a of to) {
        const receives = /^(menerima|mengambil)$/.test(firstWord) || s.decision;
        const asked = firstWord && overlap([stem(firstWord)], stems(a.after)) > 0;
        // Of two addressees, the one this step names too.
        const alsoHere = mentionScore(s.activity, a.role, roles) > 0 ? 0.5 : 0;
        if (receives || asked) cands.push({ roles: [a.role], score: 8 + alsoHere, reason: `langkah ${prev.no} ditujukan kepada ${a.role.label}, yang ${receives ? 'menerimanya' : 'melakukannya'} di langkah ini` });
      }
    }
    // 3. A request from outside, a guest book: the partner.
    const partners = roles.filter((r) => r.external === 'partner');
    if (partners.length === 1 && (/^mengajukan$/.test(firstWord) || /\bmengisi buku tamu\b/.test(text))) {
      cands.push({ roles: [partners[0]!], score: 7, reason: /^mengajukan$/.test(firstWord) ? 'permohonan diajukan oleh pihak luar' : 'buku tamu diisi oleh tamu/pengunjung' });
    }
    // 4. An order is given by the superior of the one ordered.
    for (const o of addressed(s.activity, roles, ORDER)) {
      const boss = superiorOf(o.role.rank, roles);
      if (boss) cands.push({ roles: [boss], score: 7, reason: `yang memerintahkan ${o.role.label} adalah atasannya` });
    }
    // 4b. Approving or sending back what the step before made: its actor's superior.
    if (s.decision && /\b(dikembalikan|diperbaiki|ditolak|disetujui|menyetujui)\b/.test(text) && !addressed(s.activity, roles, ORDER).length) {
      const prevStaff = staffOf(i - 1);
      const boss = prevStaff.length ? superiorOf(Math.max(...prevStaff.map((r) => r.rank)), roles) : undefined;
      if (boss) cands.push({ roles: [boss], score: 6, reason: `menyetujui atau mengembalikan hasil langkah ${prev?.no ?? ''}: atasan pelaksananya` });
    }
    // 5. "... yang telah disetujui/didisposisi": taken by who sent it up, not by who decided.
    if (prev && /^(menerima|mengambil)$/.test(firstWord) && /\byang telah di\w+/.test(text.split(/\bjika\b/)[0]!)) {
      const decider = staffOf(i - 1).map((r) => r.id);
      for (let k = i - 2; k >= 0; k--) {
        const back = staffOf(k).filter((r) => !decider.includes(r.id));
        if (back.length) {
          cands.push({ roles: back, score: 6, reason: `menerima hasil keputusan langkah ${prev.no} kembali ke pengusulnya (langkah ${steps[k]!.no})` });
          break;
        }
      }
    }
    // 6. A revision is made by the author.
    if (/^(melakukan (perbaikan|revisi)|merevisi|memperbaiki)\b/.test(text)) {
      const mine = stems(text).filter((w) => !/^(laku|baik|revisi|perbaik)/.test(w));
      let best: { k: number; n: number } | null = null;
      for (let k = 0; k < i; k++) {
        const w0 = words(steps[k]!.activity)[0] ?? '';
        if (!MAKE.test(w0)) continue;
        const n = overlap(mine, stems(steps[k]!.activity));
        if (n >= 2 && (!best || n > best.n)) best = { k, n };
      }
      if (best && staffOf(best.k).length) cands.push({ roles: staffOf(best.k), score: 6, reason: `perbaikan dibuat oleh penyusunnya (langkah ${steps[best.k]!.no})` });
    }
    // 7. A staff role's own word in the text, outside what is addressed to others.
    const addressedHere = new Set(addressed(s.activity, roles, ADDRESS).map((a) => a.role.id));
    const own = staff.filter((r) => !addressedHere.has(r.id) && mentionScore(s.activity.split(/\bkepada\b/i)[0]!.replace(GENERIC_STAFF, ' '), r, roles) > 0);
    if (own.length === 1) cands.push({ roles: own, score: 5, reason: `uraian kegiatan memuat kata jabatan ${own[0]!.label}` });
    // 8. The previous step's actor; the first step: the first Pelaksana column of our staff.
    const before = i > 0 ? staffOf(i - 1) : [];
    if (before.length) cands.push({ roles: before, score: 2, reason: `tidak ada petunjuk dalam teks; dilanjutkan oleh pelaksana langkah ${prev!.no}` });
    else if (staff[0]) cands.push({ roles: [staff[0]], score: 1, reason: 'tidak ada petunjuk dalam teks; kolom Pelaksana pertama dari pegawai dinas' });

    cands.sort((a, b) => b.score - a.score);
    const top = cands[0];
    if (!top) {
      out.push({ performers: [], reason: 'tidak ada petunjuk pelaksana', marked: false, score: 0, alternatives: roles.map((r) => r.id) });
      continue;
    }
    const alternatives = [...new Set(cands.slice(1).flatMap((c) => c.roles.map((r) => r.id)))].filter((id) => !top.roles.some((r) => r.id === id));
    out.push({ performers: top.roles.map((r) => r.id), reason: top.reason, marked: false, score: top.score, alternatives });
  }
  return out;
}
