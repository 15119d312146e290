// "Impor SOP", for the agency's SOP administrators (staff holding a role that may cancel cases of
// an SOP): paste an SOP table (from Word, a PDF, a scan's text or a Sheets range) or pick a .docx,
// read it into a draft, see the steps with every field the importer is unsure of highlighted, fix
// them in place (actor, decision targets, kelengkapan types, waktu, letter templates), check what
// changes against the version in use, and publish it as the SOP's next version.
import type { Kelengkapan, ProducedDocument, SopDefinition, SopImportChange, SopImportDraft, SopImportReviewItem, Step } from '../../../../functions/src/contract.ts';
import { parseWaktu } from '../../../../functions/src/sop/waktu.ts';
import type { ApiError, DriveDocxPage } from '../../contract.ts';
import { MAX_DOCX_BYTES } from '../../limits.ts';
import { $, badge, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { formatInstant } from '../logic/time.ts';
import { KeyKeeper } from '../logic/idempotency.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, type Flash, loadSops, setView, showBanner } from '../shell.ts';

const state = {
  text: '',
  title: '',
  drafts: [] as SopImportDraft[],
  pick: 0,
  draft: null as SopDefinition | null,
  diff: [] as SopImportChange[],
  docx: null as { name: string; base64: string } | null,
  /** Fields the reviewer changed (their data-field keys): green, the importer's doubt answered. */
  fixed: new Set<string>(),
  /** The roles of the agency's SOPs in use (id -> role), to map a table's new Pelaksana header onto. */
  agencyRoles: new Map<string, SopDefinition['roles'][number]>(),
  /** The draft was edited since the changes were last counted: the list says so until "Periksa perubahan". */
  diffStale: false,
};

/** The class of a field: green once changed, yellow while the importer is unsure of it. */
const mark = (key: string, flagged: boolean) => (state.fixed.has(key) ? 'fixed' : flagged ? 'unsure' : '');
function fix(el: HTMLElement, key: string): void {
  state.fixed.add(key);
  el.classList.remove('unsure', 'broken');
  el.classList.add('fixed');
  edited();
}
/** Every edit makes the listed changes out of date; the note says so rather than show stale ones as current. */
function edited(): void {
  state.diffStale = true;
  const note = document.getElementById('sop-import-diff-stale');
  if (note) note.hidden = false;
}
const keys = new KeyKeeper();

/** The Drive picker: open or not, what was searched, the files listed so far and where the next page starts. */
const drive = { open: false, search: '', files: [] as DriveDocxPage['files'], next: null as string | null, loaded: false, seq: 0 };

/** Shows the tab to staff who administer at least one of the agency's SOPs. */
export async function refreshSopImportTab(): Promise<void> {
  const me = app.me;
  if (!me) return;
  try {
    const sops = await loadSops();
    const mine = new Set(me.roles.map((r) => r.id));
    $('sopimport-tab').hidden = !sops.some((s) => s.cancelRoles.some((r) => mine.has(r)));
  } catch {
    $('sopimport-tab').hidden = true;
  }
}

export function showSopImport(flash?: Flash): void {
  enterView('sopimport', 'sopimport', flash, 'Memuat…');
  render();
}

function render(): void {
  const d = state.drafts[state.pick];
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Impor SOP')),
    h('p', { class: 'muted small' }, 'Tempel tabel SOP (No, Kegiatan, Pelaksana, Kelengkapan, Waktu, Output) dari Word, PDF, hasil pindaian atau Google Sheets, atau pilih berkas .docx. Periksa yang ditandai kuning, lalu terbitkan.'),
    sourceForm(),
    d && state.draft ? draftView(d, state.draft) : null,
  );
}

function sourceForm(): HTMLElement {
  const text = h('textarea', { id: 'sop-import-text', rows: '6', placeholder: 'Tempel tabel SOP di sini…', value: state.text });
  text.addEventListener('input', () => (state.text = text.value));
  const file = h('input', { id: 'sop-import-file', type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  file.addEventListener('change', () => void readFile(file));
  const title = h('input', { id: 'sop-import-title', type: 'text', maxlength: '300', value: state.title, placeholder: 'Kosongkan: judul dari tabel' });
  title.addEventListener('input', () => (state.title = title.value));
  return h(
    'form',
    { class: 'panel', id: 'sop-import-form', onsubmit: (e: Event) => (e.preventDefault(), void readSource()) },
    h('div', { class: 'field' }, h('label', { for: 'sop-import-text' }, 'Tabel SOP'), text),
    h('div', { class: 'field' }, h('label', { for: 'sop-import-file' }, 'atau berkas .docx dari perangkat'), file, state.docx ? h('span', { class: 'small muted' }, `Dipilih: ${state.docx.name}`) : null),
    h(
      'div',
      { class: 'field' },
      h('button', { type: 'button', class: 'btn', id: 'sop-import-drive-open', 'aria-expanded': String(drive.open), onclick: () => toggleDrive() }, drive.open ? 'Tutup daftar Drive' : 'Pilih .docx dari Drive'),
      drive.open ? drivePanel() : null,
    ),
    h('div', { class: 'field' }, h('label', { for: 'sop-import-title' }, 'Judul SOP (opsional)'), title),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'sop-import-read' }, 'Baca tabel'),
      h('button', { type: 'button', class: 'btn', id: 'sop-import-range', title: 'Tempel tabel SOP ke lembar, pilih rentangnya, lalu tekan ini', onclick: () => void readSource(true) }, 'Baca rentang terpilih'),
    ),
  );
}

