// The sidebar's pure logic of "Kiriman mitra": badges, the sender, the API's answer read
// defensively, the intake's problems by question, and the corrections sent when staff turn a
// submission into a case.
import { describe, expect, it } from 'vitest';
import type { SubmissionView } from '../../functions/src/contract.ts';
import { answerText, contactDetails, correctedAnswers, multiline, otherProblems, problemsByQuestion, submissionBadge, submissionRows } from '../../sheets-addon/src/sidebar/logic/submissions.ts';
import { fieldKey, RELOAD_CODES } from '../../sheets-addon/src/sidebar/logic/failures.ts';

const view = (x: Partial<SubmissionView> = {}): SubmissionView => ({
  id: 'pusling_permintaan-r1',
  status: 'rejected',
  formId: 'pusling_permintaan',
  formTitle: 'Permintaan Layanan Perpustakaan Keliling',
  formMode: 'open',
  sopId: 'pusling',
  receivedAt: '2026-11-30T01:00:00.000Z',
  receivedLocal: 'Senin, 30 November 2026 09.00 WITA',
  contact: { name: 'SDN 1', email: null, phone: '0812 3456 7890' },
  reason: 'Jawaban formulir tidak lengkap atau tidak valid.',
  problems: [
    { path: 'email', message: 'Alamat e-mail: bukan alamat e-mail yang valid.' },
    { path: 'email', message: 'Alamat e-mail: hanya satu jawaban.' },
    { path: 'kode_kasus', message: 'Kode kasus tidak sah.' },
  ],
  answers: [
    { id: 'email', title: 'Alamat e-mail', kind: 'email', required: true, values: ['bukan email'] },
    { id: 'catatan', title: 'Catatan', kind: 'paragraph', required: false, values: ['baris 1', 'baris 2'] },
    { id: 'jumlah', title: 'Jumlah', kind: 'integer', required: false, values: [] },
  ],
  caseId: null,
  caseNomor: null,
  handledBy: null,
  handledByName: null,
  handledAt: null,
  handledLocal: null,
  canOpenCase: true,
  ...x,
});

describe('Kiriman mitra logic', () => {
  it('badges: rejected, held, accepted, and handled ones read as done', () => {
    expect(submissionBadge(view())).toEqual({ text: 'Ditolak', kind: 'late' });
    expect(submissionBadge(view({ status: 'held' }))).toEqual({ text: 'Ditahan', kind: 'warn' });
    expect(submissionBadge(view({ status: 'accepted' }))).toEqual({ text: 'Diterima', kind: 'ok' });
    expect(submissionBadge(view({ handledBy: 'kasi@x.id' }))).toEqual({ text: 'Sudah dijadikan kasus', kind: 'info' });
  });

  it('how to reach the sender, in one line', () => {
    expect(contactDetails(view().contact)).toBe('0812 3456 7890');
    expect(contactDetails({ name: 'A', email: 'a@b.id', phone: ' ' })).toBe('a@b.id');
    expect(contactDetails(undefined)).toBe('');
  });

  it('reads the list defensively', () => {
    expect(submissionRows(null)).toEqual({ rows: [], more: false, limit: 0 });
    const r = submissionRows({ submissions: [view(), { id: 1 }, null, { ...view({ id: 'b' }), answers: 'x', problems: undefined }], more: true, limit: 2 });
    expect(r.rows.map((s) => s.id)).toEqual(['pusling_permintaan-r1', 'b']);
    expect(r.rows[1]).toMatchObject({ answers: [], problems: [] });
    expect(r).toMatchObject({ more: true, limit: 2 });
  });

  it('problems by question, and those that name none', () => {
    expect(problemsByQuestion(view()).get('email')).toHaveLength(2);
    expect(otherProblems(view())).toEqual(['Kode kasus tidak sah.']);
  });

  it('sends only what staff changed: new text as one answer, an emptied one as none', () => {
    const s = view();
    expect(answerText(s.answers[1]!)).toBe('baris 1\nbaris 2');
    expect(multiline('list')).toBe(true);
    expect(multiline('email')).toBe(false);
    expect(correctedAnswers(s.answers, { email: 'bukan email', catatan: 'baris 1\nbaris 2', jumlah: '' })).toEqual({});
    expect(correctedAnswers(s.answers, { email: ' benar@x.id ', catatan: '', jumlah: '12' })).toEqual({ email: [' benar@x.id '], catatan: [], jumlah: ['12'] });
  });

  it('answers.<question> names a field as is; a handled submission reloads the view', () => {
    expect(fieldKey('answers.email')).toBe('answers.email');
    expect(RELOAD_CODES.has('SUBMISSION_HANDLED')).toBe(true);
  });
});
