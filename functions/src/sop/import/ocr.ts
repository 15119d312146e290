// The ragged text of an OCR'd scan of an SOP table (seed 001: "1. | Sosialisasi dengan - Tatap Muka
// 30 Adanya"): no tabs, the columns' words interleaved line by line. Read by the shape of each line:
// a step starts at "<n>. |", the standard time is a number and a unit word (possibly on two lines),
// a bullet ("- ") starts a kelengkapan item, the activity ends at its full stop, what follows the
// time is output. Without the columns' positions this is a best effort: every OCR step goes to the
// review list with its raw lines kept in keterangan, so nothing is lost.
import type { RawStep, RawTable } from './types.ts';
import { clean } from './text.ts';

const STEP_START = /^\s*(\d{1,2})\s*[.,]?\s*\|\s*(.*)$/;
const FOOTER = /^(dipindai dengan camscanner|scanned (with|by) camscanner)$/i;
const UNIT = /^(menit|jam|hari|minggu|bulan|ljam|ijam|\d+jam|\d+menit)[.,]?$/i;
const NUM = /^\d{1,3}$/;
const BULLET = /^[-–•·]$/;
/** A stray mark left of the Pelaksana columns (a flowchart shape read as a letter). */
const MARK = /^[‘’'`]?[LlVv√✓xX]$|^[‘’'`]$/;

export function looksLikeOcrTable(text: string): boolean {
  const starts = text.split(/\r?\n/).filter((l) => STEP_START.test(l)).length;
  return starts >= 2 && /kelengkapan/i.test(text) && /waktu/i.test(text);
}

function preamble(lines: string[]): { legalBasis: string[]; warnings: string[]; rest: string[] } {
  const legalBasis: string[] = [];
  const warnings: string[] = [];
  const rest: string[] = [];
  let mode: 'none' | 'dasar' | 'peringatan' = 'none';
  let buf: string[] = [];
  const flush = () => {
    const t = clean(buf.join(' '));
    if (t) (mode === 'dasar' ? legalBasis : mode === 'peringatan' ? warnings : rest).push(t);
    buf = [];
  };
  for (const raw of lines) {
    const l = raw.replace(/^\W*\|\s*/, '').trim();
    if (/^dasar hukum\s*:?/i.test(l)) {
      flush();
      mode = 'dasar';
      continue;
    }
    if (/^peringatan\s*:?/i.test(l)) {
      flush();
      mode = 'peringatan';
      const after = l.replace(/^peringatan\s*:?\s*-?\s*/i, '');
      if (after) buf.push(after);
      continue;
    }
    if (!l) {
      if (mode === 'dasar') flush();
      continue;
    }
    if (mode === 'dasar' && /^\d+\.\s/.test(l)) {
      flush();
      buf.push(l.replace(/^\d+\.\s*/, ''));
      continue;
    }
    if (mode === 'peringatan' && /[.]$/.test(l)) {
      buf.push(l);
      flush();
      mode = 'none';
      continue;
    }
    if (mode === 'none') {
      rest.push(l);
      continue;
    }
    buf.push(l);
  }
  flush();
  return { legalBasis, warnings, rest };
}

export function ocrTable(text: string): RawTable | null {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => /kelengkapan/i.test(l) && /waktu/i.test(l));
  if (headerAt < 0) return null;
  // Roles: the header cells between the start and "Kelengkapan", completed by a short line below ("Dinas Dinas").
  const headCells = lines[headerAt]!.split(/kelengkapan/i)[0]!.split('|').map((c) => clean(c)).filter(Boolean);
  const below = clean(lines[headerAt + 1] ?? '').split(' ').filter(Boolean);
  const roles = [...headCells];
  if (below.length && below.length <= roles.length && !STEP_START.test(lines[headerAt + 1]!)) {
    below.forEach((w, k) => {
      const at = roles.length - below.length + k;
      roles[at] = `${roles[at]} ${w}`;
    });
  }
  const titleLine = lines.slice(0, headerAt).reverse().find((l) => /^\s*SOP\s*:/i.test(l));
  const title = titleLine ? clean(titleLine.replace(/\s*:\s*/, ' ')) : null;
  const pre = preamble(lines.slice(0, headerAt).filter((l) => l !== titleLine && !/uraian kegiatan|^\s*no\s*$/i.test(l)));

  const steps: RawStep[] = [];
  const unplaced: RawTable['unplaced'] = pre.rest.filter((r) => !FOOTER.test(r)).map((t) => ({ text: t, afterStep: null }));
  type OcrStep = RawStep & { actClosed: boolean; outStarted: boolean; raw: string[]; pendingNum: string | null };
  // Assigned inside start(): declared wide so the compiler does not narrow it to null.
  let cur = null as OcrStep | null;
  let afterFooter = false;
  const start = (no: number, notes: string[]) => {
    cur = { no, activity: '', marks: roles.map(() => ''), kelengkapan: '', waktu: '', output: '', keterangan: '', extra: [], notes, actClosed: false, outStarted: false, raw: [], pendingNum: null };
    steps.push(cur);
  };
  for (let i = headerAt + 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (FOOTER.test(line.trim())) {
      afterFooter = true;
      continue;
    }
    if (!line.trim()) continue;
    const m = STEP_START.exec(line);
    let body = line;
    if (m) {
      start(Number(m[1]), ['dibaca dari teks hasil pindaian (OCR): periksa setiap kolom']);
      body = m[2]!;
    } else if (afterFooter && cur && /\b(menit|jam)\b|\d/.test(lines.slice(i, i + 4).join(' ')) && (cur as RawStep).output) {
      // A step after a page break whose number was lost: the next number, said in the review.
      const prevNo: number = (cur as RawStep).no;
      start(prevNo + 1, [`nomor langkah tidak terbaca di hasil pindaian; dianggap ${prevNo + 1}`, 'dibaca dari teks hasil pindaian (OCR): periksa setiap kolom']);
    }
    afterFooter = false;
    if (!cur) {
      unplaced.push({ text: clean(line), afterStep: null });
      continue;
    }
    const s: OcrStep = cur;
    s.raw.push(clean(line));
    const tokens = body.split(/\s+/).filter((t) => t && t !== '|' && t !== ':');
    const kept: string[] = [];
    for (const t of tokens) {
      if (MARK.test(t)) s.notes.push(`tanda pelaksana "${t}" terbaca di antara kolom; kolom Pelaksana-nya tidak dapat ditentukan`);
      else kept.push(t.replace(/\|/g, ''));
    }
    // The standard time: a number, a unit, or both.
    let w = kept.findIndex((t, k) => UNIT.test(t) || (NUM.test(t) && (UNIT.test(kept[k + 1] ?? '') || !s.waktu)));
    if (w >= 0 && NUM.test(kept[w]!) && s.waktu && !s.pendingNum) w = -1;
    const left = w >= 0 ? kept.slice(0, w) : kept;
    const right = w >= 0 ? kept.slice(NUM.test(kept[w]!) && UNIT.test(kept[w + 1] ?? '') ? w + 2 : w + 1) : [];
    if (w >= 0) {
      const wt = NUM.test(kept[w]!) && UNIT.test(kept[w + 1] ?? '') ? `${kept[w]} ${kept[w + 1]}` : kept[w]!;
      if (NUM.test(wt)) s.pendingNum = wt;
      else if (s.pendingNum && UNIT.test(wt)) {
        s.waktu = `${s.pendingNum} ${wt}`;
        s.pendingNum = null;
      } else s.waktu = wt;
    }
    const b = left.findIndex((t) => BULLET.test(t));
    const act = b >= 0 ? left.slice(0, b) : left;
    const kel = b >= 0 ? left.slice(b + 1) : [];
    for (const t of act) {
      if (!s.actClosed) {
        s.activity = clean(`${s.activity} ${t}`);
        if (/[.,]$/.test(t)) s.actClosed = true;
      } else if (s.outStarted && b < 0 && w < 0) s.output = clean(`${s.output} ${t}`);
      else s.kelengkapan = clean(`${s.kelengkapan} ${t}`);
    }
    if (kel.length) s.kelengkapan = `${s.kelengkapan}\n- ${kel.join(' ')}`.trim();
    if (right.length) s.output = clean(`${s.output} ${right.join(' ')}`);
    if (w >= 0) s.outStarted = true;
  }
  for (const s of steps as (RawStep & { raw: string[]; pendingNum: string | null })[]) {
    if (s.pendingNum && !s.waktu) s.waktu = s.pendingNum;
    s.activity = s.activity.replace(/,$/, '.');
    s.keterangan = `Teks hasil pindaian langkah ini: ${s.raw.join(' / ')}`;
  }
  if (!steps.length) return null;
  return { title, roleHeaders: roles, steps, unplaced, columns: { kelengkapan: true, waktu: true, output: true, keterangan: true }, inputKind: 'ocr', legalBasis: pre.legalBasis, warnings: pre.warnings };
}
