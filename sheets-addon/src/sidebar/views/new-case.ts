// "Kasus baru": opens a case of one of the SOPs the user's roles may start.
import type { CaseState, SopDescription } from '../../../../functions/src/contract.ts';
import { h } from '../dom.ts';
import { field, FormFields, sendOnce } from '../fields.ts';
import { type FieldProblem, parseFailure } from '../logic/failures.ts';
import { buildCreateInput, type PartnerForm } from '../logic/form-input.ts';
import { canCreate, roleIds } from '../logic/roles.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, loadSops, setView, syncAfterChange } from '../shell.ts';
import { showCase } from './case.ts';

export async function showNewCase(flash?: Flash): Promise<void> {
  app.caseId = null;
  app.returnTo = 'tasks';
  enterView('new', 'new', flash, 'Memuat daftar SOP…');
  let sops: SopDescription[];
  try {
    sops = await busy('Memuat daftar SOP…', () => loadSops());
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showNewCase()));
    return;
  }
  const mine = roleIds(app.me!);
  const creatable = sops.filter((s) => canCreate(s, mine));
  if (!creatable.length) {
    setView(h('h2', null, 'Kasus baru'), h('p', { class: 'empty' }, 'Peran Anda tidak berwenang membuka kasus baru pada SOP mana pun. Kasus dibuka oleh peran langkah pertama SOP.'));
    return;
  }
  setView(h('h2', null, 'Kasus baru'), newCaseForm(creatable));
}

/** The SOP (preselected when there is only one), the partner and an optional title. */
function newCaseForm(creatable: SopDescription[]): HTMLElement {
  const fields = new FormFields();
  const sopSelect = h(
    'select',
    { id: 'f-sop' },
    ...(creatable.length > 1 ? [h('option', { value: '' }, '— pilih SOP —')] : []),
    ...creatable.map((s) => h('option', { value: s.id }, s.title)),
  );
  const startInfo = h('p', { class: 'hint', id: 'sop-start' });
  const describe = () => {
    const sop = creatable.find((s) => s.id === sopSelect.value);
    const step = sop?.steps.find((s) => s.no === sop.startStep);
    startInfo.textContent = sop && step ? `${sop.title}. Mulai di langkah ${step.no}: ${step.activity}` : '';
  };
  sopSelect.addEventListener('change', describe);
  describe();
  const name = h('input', { type: 'text', id: 'f-partner-name', autocomplete: 'organization' });
  const email = h('input', { type: 'email', id: 'f-partner-email', autocomplete: 'email' });
  const phone = h('input', { type: 'tel', id: 'f-partner-phone', autocomplete: 'tel' });
  const address = h('textarea', { id: 'f-partner-address', rows: 2 });
  const title = h('input', { type: 'text', id: 'f-title' });
  const form = h('form', { class: 'new-case', novalidate: true, 'aria-label': 'Kasus baru' });
  form.append(
    field(fields, 'sop', 'SOP', sopSelect),
    startInfo,
    h(
      'fieldset',
      null,
      h('legend', null, 'Mitra / pemohon'),
      field(fields, 'partner.name', 'Nama mitra/instansi', name),
      field(fields, 'partner.email', 'E-mail', email, { optional: true }),
      field(fields, 'partner.phone', 'Telepon', phone, { optional: true }),
      field(fields, 'partner.address', 'Alamat', address, { optional: true }),
    ),
    field(fields, 'title', 'Judul kasus', title, { optional: true, hint: 'Kosongkan untuk judul otomatis (SOP — nama mitra).' }),
    fields.banner,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Buat kasus')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submitNewCase(fields, sopSelect.value, title.value, { name: name.value, email: email.value, phone: phone.value, address: address.value });
  });
  return form;
}

async function submitNewCase(fields: FormFields, sop: string, title: string, partner: PartnerForm): Promise<void> {
  const local: FieldProblem[] = [];
  if (!sop) local.push({ path: 'sop', message: 'Pilih SOP.' });
  if (!partner.name.trim()) local.push({ path: 'partner.name', message: 'Nama mitra/instansi wajib diisi.' });
  if (local.length) {
    fields.show({ code: 'INVALID_INPUT', message: local.map((l) => l.message).join(' '), fields: local }, 'Belum dapat disimpan.');
    return;
  }
  const input = buildCreateInput(sop, title, partner);
  fields.clear();
  // A new case has nothing on screen to reload: even a stale-state refusal is only shown.
  const r = (await sendOnce(fields, 'Membuat kasus…', ['createCase', input], (key) => call('createCase', input, key), (err) => fields.message(err.message))) as { state?: Pick<CaseState, 'id' | 'nomor' | 'currentStep'> } | null;
  if (!r) return;
  if (!r.state) {
    fields.message('Jawaban server tidak dikenal.');
    return;
  }
  syncAfterChange(r.state.id);
  void showCase(r.state.id, { kind: 'ok', text: `Kasus ${r.state.nomor} dibuat.${r.state.currentStep ? ` Lanjutkan langkah ${r.state.currentStep} di bawah.` : ''}` });
}
