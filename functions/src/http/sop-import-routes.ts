// The SOP import routes: preview (the importer's draft, writes nothing) and publish (a reviewed
// definition as the SOP's next version). Bodies checked here, at the boundary, before the importer
// or Firestore see them.
import { z } from 'zod';
import type * as Api from '../contract.ts';
import type { SopImportService } from '../sopadmin/service.ts';
import type { SopDefinition } from '../sop/schema.ts';
import type { Route } from './api.ts';
import { ID } from './boundary.ts';
import { idempotency, parse } from './requests.ts';
import { route } from './routes.ts';

/** Pasted tables are some 30,000 characters; the request body is capped at 256 KiB anyway. */
export const previewBody = z.strictObject({
  text: z.string().max(200_000, 'teks tabel paling banyak 200.000 karakter: tempel satu tabel SOP').optional(),
  rows: z.array(z.array(z.string().max(10_000, 'isi sel paling banyak 10.000 karakter')).max(60, 'paling banyak 60 kolom')).max(2_000, 'paling banyak 2.000 baris').optional(),
  docxBase64: z
    .string()
    .max(350_000, 'berkas .docx paling besar sekitar 250 KB melalui panel; berkas lebih besar impor dengan perintah admin import-sop')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'harus berupa isi berkas .docx dalam base64')
    .optional(),
  title: z.string().min(1).max(300, 'judul paling banyak 300 karakter').regex(/^[^\n\r]*$/, 'judul satu baris').optional(),
  sopId: z.string().regex(ID.sop, 'harus berupa id SOP: huruf kecil, angka atau "_", diawali huruf').optional(),
});

export const publishBody = z.strictObject({
  definition: z.custom<SopDefinition>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'definisi SOP wajib berupa objek'),
  dryRun: z.boolean().optional(),
});

export function sopImportRoutes(service: SopImportService): Route[] {
  return [
    route<Api.SopImportPreviewResponse>('POST', '/sop-imports/preview', async ({ body, caller }) => ({ body: await service.preview(await caller(), parse(previewBody, body, 'Impor SOP')) })),
    route<Api.SopImportPublishResponse>('POST', '/sop-imports/publish', async ({ req, body, caller, agency }) => {
      const b = parse(publishBody, body, 'Penerbitan SOP');
      const key = idempotency(req, b, `sop-publish:${agency.id}`);
      const r = await service.publish(await caller(), b, key.key);
      return { status: r.published ? 201 : 200, body: r };
    }),
  ];
}

// The schemas accept exactly the contract's request bodies; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type SopImportRequestChecks = [Check<Same<z.input<typeof previewBody>, Api.SopImportPreviewRequest>>, Check<Same<z.input<typeof publishBody>, Api.SopImportPublishRequest>>];