async function readFile(input: HTMLInputElement): Promise<void> {
  const f = input.files?.[0];
  if (!f) return;
  if (f.size > MAX_DOCX_BYTES) {
    showBanner({ kind: 'error', text: `Berkas ${f.name} terlalu besar untuk panel (${Math.ceil(f.size / 1024)} KB; paling besar ${MAX_DOCX_BYTES / 1024} KB). Tempel tabelnya, atau impor dengan perintah admin import-sop.` });
    return;
  }
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  state.docx = { name: f.name, base64: btoa(bin) };
  state.text = '';
  await readSource();
}

async function readSource(fromSelection = false): Promise<void> {
  const source = state.docx ? { docxBase64: state.docx.base64 } : { text: state.text };
  if (!fromSelection && !state.docx && !state.text.trim()) {
    showBanner({ kind: 'error', text: 'Tempel tabel SOP atau pilih berkas .docx terlebih dahulu.' });
    return;
  }
  const title = state.title.trim();
  await readWith(() => (fromSelection ? call('previewSopImportFromSelection', title || null) : call('previewSopImport', { ...source, ...(title ? { title } : {}) })), 'Membaca tabel…');
}

/** One way into the draft for every source: the pasted text, the selection, a file from the device or Drive. */
async function readWith(read: () => Promise<{ drafts: SopImportDraft[] }>, label: string, from?: string): Promise<void> {
  try {
    const r = await busy(label, read);
    state.drafts = r.drafts;
    state.pick = 0;
    pickDraft();
    state.agencyRoles = await loadSops()
      .then((sops) => new Map(sops.flatMap((x) => x.roles.map((role) => [role.id, role] as const))))
      .catch(() => new Map());
    showBanner({ kind: 'info', text: `${from ? `${from}: ` : ''}${r.drafts.length} tabel terbaca. ${r.drafts[0]!.review.length} hal perlu diperiksa (ditandai kuning).` });
  } catch (e) {
    state.drafts = [];
    state.draft = null;
    showBanner(failureFlash(parseFailure(e)));
  } finally {
    state.docx = null;
  }
  render();
}

function toggleDrive(): void {
  drive.open = !drive.open;
  render();
  if (drive.open) {
    if (!drive.loaded) void loadDrive(drive.search, false);
    ($('sop-drive-search') as HTMLInputElement).focus();
  }
}

function drivePanel(): HTMLElement {
  const search = h('input', { type: 'search', id: 'sop-drive-search', maxlength: '100', value: drive.search, placeholder: 'Cari nama berkas (awal kata)…', 'aria-label': 'Cari berkas .docx di Drive' });
  let pause: ReturnType<typeof setTimeout> | undefined;
  // Searched on Drive after a short pause in typing, or at once with Enter.
  search.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(() => void loadDrive(search.value, false), 400);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    clearTimeout(pause);
    void loadDrive(search.value, false);
  });
  const panel = h(
    'div',
    { class: 'drive-panel', id: 'sop-import-drive' },
    search,
    h('p', { class: 'small muted', id: 'sop-drive-status' }, drive.loaded ? '' : 'Memuat berkas…'),
    h('ul', { class: 'drive-list', id: 'sop-drive-list' }),
    h('button', { type: 'button', class: 'btn small', id: 'sop-drive-more', hidden: true, onclick: () => void loadDrive(drive.search, true) }, 'Muat lagi'),
  );
  queueMicrotask(fillDriveList);
  return panel;
}

async function loadDrive(search: string, more: boolean): Promise<void> {
  const seq = ++drive.seq;
  drive.search = search;
  const status = document.getElementById('sop-drive-status');
  if (status) status.textContent = 'Memuat berkas…';
  try {
    const page = await call('listDriveDocx', search.trim() || null, more ? drive.next : null);
    // An answer to an older search is dropped: the list shows what the box says.
    if (seq !== drive.seq) return;
    drive.files = more ? [...drive.files, ...page.files] : page.files;
    drive.next = page.nextPageToken;
    drive.loaded = true;
    fillDriveList();
  } catch (e) {
    if (seq !== drive.seq) return;
    if (status) status.textContent = '';
    showBanner(failureFlash(parseFailure(e)));
  }
}

