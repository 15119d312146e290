// The documents of a case: attached links and the letters the steps produce, with their state.
import type { CaseDocument } from '../../../../functions/src/contract.ts';
import { badge, h, link } from '../dom.ts';
import { documentStatus } from '../logic/statuses.ts';

export function documentsSection(docs: Record<string, CaseDocument>): HTMLElement {
  const list = Object.values(docs ?? {}).sort((a, b) => a.step - b.step || a.label.localeCompare(b.label));
  const sec = h('section', { class: 'section', id: 'documents', 'aria-labelledby': 'docs-title' }, h('h3', { id: 'docs-title' }, 'Dokumen'));
  if (!list.length) {
    sec.append(h('p', { class: 'muted' }, 'Belum ada dokumen.'));
    return sec;
  }
  sec.append(h('ul', { class: 'docs' }, ...list.map(documentItem)));
  return sec;
}

function documentItem(doc: CaseDocument): HTMLElement {
  return h(
    'li',
    { 'data-doc': doc.id },
    h('div', { class: 'doc-head' }, doc.url ? link(doc.url, doc.label) : h('span', null, doc.label), ' ', badge(documentStatus(doc).text, documentStatus(doc).kind)),
    doc.nomor ? h('div', { class: 'small' }, `Nomor: ${doc.nomor}`) : null,
    doc.pdfUrl ? h('div', { class: 'small' }, link(doc.pdfUrl, 'PDF')) : null,
    doc.emailedTo?.length ? h('div', { class: 'small muted' }, `Dikirim ke ${doc.emailedTo.join(', ')}`) : null,
    doc.status === 'failed' ? h('div', { class: 'small late-text' }, `Gagal dibuat: ${doc.error ?? 'sebab tidak diketahui'}`) : null,
    h('div', { class: 'small muted' }, `Langkah ${doc.step}`),
  );
}
