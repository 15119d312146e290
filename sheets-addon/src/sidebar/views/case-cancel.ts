// "Batalkan kasus": the cancellation form, folded under the case for the SOP's cancel roles.
import type { CaseDetail, SopDescription } from '../../../../functions/src/contract.ts';
import { h } from '../dom.ts';
import { field, FormFields, sendOnce } from '../fields.ts';
import { canCancel, roleIds } from '../logic/roles.ts';
import { call } from '../script-run.ts';
import { app, syncAfterChange } from '../shell.ts';
import { reloadCase, showCase } from './case.ts';

export function cancelSection(d: CaseDetail, sop: SopDescription | undefined): HTMLElement | null {
  if (d.case.status !== 'open' || !app.me || !canCancel(sop, roleIds(app.me))) return null;
  const fields = new FormFields();
  const reason = h('textarea', { id: 'f-cancel-reason', rows: 2 });
  const form = h('form', { class: 'cancel-form', novalidate: true, 'aria-label': 'Pembatalan kasus' });
  form.append(
    h('p', { class: 'small muted' }, 'Pembatalan menghentikan kasus ini; semua riwayat tetap tersimpan.'),
    field(fields, 'reason', 'Alasan pembatalan', reason),
    fields.banner,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-danger' }, 'Batalkan kasus')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submitCancel(d, fields, reason.value);
  });
  return h('details', { class: 'section cancel', id: 'cancel' }, h('summary', null, 'Batalkan kasus'), form);
}

async function submitCancel(d: CaseDetail, fields: FormFields, reasonRaw: string): Promise<void> {
  const reason = reasonRaw.trim();
  if (!reason) {
    fields.show({ code: 'INVALID_INPUT', message: 'Alasan pembatalan wajib diisi.', fields: [{ path: 'reason', message: 'Alasan pembatalan wajib diisi.' }] }, 'Belum dapat dibatalkan.');
    return;
  }
  const caseId = d.case.id;
  const done = await sendOnce(fields, 'Membatalkan kasus…', ['cancelCase', caseId, reason, d.case.version], (key) => call('cancelCase', caseId, reason, d.case.version, key), (err) => reloadCase(caseId, err));
  if (!done) return;
  syncAfterChange(caseId);
  void showCase(caseId, { kind: 'ok', text: `Kasus ${d.case.nomor} dibatalkan.` });
}