function fillDriveList(): void {
  const list = document.getElementById('sop-drive-list');
  const status = document.getElementById('sop-drive-status');
  const more = document.getElementById('sop-drive-more');
  if (!list || !status || !more) return;
  if (!drive.loaded) return;
  const zone = app.me?.agency.timeZone ?? 'Asia/Jakarta';
  list.replaceChildren(
    ...drive.files.map((f) => {
      const big = f.sizeBytes !== null && f.sizeBytes > MAX_DOCX_BYTES;
      const facts = [f.modifiedTime ? formatInstant(f.modifiedTime, zone) : null, f.sizeBytes !== null ? `${Math.max(1, Math.ceil(f.sizeBytes / 1024))} KB` : null, big ? `terlalu besar (paling besar ${MAX_DOCX_BYTES / 1024} KB)` : null].filter(Boolean).join(' · ');
      return h(
        'li',
        null,
        h('button', { type: 'button', class: 'drive-file', 'data-drive-file': f.id, disabled: big, title: f.name, onclick: () => void readFromDrive(f.id, f.name) }, h('span', { class: 'drive-name' }, f.name), h('span', { class: 'small muted' }, facts)),
      );
    }),
  );
  status.textContent = drive.files.length ? `${drive.files.length} berkas${drive.next ? ' (ada lagi)' : ''}` : drive.search.trim() ? `Tidak ada berkas .docx yang namanya memuat kata berawalan "${drive.search.trim()}".` : 'Tidak ada berkas .docx di Drive Anda.';
  more.hidden = !drive.next;
}

async function readFromDrive(fileId: string, name: string): Promise<void> {
  const title = state.title.trim();
  state.text = '';
  await readWith(() => call('previewSopImportFromDrive', fileId, title || null), `Membaca ${name}…`, name);
}

function pickDraft(): void {
  const d = state.drafts[state.pick];
  state.draft = d ? (JSON.parse(JSON.stringify(d.definition)) as SopDefinition) : null;
  state.fixed.clear();
  state.diff = d?.diff ?? [];
  state.diffStale = false;
}

// The API's field messages name the step and field as the review shows them ("Langkah 7, cabang
// TIDAK: ..."); the machine path would only be noise to a librarian.
// A refused publication lists each problem; any other refusal says its message once.
function failureFlash(err: ApiError, publishing = false): Flash {
  const lines = (err.fields ?? []).map((f) => f.message).filter((m) => publishing || !err.message.includes(m));
  if (publishing && lines.length) return { kind: 'error', text: 'Belum dapat diterbitkan. Perbaiki:', lines: lines.slice(0, 8) };
  return { kind: 'error', text: err.message, ...(lines.length ? { lines: lines.slice(0, 8) } : {}) };
}

function reviewFor(d: SopImportDraft, step: number, field: SopImportReviewItem['field']): SopImportReviewItem[] {
  return d.review.filter((r) => r.step === step && r.field === field);
}

function unsure(items: SopImportReviewItem[]): HTMLElement | null {
  return items.length ? h('span', { class: 'unsure-why small' }, [...new Set(items.map((r) => r.reason))].join(' ')) : null;
}

function draftView(d: SopImportDraft, def: SopDefinition): HTMLElement {
  const picker =
    state.drafts.length > 1
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: 'sop-import-table' }, 'Tabel'),
          (() => {
            const s = h('select', { id: 'sop-import-table' }, ...state.drafts.map((x, i) => h('option', { value: String(i), selected: i === state.pick }, `${x.table}. ${x.definition.title}`)));
            s.addEventListener('change', () => {
              state.pick = Number(s.value);
              pickDraft();
              render();
            });
            return s;
          })(),
        )
      : null;
  const title = h('input', { id: 'sop-draft-title', type: 'text', value: def.title, maxlength: '300' });
  title.addEventListener('change', () => (def.title = title.value.trim() || def.title));
  const outsiders = d.review.filter((r) => r.field === 'roles');
  const other = d.review.filter((r) => r.field === 'text' || r.field === 'title' || (r.field === 'waktu' && r.step === undefined));
  return h(
    'section',
    { id: 'sop-import-draft' },
    picker,
    h('div', { class: 'field' }, h('label', { for: 'sop-draft-title' }, 'Judul'), title),
    h(
      'p',
      { class: 'small', id: 'sop-import-target' },
      d.current ? `Versi baru dari "${d.current.title}": versi ${d.current.version} → ${d.current.version + 1}. Kasus yang sedang berjalan tetap pada versinya.` : `SOP baru: ${def.id} (kode nomor kasus ${def.code}).`,
    ),
    h('p', { class: 'small muted' }, `Peran: ${def.roles.map((r) => r.label).join('; ')}`),
    newRolesView(def),
    ...outsiders.map((r) => h('p', { class: 'small unsure' }, `${r.read}: ${r.reason}`)),
    h('h3', null, `Langkah (${def.steps.length})`),
    h('div', { class: 'import-steps', id: 'sop-import-steps' }, ...def.steps.map((s, i) => stepCard(d, def, s, i))),
    other.length ? h('details', { class: 'small' }, h('summary', null, `Teks lain yang perlu diperiksa (${other.length})`), h('ul', null, ...other.map((r) => h('li', null, `${r.read ? `"${r.read}": ` : ''}${r.reason}`)))) : null,
    h('h3', null, 'Perubahan dari versi aktif'),
    h('p', { class: 'small unsure', id: 'sop-import-diff-stale', hidden: !state.diffStale }, 'Draf sudah diubah sejak daftar ini dihitung: tekan "Periksa perubahan" untuk menghitung ulang.'),
    diffList(),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'btn', id: 'sop-import-check', onclick: () => void publish(true) }, 'Periksa perubahan'),
      h('button', { type: 'button', class: 'btn btn-primary', id: 'sop-import-publish', onclick: () => void publish(false) }, 'Terbitkan'),
    ),
  );
}

