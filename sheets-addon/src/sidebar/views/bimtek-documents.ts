// "Dokumen" in a Bimtek event's view: the documents the user's agency issues for the event (the
// owner the trainers' surat tugas, the host the invitation, a session's daftar hadir and the
// laporan pelaksanaan), each requested once per click with an idempotency key, then followed
// until the worker has made it (links to the Doc and the PDF) or says why it failed. The agency's
// earlier requests for the event are listed under the buttons and followed the same way.
import type * as Api from '../../../../functions/src/contract.ts';
import { badge, h, link } from '../dom.ts';
import { field, FormFields } from '../fields.ts';
import { FIELD_CODES, parseFailure } from '../logic/failures.ts';
import { KeyKeeper } from '../logic/idempotency.ts';
import { formatInstant, parseIdDate, parseIdTime } from '../logic/time.ts';
import { call } from '../script-run.ts';
import { app, busy, showBanner, tz } from '../shell.ts';

/** First wait before a pending document is read again; it grows up to DOCUMENT_POLL_MAX_MS (each read is one UrlFetch). */
export const DOCUMENT_POLL_MS = 3_000;
const DOCUMENT_POLL_MAX_MS = 15_000;

const documentKeys = new KeyKeeper();

const KIND_LABEL: Record<Api.ProgrammeDocumentKind, string> = {
  surat_tugas_pelatih: 'Surat tugas pelatih',
  undangan: 'Undangan',
  daftar_hadir: 'Daftar hadir',
  laporan_pelaksanaan: 'Laporan pelaksanaan',
};

type RequestRow = Api.ProgrammeDocumentListResponse['requests'][number];

/**
 * Which documents the agency may issue for an event, from the programme summary: the owner makes
 * the trainers' surat tugas; the agency hosting the event's province makes the rest (the summary
 * names each event's province and each province's host).
 */
export function issuableKinds(s: Api.ProgrammeSummary, eventId: string, agencyId: string | undefined): Api.ProgrammeDocumentKind[] {
  const province = s.events.find((e) => e.id === eventId)?.province;
  const host = !!agencyId && s.programme.provinces?.some((p) => p.code === province && p.hostAgencyId === agencyId);
  return [...(s.programme.owner ? (['surat_tugas_pelatih'] as const) : []), ...(host ? (['undangan', 'daftar_hadir', 'laporan_pelaksanaan'] as const) : [])];
}

export interface DocumentsSectionOptions {
  programmeId: string;
  eventId: string;
  summary: Api.ProgrammeSummary;
  /** The session chosen in the event view's session picker. */
  session: () => number;
  /** The session picker, whose changes rename the daftar hadir button. */
  sessionPicker: HTMLSelectElement;
  /** False once the user has left the event view: no more reads. */
  alive: () => boolean;
}

