// Routes of the service standards (issue 13) under /v1/agencies/{agency}: kept apart from
// routes.ts so the case and list routes can change without touching them.
import { z } from 'zod';
import type * as Api from '../contract.ts';
import type { StandardsService } from '../standards/service.ts';
import type { Route } from './api.ts';
import { route } from './routes.ts';
import { idempotency, parse } from './requests.ts';
import { line, paragraph } from '../sop/engine.ts';

export const digestBody = z.strictObject({ on: z.boolean() });

const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'harus tanggal YYYY-MM-DD');
export const reportQuery = z.strictObject({ from: localDate, to: localDate });
export const reportDocumentBody = z.strictObject({ from: localDate, to: localDate });
export const surveyBody = z.strictObject({
  sop: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'harus berupa id SOP'),
  answers: z.array(z.number().int().min(1, 'nilai 1 sampai 4').max(4, 'nilai 1 sampai 4')).length(9, 'harus sembilan jawaban, satu per unsur'),
  caseNomor: line(100).optional(),
  saran: paragraph(5000).optional(),
});
export const ikmQuery = z.strictObject({ from: localDate, to: localDate, sop: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'harus berupa id SOP').optional() });
export const documentQuery = z.strictObject({ entry: z.string().regex(/^laporan-[a-z][a-z0-9_]{0,63}-[0-9a-f]{24}$/, 'harus pengenal dokumen laporan') });

export function standardsRoutesOf(standards: StandardsService): Route[] {
  return [
    route<Api.DigestSettingResponse>('GET', '/me/digest', async ({ caller }) => ({ body: await standards.digestSetting(await caller()) })),
    route<Api.DigestSettingResponse>('POST', '/me/digest', async ({ req, body, caller }) => {
      const b = parse(digestBody, body, 'Pengaturan ringkasan pagi');
      idempotency(req, b, 'digest');
      return { body: await standards.setDigest(await caller(), b.on) };
    }),
    route<Api.SopReport>('GET', '/reports/sop/:sop', async ({ query, caller, params }) => {
      const q = parse(reportQuery, query, 'Parameter laporan');
      return { body: await standards.sopReport(await caller(), params[1]!, q.from, q.to) };
    }),
    route<Api.ReportDocumentResponse & { replayed: boolean }>('POST', '/reports/sop/:sop/document', async ({ req, body, caller, params }) => {
      const b = parse(reportDocumentBody, body, 'Dokumen laporan');
      const idem = idempotency(req, b, `report-document:${params[1]}`);
      const r = await standards.reportDocument(await caller(), params[1]!, b.from, b.to, idem);
      return { status: r.replayed ? 200 : 202, body: r };
    }),
    route<Api.TaskSummary>('GET', '/tasks/summary', async ({ caller }) => ({ body: await standards.taskSummary(await caller()) })),
    route<Api.SurveyResponse>('POST', '/surveys', async ({ req, body, caller }) => {
      const b = parse(surveyBody, body, 'Kuesioner IKM');
      const r = await standards.recordSurvey(await caller(), b, idempotency(req, b, 'survey'));
      return { status: r.replayed ? 200 : 201, body: r };
    }),
    route<Api.IkmResult>('GET', '/reports/ikm', async ({ query, caller }) => {
      const q = parse(ikmQuery, query, 'Parameter IKM');
      return { body: await standards.ikm(await caller(), q.from, q.to, q.sop) };
    }),
    route<Api.ReportDocumentResponse>('GET', '/reports/documents', async ({ query, caller }) => {
      const q = parse(documentQuery, query, 'Parameter dokumen laporan');
      return { body: await standards.documentStatus(await caller(), q.entry) };
    }),
  ];
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type StandardsRequestChecks = [Check<Same<z.input<typeof digestBody>, Api.DigestSettingRequest>>, Check<Same<z.input<typeof reportQuery>, Api.SopReportQuery>>, Check<Same<z.input<typeof reportDocumentBody>, Api.ReportDocumentRequest>>, Check<Same<z.input<typeof surveyBody>, Api.SurveyRequest>>, Check<Same<z.input<typeof ikmQuery>, Api.IkmQuery>>];