/** What a change is about, as the review names it ("Langkah 10, pelaksana"); the API's path stays in data-path. */
const CHANGE_FIELDS: Record<string, string> = { activity: 'kegiatan', kind: 'jenis langkah', actors: 'pelaksana', flow: 'alur', waktu: 'waktu', output: 'output', kelengkapan: 'kelengkapan', produces: 'dokumen yang dibuat' };
function changeLabel(path: string): string {
  const step = /^steps\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (step) return step[2] ? `Langkah ${step[1]}, ${CHANGE_FIELDS[step[2]] ?? step[2]}` : `Langkah ${step[1]}`;
  if (path === 'title') return 'Judul';
  if (path === 'sop') return 'SOP baru';
  if (path.startsWith('roles.')) return `Peran ${path.slice('roles.'.length)}`;
  return path;
}

/**
 * The table's Pelaksana headers that are no role of the agency yet: each can stay a new role (staff
 * must be given it before its steps can be taken) or be taken as one of the agency's roles, which
 * then stands for it everywhere in the draft.
 */
function newRolesView(def: SopDefinition): HTMLElement | null {
  if (!state.agencyRoles.size) return null;
  const fresh = def.roles.filter((r) => !state.agencyRoles.has(r.id));
  if (!fresh.length) return null;
  const known = [...state.agencyRoles.values()].sort((a, b) => a.label.localeCompare(b.label, 'id'));
  return h(
    'div',
    { class: 'field', id: 'sop-import-new-roles' },
    h('label', null, 'Peran baru dari tabel'),
    h('p', { class: 'small muted' }, 'Belum ada pegawai yang memegangnya. Bila sama dengan peran dinas yang sudah ada, pilih peran itu.'),
    ...fresh.map((r) => {
      const key = `role-${r.id}`;
      const sel = h(
        'select',
        { 'data-field': key, 'aria-label': `Peran untuk kolom ${r.label}`, class: 'unsure' },
        h('option', { value: '', selected: true }, 'tetap peran baru'),
        ...known.map((k) => h('option', { value: k.id }, k.label)),
      );
      sel.addEventListener('change', () => sel.value && mapRole(def, r, sel.value));
      return h('div', { class: 'role-map' }, h('span', { class: 'small' }, r.label), sel);
    }),
  );
}

/** Every place a definition names a role by id. */
function renameRole(def: SopDefinition, from: string, to: string): number {
  const swap = (ids: string[] | undefined) => (ids ? [...new Set(ids.map((x) => (x === from ? to : x)))] : ids);
  let steps = 0;
  for (const st of def.steps) {
    if (st.actors.includes(from)) steps++;
    st.actors = swap(st.actors)!;
    for (const doc of [...st.produces, ...(st.kind === 'decision' ? [...st.ifYes.produces, ...st.ifNo.produces] : [])]) if (doc.kepada) doc.kepada = swap(doc.kepada);
    for (const k of st.kelengkapan) if (k.type === 'data' && k.suggest?.pimpinanOf === from) k.suggest.pimpinanOf = to;
  }
  def.cancelRoles = swap(def.cancelRoles)!;
  if (def.createRoles) def.createRoles = swap(def.createRoles);
  if (def.reminders?.escalateTo) def.reminders.escalateTo = swap(def.reminders.escalateTo);
  for (const r of def.roles) if (r.reportsTo === from) r.reportsTo = to;
  return steps;
}

