// Request bodies and queries as zod schemas, checked at the boundary before anything reaches a
// service: a wrong type, an unknown field (nothing is dropped silently) or a missing
// Idempotency-Key is an INVALID_INPUT naming every field, in Bahasa Indonesia.
import type { Request } from '@google-cloud/functions-framework';
import { z } from 'zod';
import type * as Api from '../contract.ts';
import { requestHash } from '../model/records.ts';
import type { Idempotency } from '../model/store.ts';
import { line, paragraph, stepInputSchema } from '../sop/engine.ts';
import { SUBMISSION_LIST } from '../forms/review.ts';
import { ID } from './boundary.ts';
import { PAGE_TOKEN_MAX } from './page-token.ts';
import { queryWords, SEARCH_LIMITS } from '../model/search.ts';
import { DomainFailure, domainError, type FieldProblem } from '../sop/errors.ts';

// Validation messages users read are in Bahasa Indonesia.
z.config(z.locales.id());

const partnerSchema = z.strictObject({
  name: line(300).min(1),
  email: z.email().max(254).optional(),
  phone: line(50).optional(),
  address: paragraph(500).optional(),
});

export const createCaseBody = z.strictObject({
  sop: z.string().regex(ID.sop, 'harus berupa id SOP: huruf kecil, angka atau "_", diawali huruf, paling banyak 64 karakter'),
  title: line(300).optional(),
  partner: partnerSchema.optional(),
});

export const stepBody = stepInputSchema.extend({
  type: z.enum(['complete', 'decide']),
  step: z.number().int().positive(),
  decision: z.enum(['yes', 'no']).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

export const cancelBody = z.strictObject({
  reason: paragraph(2000).min(1),
  expectedVersion: z.number().int().positive().optional(),
});

export const visitBody = z.strictObject({
  name: line(200).min(1),
  institution: line(300).optional(),
  category: z.enum(['pelajar', 'mahasiswa', 'umum', 'instansi']).default('umum'),
  purpose: line(500).optional(),
});

export const readBody = z.strictObject({
  title: line(500).min(1),
  callNumber: line(100).optional(),
  /** DDC class, e.g. "000", "300": what the monthly report groups by. */
  classification: z.string().trim().regex(/^\d{3}(\.\d+)?$/).optional(),
  copies: z.number().int().min(1).max(100).default(1),
});

export const recapQuery = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

/** Page sizes of the lists (README "Lists and limits"): what a page holds when the query names none, and at most. */
export const LIST_LIMITS = {
  cases: { defaultLimit: 100, maxLimit: 1000 },
  tasks: { defaultLimit: 50, maxLimit: 200 },
  submissions: SUBMISSION_LIST,
} as const;

const limitParam = (max: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,3}$/, `harus bilangan bulat 1–${max}`)
    .refine((v) => Number(v) <= max, `paling banyak ${max}`)
    .optional();
const pageTokenParam = z.string().max(PAGE_TOKEN_MAX, 'bukan token halaman dari daftar ini').optional();

export const submissionsQuery = z.strictObject({
  status: z.enum(['accepted', 'rejected', 'held']).optional(),
  limit: limitParam(SUBMISSION_LIST.maxLimit),
  pageToken: pageTokenParam,
});

export const casesQuery = z.strictObject({
  q: z
    .string()
    .max(SEARCH_LIMITS.queryChars, `paling panjang ${SEARCH_LIMITS.queryChars} karakter`)
    .regex(/^[^\r\n]*$/, 'harus satu baris')
    .refine((v) => queryWords(v).length <= SEARCH_LIMITS.queryWords, `paling banyak ${SEARCH_LIMITS.queryWords} kata`)
    .optional(),
  order: z.enum(['newest', 'nomor']).optional(),
  status: z.enum(['open', 'closed', 'cancelled']).optional(),
  limit: limitParam(LIST_LIMITS.cases.maxLimit),
  pageToken: pageTokenParam,
});

export const tasksQuery = z.strictObject({
  limit: limitParam(LIST_LIMITS.tasks.maxLimit),
  pageToken: pageTokenParam,
});

/** Corrected answers by question id: as many lines as a form answer may hold (the form's own checks follow). */
export const submissionCaseBody = z.strictObject({
  answers: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'harus id pertanyaan'), z.array(z.string().max(20_000)).max(20)).optional(),
});

const idemKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,200}$/);

function fieldsOf(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: [prefix, ...i.path.map(String), k].filter(Boolean).join('.'), message: `Isian "${k}" tidak dikenal.` }));
    }
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)';
    return [{ path, message: i.message }];
  });
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const fields = fieldsOf(r.error);
    throw new DomainFailure(domainError('INVALID_INPUT', `${what} tidak valid: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields));
  }
  return r.data;
}

/** The request's Idempotency-Key with a fingerprint of what it asks (`route` and the parsed body). */
export function idempotency(req: Request, body: unknown, route: string): Idempotency {
  const key = req.get('Idempotency-Key');
  if (!idemKeySchema.safeParse(key).success) {
    const message = 'Header Idempotency-Key wajib diisi (8–200 karakter huruf, angka, "-", "_", ".", ":"), satu kunci baru untuk setiap tindakan.';
    throw new DomainFailure(domainError('INVALID_INPUT', message, [{ path: 'Idempotency-Key', message }]));
  }
  return { key: key!, requestHash: requestHash([route, body]) };
}

// The schemas accept exactly the contract's request bodies; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type RequestChecks = [
  Check<Same<z.input<typeof createCaseBody>, Api.CreateCaseRequest>>,
  Check<Same<z.input<typeof stepBody>, Api.StepActionRequest>>,
  Check<Same<z.input<typeof cancelBody>, Api.CancelRequest>>,
  Check<Same<z.input<typeof visitBody>, Api.DeskVisitRequest>>,
  Check<Same<z.input<typeof readBody>, Api.DeskReadRequest>>,
  Check<Same<z.input<typeof submissionsQuery>, Api.SubmissionListQuery>>,
  Check<Same<z.input<typeof casesQuery>, Api.CaseListQuery>>,
  Check<Same<z.input<typeof tasksQuery>, Api.TaskListQuery>>,
  Check<Same<z.input<typeof submissionCaseBody>, Api.SubmissionCaseRequest>>,
];
