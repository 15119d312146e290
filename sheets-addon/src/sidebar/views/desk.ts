// "Meja baca": the reading desk of the `referensi` SOP. Each visitor and each book read is one
// record, entered in a row by the Petugas Sirkulasi, so each form keeps the focus and empties
// itself after a save; the month's recap sits under the forms.
import type { DeskReadRequest, DeskVisitRequest } from '../../../../functions/src/contract.ts';
import { $, h } from '../dom.ts';
import { buildReadInput, buildVisitInput, DEFAULT_VISIT_CATEGORY, deskAccess, type DeskAccess, readSummary, VISIT_CATEGORIES, visitSummary } from '../logic/desk.ts';
import { parseFailure } from '../logic/failures.ts';
import { roleIds } from '../logic/roles.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, loadSops, setView } from '../shell.ts';
import { DeskForm } from './desk-form.ts';
import { RecapPanel } from './recap.ts';

/** Shows the "Meja baca" tab to the roles of desk steps 3 and 7 of `referensi`; hides it otherwise. */
export async function refreshDeskTab(): Promise<void> {
  const me = app.me;
  let access: DeskAccess | null = null;
  try {
    access = me ? deskAccess(await loadSops(), roleIds(me)) : null;
  } catch (e) {
    console.warn('listSops gagal; tab Meja baca disembunyikan:', parseFailure(e).message);
  }
  if (app.me !== me) return; // another agency was chosen meanwhile
  app.desk = access;
  $('desk-tab').hidden = !access;
}

export async function showDesk(flash?: Flash): Promise<void> {
  app.caseId = null;
  enterView('desk', 'desk', flash, 'Memuat meja baca…');
  let access: DeskAccess | null;
  try {
    access = deskAccess(await busy('Memuat meja baca…', () => loadSops()), roleIds(app.me!));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showDesk()));
    return;
  }
  if (app.view !== 'desk') return; // the user went elsewhere meanwhile
  app.desk = access;
  $('desk-tab').hidden = !access;
  if (!access) {
    setView(
      h('h2', null, 'Meja baca'),
      h('p', { class: 'empty' }, 'Peran Anda tidak mencatat layanan meja baca. Buku tamu dan buku yang dibaca dicatat oleh petugas langkah 3 dan 7 SOP Peminjaman koleksi referensi.'),
    );
    return;
  }
  const recap = new RecapPanel();
  const visit = access.visits ? visitForm(recap) : null;
  const read = access.reads ? readForm(recap) : null;
  setView(
    h('h2', null, 'Meja baca'),
    h('p', { class: 'muted small' }, 'Peminjaman koleksi referensi (dibaca di tempat): catat setiap pengunjung dan setiap buku yang dibaca.'),
    visit?.section ?? null,
    read?.section ?? null,
    recap.section,
  );
  (visit ?? read)?.focus();
  void recap.load();
}

/** "Buku tamu": one visitor per record. */
function visitForm(recap: RecapPanel): DeskForm<DeskVisitRequest> {
  return new DeskForm(
    {
      id: 'desk-visit',
      title: 'Buku tamu',
      submitLabel: 'Catat pengunjung',
      busyLabel: 'Mencatat pengunjung…',
      controls: [
        { key: 'name', label: 'Nama pengunjung', control: h('input', { type: 'text', id: 'f-visit-name', autocomplete: 'off', maxlength: 200 }), initial: '' },
        { key: 'institution', label: 'Instansi / asal', control: h('input', { type: 'text', id: 'f-visit-institution', autocomplete: 'off', maxlength: 300 }), initial: '', optional: true },
        {
          key: 'category',
          label: 'Kategori',
          control: h('select', { id: 'f-visit-category' }, ...VISIT_CATEGORIES.map((c) => h('option', { value: c.id }, c.label))),
          initial: DEFAULT_VISIT_CATEGORY,
        },
        { key: 'purpose', label: 'Keperluan', control: h('input', { type: 'text', id: 'f-visit-purpose', autocomplete: 'off', maxlength: 500 }), initial: '', optional: true },
      ],
      build: (v) => buildVisitInput({ name: v.name ?? '', institution: v.institution ?? '', category: v.category ?? '', purpose: v.purpose ?? '' }),
      send: (input, key) => call('recordVisit', input, key),
      summary: visitSummary,
    },
    recap,
  );
}

/** "Buku dibaca": one title per record, with how many copies were read. */
function readForm(recap: RecapPanel): DeskForm<DeskReadRequest> {
  return new DeskForm(
    {
      id: 'desk-read',
      title: 'Buku dibaca',
      submitLabel: 'Catat buku',
      busyLabel: 'Mencatat buku…',
      controls: [
        { key: 'title', label: 'Judul buku', control: h('input', { type: 'text', id: 'f-read-title', autocomplete: 'off', maxlength: 500 }), initial: '' },
        { key: 'callNumber', label: 'Nomor panggil', control: h('input', { type: 'text', id: 'f-read-call-number', autocomplete: 'off', maxlength: 100 }), initial: '', optional: true },
        {
          key: 'classification',
          label: 'Klasifikasi DDC',
          control: h('input', { type: 'text', id: 'f-read-classification', autocomplete: 'off', inputmode: 'decimal', maxlength: 20, placeholder: 'mis. 900' }),
          initial: '',
          optional: true,
          hint: '3 angka kelas DDC, misalnya 900 atau 899.221.',
        },
        { key: 'copies', label: 'Eksemplar', control: h('input', { type: 'number', id: 'f-read-copies', min: 1, max: 100, step: 1, inputmode: 'numeric' }), initial: '1' },
      ],
      build: (v) => buildReadInput({ title: v.title ?? '', callNumber: v.callNumber ?? '', classification: v.classification ?? '', copies: v.copies ?? '' }),
      send: (input, key) => call('recordRead', input, key),
      summary: readSummary,
    },
    recap,
  );
}