function mapRole(def: SopDefinition, role: SopDefinition['roles'][number], to: string): void {
  const steps = renameRole(def, role.id, to);
  def.roles = def.roles.filter((r) => r.id !== role.id);
  // The agency's role comes with the roles it reports to, so its letters sign as they do elsewhere.
  for (let id: string | undefined = to; id && !def.roles.some((r) => r.id === id); id = state.agencyRoles.get(id)?.reportsTo) {
    const known = state.agencyRoles.get(id);
    if (!known) break;
    def.roles.push({ ...known });
  }
  edited();
  render();
  const label = state.agencyRoles.get(to)?.label ?? to;
  showBanner({ kind: 'info', text: `Kolom "${role.label}" kini peran dinas "${label}" (${steps} langkah). Untuk membatalkannya, baca ulang tabelnya.` });
}

function diffList(): HTMLElement {
  if (!state.diff.length) return h('p', { class: 'small muted', id: 'sop-import-diff' }, 'Tidak ada perubahan.');
  const kind = { added: 'baru', removed: 'dihapus', changed: 'berubah' } as const;
  return h(
    'ul',
    { class: 'small diff', id: 'sop-import-diff' },
    ...state.diff.slice(0, 60).map((c) => h('li', { 'data-path': c.path }, badge(kind[c.kind], c.kind === 'removed' ? 'late' : c.kind === 'added' ? 'ok' : 'info'), ` ${changeLabel(c.path)}`, c.after !== undefined ? h('div', { class: 'muted' }, `${c.before !== undefined ? `${c.before} → ` : ''}${c.after}`) : c.before !== undefined ? h('div', { class: 'muted' }, c.before) : null)),
    state.diff.length > 60 ? h('li', null, `… dan ${state.diff.length - 60} lagi`) : null,
  );
}

function roleSelect(def: SopDefinition, s: Step, flagged: boolean): HTMLSelectElement {
  const current = s.actors.join(',');
  const opts = def.roles.map((r) => ({ value: r.id, label: r.label }));
  if (s.actors.length > 1) opts.unshift({ value: current, label: s.actors.map((a) => def.roles.find((r) => r.id === a)?.label ?? a).join(' + ') });
  const key = `actors-${s.no}`;
  const sel = h('select', { 'data-field': key, class: mark(key, flagged) }, ...opts.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)));
  sel.addEventListener('change', () => {
    s.actors = sel.value.split(',');
    s.actorNote = `Ditetapkan saat impor oleh ${app.me?.name || app.me?.email || 'pengelola SOP'}.`;
    fix(sel, key);
  });
  return sel;
}

/** Where a step may go: every other step, or the end. A target that is gone stays shown (red), never silently replaced. */
function exitOptions(def: SopDefinition, s: Step, current: number | 'END'): { value: string; label: string; gone?: boolean }[] {
  const opts: { value: string; label: string; gone?: boolean }[] = [...def.steps.filter((x) => x.no !== s.no).map((x) => ({ value: String(x.no), label: `langkah ${x.no}` })), { value: 'END', label: 'selesai' }];
  if (current !== 'END' && !def.steps.some((x) => x.no === current)) opts.unshift({ value: String(current), label: `langkah ${current} (tidak ada lagi)`, gone: true });
  return opts;
}

function targetSelect(def: SopDefinition, s: Step, which: 'ifYes' | 'ifNo', flagged: boolean): HTMLSelectElement {
  if (s.kind !== 'decision') throw new Error('not a decision');
  const exit = s[which];
  const options = exitOptions(def, s, exit.to);
  const key = `${which}-${s.no}`;
  const gone = options.some((o) => o.gone);
  const sel = h('select', { 'data-field': key, class: gone ? 'broken' : mark(key, flagged) }, ...options.map((o) => h('option', { value: o.value, selected: o.value === String(exit.to) }, o.label)));
  sel.addEventListener('change', () => {
    exit.to = sel.value === 'END' ? 'END' : Number(sel.value);
    if (exit.to === 'END' && !exit.outcome) exit.outcome = exit.label;
    fix(sel, key);
  });
  return sel;
}

/** A process step's next step; a step added or removed in review changes these, so they are shown. */
function nextSelect(def: SopDefinition, s: Step & { kind: 'process' }): HTMLSelectElement {
  const options = exitOptions(def, s, s.next).filter((o) => o.value !== 'END');
  const key = `next-${s.no}`;
  const gone = options.some((o) => o.gone);
  const sel = h('select', { 'data-field': key, class: gone ? 'broken' : mark(key, false) }, ...options.map((o) => h('option', { value: o.value, selected: o.value === String(s.next) }, o.label)));
  sel.addEventListener('change', () => {
    s.next = Number(sel.value);
    fix(sel, key);
  });
  return sel;
}