export function documentsSection(o: DocumentsSectionOptions): HTMLElement {
  const kinds = issuableKinds(o.summary, o.eventId, app.me?.agency.id);
  const list = h('ul', { class: 'cards doc-requests', id: 'document-list', 'aria-live': 'polite' });
  const listNote = h('p', { class: 'muted small', id: 'document-list-note' }, 'Memuat dokumen…');
  const requests: RequestRow[] = [];
  const docs = new Map<string, Api.ReportDocumentResponse>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let wait = DOCUMENT_POLL_MS;

  function drawList(): void {
    list.replaceChildren(...requests.map((r) => h('li', { 'data-request': r.request }, requestCard(r))));
    listNote.hidden = requests.length > 0;
    listNote.textContent = 'Belum ada dokumen yang dibuat instansi Anda untuk kegiatan ini.';
  }

  function requestCard(r: RequestRow): HTMLElement {
    const what = r.kind === 'daftar_hadir' && r.session ? `${KIND_LABEL[r.kind]} sesi ${r.session}` : KIND_LABEL[r.kind];
    return h(
      'div',
      { class: 'card doc-request' },
      h('span', { class: 'card-top' }, h('strong', null, what), h('span', { class: 'small muted' }, formatInstant(r.createdAt, tz()))),
      h('ul', { class: 'plain doc-entries' }, ...r.documents.map((d) => h('li', { 'data-entry': d.entry, 'data-status': (docs.get(d.entry) ?? d).status }, entryLine(docs.get(d.entry) ?? d)))),
    );
  }

  function entryLine(d: Api.ReportDocumentResponse): HTMLElement {
    const title = h('span', { class: 'doc-title small' }, d.title);
    if (d.status === 'pending') return h('div', { class: 'doc-entry' }, title, h('span', { class: 'small muted block' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' sedang dibuat…'));
    if (d.status === 'failed') return h('div', { class: 'doc-entry' }, title, h('p', { class: 'small field-error doc-error' }, `Gagal dibuat: ${d.error ?? 'tanpa keterangan'}`));
    return h(
      'div',
      { class: 'doc-entry' },
      title,
      h('span', { class: 'doc-links small block' }, d.url ? link(d.url, 'Buka dokumen') : null, d.url && d.pdfUrl ? ' · ' : null, d.pdfUrl ? link(d.pdfUrl, 'PDF') : null, !d.url && !d.pdfUrl ? badge('Siap', 'ok') : null),
    );
  }

  const pending = () => requests.flatMap((r) => r.documents).filter((d) => (docs.get(d.entry) ?? d).status === 'pending');

  /** Reads the pending documents again, less often the longer they take, until none is pending or the view is gone. */
  function schedule(): void {
    if (timer || !pending().length || !o.alive()) return;
    timer = setTimeout(() => void poll(), wait);
    wait = Math.min(DOCUMENT_POLL_MAX_MS, Math.round(wait * 1.5));
  }

  async function poll(): Promise<void> {
    timer = null;
    if (!o.alive()) return;
    for (const d of pending()) {
      try {
        const fresh = await call('programmeDocumentStatus', o.programmeId, d.entry);
        if (!o.alive()) return;
        docs.set(d.entry, fresh);
      } catch {
        // A failed read is tried again at the next turn; the line keeps saying "sedang dibuat".
      }
    }
    drawList();
    schedule();
  }

  function track(r: RequestRow): void {
    const at = requests.findIndex((x) => x.request === r.request);
    if (at >= 0) requests.splice(at, 1);
    requests.unshift(r);
    for (const d of r.documents) docs.set(d.entry, d);
    wait = DOCUMENT_POLL_MS;
    drawList();
    schedule();
  }

  async function make(kind: Api.ProgrammeDocumentKind, input: Api.ProgrammeDocumentRequest, fields: FormFields): Promise<void> {
    fields.clear();
    try {
      const r = await busy(`Membuat ${KIND_LABEL[kind].toLowerCase()}…`, () => call('requestProgrammeDocuments', o.programmeId, input, documentKeys.keyFor(JSON.stringify(input))));
      documentKeys.settle(null);
      if (!o.alive()) return;
      track({ request: r.request, kind: r.kind, event: r.event, documents: r.documents, session: input.kind === 'daftar_hadir' ? input.session : null, trainer: null, requestedBy: app.me?.email ?? '', createdAt: new Date().toISOString() });
      const n = r.documents.length;
      showBanner({ kind: 'ok', text: r.replayed ? `${KIND_LABEL[kind]} ini sudah diminta sebelumnya.` : `${KIND_LABEL[kind]} sedang dibuat${n > 1 ? ` (${n} dokumen)` : ''}. Tautannya muncul di bawah setelah siap.` });
    } catch (e) {
      const err = parseFailure(e);
      documentKeys.settle(err);
      if (FIELD_CODES.has(err.code) && (err.fields?.length || err.path)) fields.show(err, 'Dokumen belum dapat dibuat.');
      else showBanner({ kind: 'error', text: err.message });
    }
  }

  const blocks: HTMLElement[] = [];
  for (const kind of kinds) {
    const fields = new FormFields();
    if (kind === 'surat_tugas_pelatih') {
      blocks.push(
        h(
          'div',
          { class: 'doc-kind', 'data-kind': kind },
          h('h4', null, KIND_LABEL[kind]),
          h('p', { class: 'hint' }, 'Satu surat per pelatih yang ditugaskan pada kegiatan ini, ditandatangani penandatangan program.'),
          fields.banner,
          h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn', id: 'doc-surat-tugas', onclick: () => void make(kind, { kind, event: o.eventId }, fields) }, 'Buat surat tugas pelatih')),
        ),
      );
    } else if (kind === 'undangan') {
      const pukul = h('input', { type: 'text', id: 'doc-pukul', inputmode: 'numeric', autocomplete: 'off', placeholder: 'jj.mm', class: 'short' });
      const go = () => {
        const typed = pukul.value.trim();
        const t = typed ? parseIdTime(typed) : null;
        if (typed && !t) return fields.invalid('pukul', 'Pukul tidak terbaca: tulis jam 24 jam, misalnya 08.00.');
        void make(kind, { kind, event: o.eventId, ...(t ? { pukul: t.replace(':', '.') } : {}) }, fields);
      };
      blocks.push(
        h(
          'div',
          { class: 'doc-kind', 'data-kind': kind },
          h('h4', null, KIND_LABEL[kind]),
          h('p', { class: 'hint' }, 'Surat undangan dari instansi Anda, ditandatangani kepala dinas; lampirannya memuat semua peserta terdaftar.'),
          field(fields, 'pukul', 'Pukul', pukul, { optional: true, hint: 'Jam mulai, misalnya 08.00 (waktu setempat).' }),
          fields.banner,
          h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn', id: 'doc-undangan', onclick: go }, 'Buat surat undangan')),
        ),
      );
    } else if (kind === 'daftar_hadir') {
      const tanggal = h('input', { type: 'text', id: 'doc-tanggal', inputmode: 'numeric', autocomplete: 'off', placeholder: 'hh/bb/tttt', class: 'short' });
      const button = h('button', { type: 'button', class: 'btn', id: 'doc-daftar-hadir' });
      const label = () => {
        button.textContent = `Buat daftar hadir sesi ${o.session()}`;
      };
      label();
      o.sessionPicker.addEventListener('change', label);
      button.addEventListener('click', () => {
        const typed = tanggal.value.trim();
        const d = typed ? parseIdDate(typed) : null;
        if (typed && !d) return fields.invalid('tanggal', 'Tanggal tidak terbaca: tulis tanggal/bulan/tahun, misalnya 19/05/2026.');
        void make(kind, { kind, event: o.eventId, session: o.session(), ...(d ? { tanggal: d } : {}) }, fields);
      });
      blocks.push(
        h(
          'div',
          { class: 'doc-kind', 'data-kind': kind },
          h('h4', null, KIND_LABEL[kind]),
          h('p', { class: 'hint' }, 'Untuk sesi yang dipilih di atas: satu baris per peserta terdaftar dengan kode presensinya dan tempat tanda tangan.'),
          field(fields, 'tanggal', 'Tanggal', tanggal, { optional: true, hint: 'Kosongkan untuk diisi tangan. Tanggal/bulan/tahun, misalnya 19/05/2026.' }),
          fields.banner,
          h('div', { class: 'toolbar' }, button),
        ),
      );
    } else {
      const kendala = h('textarea', { id: 'doc-kendala', rows: 3, maxlength: 3000 });
      const rekomendasi = h('textarea', { id: 'doc-rekomendasi', rows: 3, maxlength: 3000 });
      const go = () => void make(kind, { kind, event: o.eventId, ...(kendala.value.trim() ? { kendala: kendala.value.trim() } : {}), ...(rekomendasi.value.trim() ? { rekomendasi: rekomendasi.value.trim() } : {}) }, fields);
      blocks.push(
        h(
          'div',
          { class: 'doc-kind', 'data-kind': kind },
          h('h4', null, KIND_LABEL[kind]),
          h('p', { class: 'hint' }, 'Angka kegiatan (peserta, kehadiran per sesi, kelulusan, sertifikat) diisi otomatis.'),
          field(fields, 'kendala', 'Kendala', kendala, { optional: true }),
          field(fields, 'rekomendasi', 'Rekomendasi', rekomendasi, { optional: true }),
          fields.banner,
          h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn', id: 'doc-laporan', onclick: go }, 'Buat laporan pelaksanaan')),
        ),
      );
    }
  }

  void call('listProgrammeDocuments', o.programmeId, o.eventId).then(
    (r) => {
      if (!o.alive()) return;
      // A request made before the list arrived stays first.
      const made = new Set(requests.map((x) => x.request));
      requests.push(...(r.requests ?? []).filter((x) => !made.has(x.request)));
      for (const x of r.requests ?? []) for (const d of x.documents) if (!docs.has(d.entry)) docs.set(d.entry, d);
      drawList();
      schedule();
    },
    (e) => {
      listNote.textContent = `Daftar dokumen tidak dapat dimuat: ${parseFailure(e).message}`;
    },
  );

  return h(
    'div',
    { class: 'section', id: 'event-documents' },
    h('h3', { class: 'sub' }, 'Dokumen'),
    kinds.length ? null : h('p', { class: 'hint' }, 'Dokumen kegiatan ini diterbitkan oleh instansi penyelenggaranya.'),
    ...blocks,
    h('h4', null, 'Dokumen yang sudah diminta'),
    listNote,
    list,
  );
}
