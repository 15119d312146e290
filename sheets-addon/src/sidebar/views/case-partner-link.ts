// "Tautan formulir mitra": when the current step is answered by the partner through a form, staff
// can make its prefilled link (the case's code filled in, working once) and copy it into WhatsApp
// or a text message, for partners who do not use e-mail.
import type { CaseDetail, PartnerLinkResponse } from '../../../../functions/src/contract.ts';
import { h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { call } from '../script-run.ts';
import { busy } from '../shell.ts';

export function partnerLinkSection(d: CaseDetail): HTMLElement | null {
  if (!d.partnerForm) return null;
  const out = h('div', { id: 'partner-link-out', 'aria-live': 'polite' });
  const make = h('button', { type: 'button', class: 'btn', id: 'partner-link-make' }, 'Buat tautan untuk mitra');
  make.addEventListener('click', () => void load(d.case.id, out));
  return h(
    'section',
    { class: 'section', id: 'partner-link', 'aria-labelledby': 'partner-link-title' },
    h('h3', { id: 'partner-link-title' }, 'Tautan formulir mitra'),
    h('p', { class: 'small' }, `Langkah ini dijawab mitra melalui formulir "${d.partnerForm.title}". Mitra dengan e-mail menerima tautannya otomatis; untuk mitra tanpa e-mail (misalnya lewat WhatsApp), buat tautannya lalu salin.`),
    make,
    out,
  );
}

async function load(caseId: string, out: HTMLElement): Promise<void> {
  let link: PartnerLinkResponse;
  try {
    link = await busy('Membuat tautan…', () => call('partnerLink', caseId));
  } catch (e) {
    out.replaceChildren(h('p', { class: 'field-error' }, parseFailure(e).message));
    return;
  }
  const input = h('input', { type: 'text', id: 'partner-link-url', readonly: true, value: link.url, 'aria-label': 'Tautan formulir mitra' });
  const done = h('p', { class: 'done-line', role: 'status' });
  const copy = h('button', { type: 'button', class: 'btn btn-primary', id: 'partner-link-copy' }, 'Salin tautan');
  copy.addEventListener('click', () => void copyLink(input, done));
  out.replaceChildren(
    h('div', { class: 'copy-row' }, input, copy),
    done,
    h('p', { class: 'hint' }, `Untuk mitra: ${link.instruction}`),
    h('p', { class: 'hint' }, `Berlaku sekali untuk langkah ${link.step}, sampai ${link.expiresLocal}, selama kasus belum berubah.`),
  );
  input.select();
}

/** The clipboard API where the sidebar's frame allows it; otherwise the browser's copy of the selection. */
async function copyLink(input: HTMLInputElement, done: HTMLElement): Promise<void> {
  input.focus();
  input.select();
  let ok = false;
  try {
    await navigator.clipboard.writeText(input.value);
    ok = true;
  } catch {
    ok = document.execCommand('copy');
  }
  done.className = ok ? 'done-line' : 'hint';
  done.textContent = ok ? 'Tautan disalin. Tempel di pesan untuk mitra.' : 'Tautan sudah dipilih: tekan Ctrl+C (atau ⌘C) untuk menyalin.';
}