const KEL_TYPES = [
  ['document', 'dokumen'],
  ['data', 'data'],
  ['checklist', 'periksa'],
  ['office', 'alat kantor'],
] as const;

function retype(k: Kelengkapan, type: string): Kelengkapan {
  const base = { id: k.id, label: k.label };
  return type === 'document' ? { ...base, type: 'document', source: 'input' } : type === 'data' ? { ...base, type: 'data', dataType: 'longtext' } : { ...base, type: type as 'checklist' | 'office' };
}

/** An id for an item added in review: unique in the step, as the schema wants. */
function newKelId(s: Step): string {
  const ids = new Set(s.kelengkapan.map((k) => k.id));
  let n = s.kelengkapan.length + 1;
  while (ids.has(`butir_${n}`)) n++;
  return `butir_${n}`;
}

function kelengkapanRow(s: Step, k: Kelengkapan, i: number, flagged: boolean): HTMLElement {
  const key = `kel-${s.no}-${k.id}`;
  const sel = h('select', { 'data-field': key, 'aria-label': 'Jenis kelengkapan', class: mark(key, flagged) }, ...KEL_TYPES.map(([v, l]) => h('option', { value: v, selected: v === k.type }, l)));
  sel.addEventListener('change', () => {
    const at = s.kelengkapan.findIndex((x) => x.id === k.id);
    s.kelengkapan[at] = retype(s.kelengkapan[at]!, sel.value);
    fix(sel, key);
  });
  const labelKey = `kel-label-${s.no}-${k.id}`;
  const label = h('input', { type: 'text', 'data-field': labelKey, 'aria-label': 'Nama kelengkapan', value: k.label, class: mark(labelKey, !k.label.trim()) });
  label.addEventListener('change', () => {
    const item = s.kelengkapan.find((x) => x.id === k.id)!;
    // Kept as typed (trimmed): an emptied label is refused by the API, naming the step, not dropped here.
    item.label = label.value.trim();
    if (item.label) fix(label, labelKey);
    else {
      label.classList.add('unsure');
      edited();
    }
  });
  const remove = h('button', { type: 'button', class: 'btn small', 'data-remove-kel': key, title: `Hapus "${k.label}"`, 'aria-label': `Hapus kelengkapan ${k.label}` }, '×');
  remove.addEventListener('click', () => {
    s.kelengkapan = s.kelengkapan.filter((x) => x.id !== k.id);
    edited();
    render();
    showBanner({ kind: 'info', text: `Kelengkapan "${k.label}" dihapus dari langkah ${s.no}.` });
  });
  void i;
  return h('li', { class: 'kel-row edit' }, label, sel, remove);
}

function templateSelect(d: SopImportDraft, s: Step, doc: ProducedDocument, flagged: boolean): HTMLElement {
  const key = `tpl-${s.no}-${doc.id}`;
  const sel = h(
    'select',
    { 'data-field': key, class: mark(key, flagged) },
    h('option', { value: '', selected: doc.template === null }, 'bukan surat (tanpa templat)'),
    ...d.templates.map((t) => h('option', { value: t.id, selected: t.id === doc.template }, t.title)),
  );
  sel.addEventListener('change', () => {
    doc.template = sel.value || null;
    delete doc.variant;
    fix(sel, key);
  });
  return h('li', { class: 'kel-row' }, h('span', null, doc.label), sel);
}

