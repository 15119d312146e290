// The HTML of the partner's read-only status page and of its error page: one small self-contained
// document, in Bahasa Indonesia, readable on a 360 px phone. Everything shown is escaped; the
// page loads nothing (its style is inline, allowed by hash in the Content-Security-Policy).
import { createHash } from 'node:crypto';

export type StepMark = 'done' | 'current' | 'waiting' | 'skipped';

/** What the page shows: public facts only (no names, e-mails, notes, data values or document links). */
export interface StatusView {
  agencyName: string;
  /** The agency's public contact (letterhead telephone and e-mail), when set. */
  contact: string | null;
  nomor: string;
  sopTitle: string;
  status: 'open' | 'closed' | 'cancelled';
  steps: { no: number; activity: string; mark: StepMark }[];
  current: { no: number; activity: string; dueLocal: string | null; byPartner: boolean } | null;
  /** The SOP's outcome when closed ("Kunjungan resmi terlaksana"); cancelled cases say only that. */
  outcome: string | null;
  updatedLocal: string;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#202124;background:#f1f3f4;overflow-wrap:anywhere}
main{max-width:640px;margin:0 auto;padding:16px 14px 24px;background:#fff;min-height:100vh}
.agency{margin:0;color:#5f6368;font-size:14px}
h1{font-size:22px;line-height:1.25;margin:4px 0 12px}
h2{font-size:17px;margin:20px 0 8px}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}
dt{color:#5f6368}
dd{margin:0;font-weight:600}
.badge{display:inline-block;padding:1px 10px;border-radius:12px;font-size:14px;font-weight:600}
.open{background:#e8f0fe;color:#174ea6}.closed{background:#e6f4ea;color:#0d652d}.cancelled{background:#f1f3f4;color:#3c4043}
.box{margin:16px 0 0;padding:12px 14px;border-radius:8px;background:#e8f0fe;border-left:4px solid #1a73e8}
.box p{margin:4px 0}
.box.end{background:#e6f4ea;border-left-color:#188038}
.box.stop{background:#f1f3f4;border-left-color:#80868b}
.you{font-weight:600;color:#a05a00}
ol{list-style:none;margin:0;padding:0}
li{display:grid;grid-template-columns:32px 1fr;gap:2px 10px;padding:10px 0;border-bottom:1px solid #e8eaed}
.mark{grid-row:span 2;width:32px;height:32px;border-radius:50%;display:flex;align-items:center;justify-content:center;font-weight:700;font-size:14px;border:2px solid #bdc1c6;color:#5f6368;background:#fff}
li.done .mark{background:#188038;border-color:#188038;color:#fff}
li.current .mark{background:#1a73e8;border-color:#1a73e8;color:#fff}
li.skipped{color:#80868b}
.what{font-size:15px}
li.current .what{font-weight:600}
.state{font-size:13px;color:#5f6368}
li.done .state{color:#188038}
li.current .state{color:#1a73e8;font-weight:600}
footer{margin-top:20px;font-size:13px;color:#5f6368}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
footer p{margin:6px 0}
`;

/** The Content-Security-Policy of both pages: nothing but this inline style. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: every character that could open markup or end an attribute is an entity. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body><main>${body}</main></body>`,
    '</html>',
  ].join('\n');
}

const STATUS_LABEL: Record<StatusView['status'], string> = { open: 'Sedang diproses', closed: 'Selesai', cancelled: 'Dibatalkan' };
const MARK: Record<StepMark, string> = { done: '✓ Selesai', current: 'Sedang dikerjakan', waiting: 'Menunggu', skipped: 'Tidak dilalui' };

function nowBox(v: StatusView): string {
  if (v.status === 'cancelled') return '<section class="box stop"><p><strong>Permohonan ini dibatalkan.</strong></p><p>Untuk keterangan lebih lanjut, hubungi kami.</p></section>';
  if (v.status === 'closed') return `<section class="box end"><p><strong>Selesai.</strong></p>${v.outcome ? `<p>${esc(v.outcome)}</p>` : ''}</section>`;
  if (!v.current) return '';
  return [
    '<section class="box">',
    `<p><strong>Sekarang: langkah ${v.current.no}</strong></p>`,
    `<p>${esc(v.current.activity)}</p>`,
    v.current.byPartner ? '<p class="you">Langkah ini menunggu tindakan Anda; ikuti petunjuk pada e-mail dari kami.</p>' : '',
    v.current.dueLocal ? `<p>Target selesai langkah ini: <strong>${esc(v.current.dueLocal)}</strong></p>` : '',
    '</section>',
  ].join('');
}

export function renderStatusPage(v: StatusView): string {
  const steps = v.steps
    .map((s) => `<li class="${s.mark}"><span class="mark"><span class="sr">Langkah </span>${s.no}</span><span class="what">${esc(s.activity)}</span><span class="state">${MARK[s.mark]}</span></li>`)
    .join('');
  const body = [
    `<p class="agency">${esc(v.agencyName)}</p>`,
    '<h1>Status permohonan</h1>',
    '<dl>',
    `<dt>Nomor</dt><dd>${esc(v.nomor)}</dd>`,
    `<dt>Layanan</dt><dd>${esc(v.sopTitle)}</dd>`,
    `<dt>Status</dt><dd><span class="badge ${v.status}">${STATUS_LABEL[v.status]}</span></dd>`,
    '</dl>',
    nowBox(v),
    '<h2>Tahapan</h2>',
    `<ol>${steps}</ol>`,
    '<footer>',
    `<p>Diperbarui ${esc(v.updatedLocal)}. Halaman ini hanya menampilkan kemajuan permohonan; simpan tautannya untuk membukanya lagi.</p>`,
    v.contact ? `<p>Pertanyaan: ${esc(v.contact)}</p>` : '',
    '</footer>',
  ].join('');
  return page(`Status ${v.nomor} — ${v.agencyName}`, body);
}

export function renderErrorPage(title: string, message: string): string {
  return page(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p><footer><p>Periksa kembali tautan pada e-mail tanda terima Anda, atau hubungi instansi yang melayani permohonan Anda.</p></footer>`);
}
