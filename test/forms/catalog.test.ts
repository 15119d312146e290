// The partner forms against the SOP catalog: each loads and fits its SOP, every step a partner or
// another institution performs has a form or a stated reason why staff record it, and each entry
// point the agencies asked for opens its SOP. The checks themselves are shown to catch mistakes.
import { describe, expect, it } from 'vitest';
import { STAFF_RECORDED } from '../../functions/src/forms/catalog.ts';
import { partnerForms } from '../../functions/src/forms/index.ts';
import { checkForm, checkSurveyForm, loadForm, partnerFormSchema, type PartnerForm } from '../../functions/src/forms/schema.ts';
import { UNSUR } from '../../functions/src/standards/ikm.ts';
import { CATALOG, catalogById } from '../../functions/src/sop/catalog/index.ts';

describe('partner forms', () => {
  it('every form fits its SOP of the built-in catalog', () => {
    for (const form of partnerForms().filter((f) => f.sopId)) expect(checkForm(form, catalogById(form.sopId!)), form.id).toEqual([]);
  });

  it('every step performed by a partner or an institution has a form, or a reason staff record it', () => {
    for (const def of CATALOG) {
      for (const step of def.steps.filter((s) => s.performer !== 'staff')) {
        const form = partnerForms().find((f) => f.sopId === def.id && f.step === step.no);
        const staff = STAFF_RECORDED.find((x) => x.sopId === def.id && x.step === step.no);
        expect(form || staff, `${def.id} step ${step.no}`).toBeTruthy();
        if (staff) expect(staff.reason.length).toBeGreaterThan(40);
      }
    }
  });

  it('opens every SOP a partner starts: kunjungan, pusling, burt, pks, kitapun, and complaints (pengaduan)', () => {
    expect(partnerForms().filter((f) => f.mode === 'open').map((f) => f.sopId).sort()).toEqual(['burt', 'kitapun', 'kunjungan', 'pengaduan', 'pks', 'pusling']);
  });

  it('answers the Pusling confirmation (step 6 decision), the PKS draft and the visit guest book', () => {
    const pusling = partnerForms().find((f) => f.sopId === 'pusling' && f.mode === 'answer')!;
    expect(pusling.step).toBe(6);
    expect(pusling.questions.find((q) => q.to.includes('decision'))?.options?.map((o) => o.value).sort()).toEqual(['no', 'yes']);
    expect(partnerForms().find((f) => f.sopId === 'pks' && f.mode === 'respond')?.steps).toContain(7);
    expect(partnerForms().find((f) => f.sopId === 'kunjungan' && f.mode === 'answer')?.step).toBe(9);
  });

  it('every answer of an opening form that completes the partner\'s start step fills what that step requires', () => {
    for (const form of partnerForms().filter((f) => f.mode === 'open' && f.step !== undefined)) {
      const step = catalogById(form.sopId!).steps.find((s) => s.no === form.step)!;
      const targets = new Set(form.questions.filter((q) => q.required).flatMap((q) => q.to));
      for (const k of step.kelengkapan) {
        if (k.type === 'data' && !k.optional && !k.assign) expect(targets.has(`data.${k.id}`), `${form.id}: ${k.id}`).toBe(true);
        if (k.type === 'document' && k.source === 'input') expect(targets.has(`document.${k.id}`), `${form.id}: ${k.id}`).toBe(true);
      }
    }
  });

  it('all questions and descriptions are written for a partner, with an e-mail for the receipt', () => {
    for (const form of partnerForms()) {
      expect(form.description.length).toBeGreaterThan(30);
      if (form.mode === 'open') expect(form.questions.some((q) => q.to.includes('partner.email')), form.id).toBe(true);
    }
  });

  it('the IKM survey serves every SOP: the case code, the nine Permenpan-RB 14/2017 elements in the order of the index, each 1-4 with its own wording, and a suggestion', () => {
    const survey = partnerForms().filter((f) => f.mode === 'survey');
    expect(survey.map((f) => [f.id, f.sopId])).toEqual([['survei_ikm', undefined]]);
    const form = survey[0]!;
    expect(checkSurveyForm(form)).toEqual([]);
    // It fits any SOP alike: checked without one.
    for (const def of CATALOG) expect(checkForm(form, def)).toEqual([]);
    const elements = form.questions.filter((q) => q.to.some((t) => t.startsWith('unsur.')));
    expect(elements.map((q) => q.to)).toEqual(UNSUR.map((_, i) => [`unsur.${i + 1}`]));
    elements.forEach((q, i) => expect(q.title).toContain(UNSUR[i]));
    expect(elements[0]!.options!.map((o) => [o.value, o.label])).toEqual([['1', 'Tidak sesuai'], ['2', 'Kurang sesuai'], ['3', 'Sesuai'], ['4', 'Sangat sesuai']]);
    expect(elements[3]!.options!.map((o) => o.label)).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(form.questions.find((q) => q.to.includes('saran'))).toMatchObject({ kind: 'paragraph', required: false });
  });

  it('a survey form without an element, with a scale other than 1-4, with an SOP field, or with an SOP is refused', () => {
    const form = partnerForms().find((f) => f.mode === 'survey')!;
    expect(checkSurveyForm({ ...form, questions: form.questions.filter((q) => !q.to.includes('unsur.5')) }).join('\n')).toMatch(/unsur\.5 harus ditanyakan/);
    expect(checkSurveyForm({ ...form, questions: form.questions.map((q) => (q.to.includes('unsur.1') ? { ...q, options: q.options!.slice(0, 3) } : q)) }).join('\n')).toMatch(/bernilai 1, 2, 3, 4/);
    expect(checkSurveyForm({ ...form, questions: [...form.questions, { id: 'x', title: 'x', kind: 'short', required: false, to: ['data.nama'] }] }).join('\n')).toMatch(/hanya memuat/);
    expect(checkSurveyForm({ ...form, questions: form.questions.filter((q) => q.kind !== 'reference') }).join('\n')).toMatch(/kode kasus/);
    expect(partnerFormSchema.safeParse({ ...form, sopId: 'pusling' }).success).toBe(false);
    expect(partnerFormSchema.safeParse({ ...partnerForms().find((f) => f.id === 'pengaduan')!, sopId: undefined }).success).toBe(false);
    // An SOP form may not carry survey answers.
    const pengaduan = partnerForms().find((f) => f.id === 'pengaduan')!;
    expect(checkForm({ ...pengaduan, questions: [...pengaduan.questions, { id: 'u', title: 'u', kind: 'choice', required: true, options: [{ value: '1', label: 'a' }], to: ['unsur.1'] }] }, catalogById('pengaduan')).join('\n')).toMatch(/hanya pada formulir survei/);
  });

  const pusling = catalogById('pusling');
  const base = partnerForms().find((f) => f.id === 'pusling_konfirmasi')!;
  const pksForm = partnerForms().find((f) => f.id === 'pks_tanggapan')!;
  const rows: { name: string; form: PartnerForm; problem: RegExp; def?: ReturnType<typeof catalogById> }[] = [
    { name: 'a field of the wrong type', form: { ...base, questions: base.questions.map((q) => (q.id === 'jumlah' ? { ...q, kind: 'date' } : q)) }, problem: /tidak cocok untuk data.jumlah_pemustaka/ },
    { name: 'a field the system assigns', def: catalogById('pks'), form: { ...pksForm, questions: [...pksForm.questions, { id: 'x', title: 'x', kind: 'short', required: false, to: ['data.nomor_pks_dinas'] }] }, problem: /diisi otomatis/ },
    { name: 'a step that does not exist', form: { ...base, step: 99 }, problem: /langkah 99 tidak ada/ },
    { name: 'a staff step answered by a partner', form: { ...base, step: 2, questions: base.questions.filter((q) => !q.to.includes('decision')) }, problem: /dikerjakan pegawai/ },
    { name: 'no case reference', form: { ...base, questions: base.questions.filter((q) => q.kind !== 'reference') }, problem: /kode kasus/ },
    { name: 'a decision step without the decision', form: { ...base, questions: base.questions.filter((q) => !q.to.includes('decision')) }, problem: /keputusan/ },
    { name: 'two questions to one target', form: { ...base, questions: [...base.questions, { id: 'lagi', title: 'x', kind: 'short', required: false, to: ['data.lokasi_kunjungan'] }] }, problem: /sudah diisi/ },
    { name: 'a document that is not a link', form: { ...base, questions: [...base.questions, { id: 'd', title: 'x', kind: 'short', required: false, to: ['document.buku_besar_bercap'] }] }, problem: /tautan/ },
  ];
  for (const row of rows) {
    it(`refuses ${row.name}`, () => {
      expect(checkForm(row.form, row.def ?? pusling).join('\n')).toMatch(row.problem);
      expect(() => loadForm(row.form, row.def ?? pusling)).toThrow(row.problem);
    });
  }
});