function stepCard(d: SopImportDraft, def: SopDefinition, s: Step, i: number): HTMLElement {
  const actorReview = reviewFor(d, s.no, 'actors');
  const decisionReview = reviewFor(d, s.no, 'decision');
  const decisionUnsure = decisionReview.some((r) => /Tidak pasti|tanpa menulis/.test(r.reason));
  const kelReview = reviewFor(d, s.no, 'kelengkapan');
  const waktuReview = reviewFor(d, s.no, 'waktu');
  const textReview = [...reviewFor(d, s.no, 'text'), ...reviewFor(d, s.no, 'step')];
  const docs = [...s.produces, ...(s.kind === 'decision' ? [...s.ifYes.produces, ...s.ifNo.produces] : [])];
  const waktuKey = `waktu-${s.no}`;
  const waktu = h('input', { type: 'text', 'data-field': waktuKey, 'aria-label': 'Waktu', value: s.waktu ?? '', class: mark(waktuKey, waktuReview.length > 0) });
  const waktuNote = h('span', { class: 'small muted' }, parseWaktu(s.waktu).label);
  waktu.addEventListener('change', () => {
    s.waktu = waktu.value.trim() || null;
    const w = parseWaktu(s.waktu);
    waktuNote.textContent = w.label;
    if (w.recognized) fix(waktu, waktuKey);
    else {
      waktu.classList.add('unsure');
      edited();
    }
  });
  const activityKey = `activity-${s.no}`;
  const activity = h('textarea', { 'data-field': activityKey, 'aria-label': `Kegiatan langkah ${s.no}`, rows: String(Math.min(8, Math.max(2, Math.ceil(s.activity.length / 38)))), value: s.activity, class: `activity ${mark(activityKey, textReview.length > 0 || !s.activity.trim())}` });
  activity.addEventListener('change', () => {
    // Kept as typed: an emptied activity is refused by the API with the step named.
    s.activity = activity.value.trim();
    if (s.activity) fix(activity, activityKey);
    else {
      activity.classList.add('unsure');
      edited();
    }
  });
  const newKel = h('button', { type: 'button', class: 'btn small', 'data-add-kel': String(s.no) }, '+ kelengkapan');
  newKel.addEventListener('click', () => {
    const id = newKelId(s);
    s.kelengkapan.push({ type: 'checklist', id, label: '' });
    edited();
    render();
    (document.querySelector(`[data-field="kel-label-${s.no}-${id}"]`) as HTMLInputElement | null)?.focus();
  });
  return h(
    'div',
    { class: 'import-step', 'data-step': String(s.no) },
    h(
      'div',
      { class: 'card-top' },
      h('strong', null, `Langkah ${s.no}`),
      s.kind === 'decision' ? badge('keputusan', 'info') : s.kind === 'terminator' ? badge('akhir', 'muted') : null,
      def.startStep === s.no ? badge('awal', 'muted') : null,
      h('button', { type: 'button', class: 'btn small btn-secondary step-remove', 'data-remove-step': String(s.no), title: `Hapus langkah ${s.no}`, onclick: () => removeStep(def, s.no) }, 'Hapus'),
    ),
    h('div', { class: 'field' }, activity, unsure(textReview)),
    h('div', { class: 'field' }, h('label', null, 'Pelaksana'), roleSelect(def, s, actorReview.length > 0), s.performer !== 'staff' ? h('span', { class: 'small muted' }, `Dilakukan oleh ${s.performerLabel ?? 'pihak luar'}; dicatat pegawai ini.`) : null, state.fixed.has(`actors-${s.no}`) ? h('span', { class: 'small fixed-why' }, 'Diubah pengelola SOP.') : unsure(actorReview)),
    s.kind === 'decision'
      ? h(
          'div',
          { class: 'field' },
          h('label', null, 'Keputusan'),
          textField(s, `question-${s.no}`, 'Pertanyaan keputusan', () => s.question, (v) => (s.question = v), true),
          ...(['ifYes', 'ifNo'] as const).map((w) =>
            h(
              'div',
              { class: 'branch' },
              h('span', { class: 'small branch-name' }, w === 'ifYes' ? 'YA' : 'TIDAK'),
              textField(s, `${w}-label-${s.no}`, `Nama tombol cabang ${w === 'ifYes' ? 'YA' : 'TIDAK'}`, () => s[w].label, (v) => (s[w].label = v)),
              h('span', null, '→'),
              targetSelect(def, s, w, decisionUnsure),
            ),
          ),
          unsure(decisionReview),
        )
      : null,
    s.kind === 'process' ? h('div', { class: 'field targets' }, h('span', { class: 'small' }, 'Lanjut ke'), nextSelect(def, s)) : null,
    h('div', { class: 'field' }, h('label', null, 'Kelengkapan'), s.kelengkapan.length ? h('ul', { class: 'kel-list' }, ...s.kelengkapan.map((k, j) => kelengkapanRow(s, k, j, kelReview.some((r) => r.read === k.label)))) : null, unsure(kelReview), newKel),
    h('div', { class: 'field' }, h('label', null, 'Waktu'), waktu, waktuNote, unsure(waktuReview)),
    s.output ? h('p', { class: 'small muted' }, `Output: ${s.output}`) : null,
    docs.length ? h('div', { class: 'field' }, h('label', null, 'Dokumen yang dibuat'), h('ul', { class: 'kel-list' }, ...docs.map((doc) => templateSelect(d, s, doc, true)))) : null,
    s.keterangan ? h('p', { class: 'small muted' }, `Keterangan: ${s.keterangan}`) : null,
    s.kind === 'process' ? h('button', { type: 'button', class: 'btn small', 'data-add-step': String(s.no), onclick: () => addStepAfter(def, s) }, '+ langkah sesudah ini') : null,
    void i,
  );
}

/** A one-line text of a step, kept as typed (trimmed); an emptied one is refused by the API with the step named. */
function textField(s: Step, key: string, label: string, get: () => string, set: (v: string) => void, multiline = false): HTMLInputElement | HTMLTextAreaElement {
  const props = { 'data-field': key, 'aria-label': `${label} langkah ${s.no}`, value: get(), maxlength: '500', class: mark(key, !get().trim()) };
  // A question is read whole before it is judged: a box as tall as its text.
  const input = multiline ? h('textarea', { ...props, rows: String(Math.min(4, Math.max(1, Math.ceil(get().length / 38)))) }) : h('input', { ...props, type: 'text' });
  input.addEventListener('change', () => {
    set(input.value.trim());
    if (input.value.trim()) fix(input, key);
    else {
      input.classList.add('unsure');
      edited();
    }
  });
  return input;
}

/**
 * Removes a step. What went to it through a process step's "next" goes where the removed step went
 * (said in the banner, and shown in the cards); a decision that pointed at it is not re-aimed by
 * guess: its target shows red as gone and the API refuses it, naming the step, until it is chosen.
 */
function removeStep(def: SopDefinition, no: number): void {
  if (def.steps.length <= 1) {
    showBanner({ kind: 'error', text: 'SOP harus punya paling sedikit satu langkah.' });
    return;
  }
  const removed = def.steps.find((x) => x.no === no)!;
  const onward = removed.kind === 'process' ? removed.next : null;
  const lines: string[] = [];
  def.steps = def.steps.filter((x) => x.no !== no);
  for (const x of def.steps) {
    if (x.kind === 'process' && x.next === no && onward !== null && onward !== x.no) {
      x.next = onward;
      lines.push(`Langkah ${x.no} kini lanjut ke langkah ${onward}.`);
    } else if (x.kind === 'process' && x.next === no) lines.push(`Langkah ${x.no} masih lanjut ke langkah ${no}: pilih "Lanjut ke".`);
    if (x.kind === 'decision') for (const [w, l] of [['ifYes', 'YA'], ['ifNo', 'TIDAK']] as const) if (x[w].to === no) lines.push(`Keputusan langkah ${x.no} (${l}) masih menuju langkah ${no}: pilih tujuannya.`);
  }
  if (def.startStep === no) {
    if (onward !== null) {
      def.startStep = onward;
      lines.push(`Langkah awal kini langkah ${onward}.`);
    } else lines.push(`Langkah ${no} adalah langkah awal: tanpa penggantinya SOP tidak dapat diterbitkan.`);
  }
  for (const k of [...state.fixed]) if (new RegExp(`^[a-zA-Z-]+-${no}(-|$)`).test(k)) state.fixed.delete(k);
  edited();
  render();
  showBanner({ kind: lines.some((l) => l.includes('masih') || l.includes('tanpa')) ? 'error' : 'info', text: `Langkah ${no} dihapus.`, lines });
}

/** Adds a process step after `s`, done by the same actor, which `s` now leads to; its activity is typed in place. */
function addStepAfter(def: SopDefinition, s: Step & { kind: 'process' }): void {
  const no = Math.max(...def.steps.map((x) => x.no)) + 1;
  const step: Step = { no, kind: 'process', activity: '', actors: [...s.actors], performer: 'staff', kelengkapan: [], waktu: null, output: null, produces: [], next: s.next };
  s.next = no;
  def.steps.splice(def.steps.indexOf(s) + 1, 0, step);
  state.fixed.add(`next-${s.no}`);
  edited();
  render();
  showBanner({ kind: 'info', text: `Langkah ${no} ditambahkan sesudah langkah ${s.no}. Tulis kegiatannya.` });
  (document.querySelector(`[data-field="activity-${no}"]`) as HTMLTextAreaElement | null)?.focus();
}

async function publish(dryRun: boolean): Promise<void> {
  const def = state.draft;
  if (!def) return;
  const body = { definition: def, ...(dryRun ? { dryRun: true } : {}) };
  const key = keys.keyFor(JSON.stringify(body));
  try {
    const r = await busy(dryRun ? 'Memeriksa…' : 'Menerbitkan…', () => call('publishSopImport', body, key));
    keys.settle(null);
    state.diff = r.diff;
    state.diffStale = false;
    const roles = [...(r.newRoles.length ? [`Peran baru belum dipegang pegawai: ${r.newRoles.join(', ')}.`] : []), ...r.formProblems];
    if (r.published) {
      app.sops = null;
      state.drafts = [];
      state.draft = null;
      state.text = '';
      showSopImport({ kind: 'ok', text: `SOP "${r.title}" diterbitkan sebagai versi ${r.version}. Kasus baru memakai versi ini; kasus yang sedang berjalan tetap pada versinya.`, lines: roles });
      void refreshSopImportTab();
      return;
    }
    render();
    showBanner({ kind: 'info', text: `Definisi valid. Akan diterbitkan sebagai versi ${r.version} dengan ${r.diff.length} perubahan.`, lines: roles });
  } catch (e) {
    const err = parseFailure(e);
    keys.settle(err);
    showBanner(failureFlash(err, true));
  }
}
