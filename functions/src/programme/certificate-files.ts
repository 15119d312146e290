// The mailing runner's `attachment` hook: a certificate's PDF, made when it is e-mailed. The
// template is the owner's certificate Doc (`certificateTemplateDocId` in the programme's set-up),
// exported as PDF by Drive files.export ONCE per instance and kept in memory (a read: no Docs
// write, no file created), or the built-in layout when the set-up names none or no Drive client is
// given (`npm start`). Every certificate is stamped onto it with pdf-lib (certificates.ts).
import type { drive_v3 } from '@googleapis/drive';
import { EffectError } from '../documents/types.ts';
import { toEffectError } from '../google/errors.ts';
import type { Programme, ProgrammeStore } from '../model/programme.ts';
import { createCertificateRenderer, defaultTemplatePdf, type CertificateRenderer } from './certificates.ts';

/** How long an account waits before trying a template that could not be exported again. */
const TEMPLATE_RETRY_MS = 60_000;

export function createCertificateAttachments(deps: { programmes: ProgrammeStore; drive: drive_v3.Drive | null; verifyUrl: (number: string) => string; timeoutMs?: number }) {
  const templates = new Map<string, Promise<Uint8Array>>();
  const renderers = new Map<string, { setup: string; renderer: Promise<CertificateRenderer> }>();

  /** The template PDF of a Doc, exported once; a failed export is forgotten so that a later message tries again. */
  function exported(docId: string): Promise<Uint8Array> {
    let t = templates.get(docId);
    if (!t) {
      t = exportPdf(docId);
      templates.set(docId, t);
      t.catch(() => templates.delete(docId));
    }
    return t;
  }

  async function exportPdf(docId: string): Promise<Uint8Array> {
    let res;
    try {
      res = await deps.drive!.files.export({ fileId: docId, mimeType: 'application/pdf' }, { responseType: 'arraybuffer', timeout: deps.timeoutMs ?? 30_000, retry: false });
    } catch (err) {
      const e = toEffectError(err, `Templat sertifikat (Google Docs ${docId}): Drive files.export`);
      // Retryable whatever the status: a template not (yet) shared with the functions' account is
      // fixed by sharing it, and the mailing should then go on, not have failed message by message.
      throw new EffectError(`${e.message}. Periksa bahwa Doc itu ada dan dibagikan (lihat) ke akun layanan fungsi.`, { retryable: true, status: null, retryAfterMs: TEMPLATE_RETRY_MS, cause: err });
    }
    const data = res.data as unknown;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    throw new EffectError(`Templat sertifikat (Google Docs ${docId}): isi PDF dari Drive files.export tidak terbaca.`, { retryable: true, retryAfterMs: TEMPLATE_RETRY_MS });
  }

  function rendererFor(p: Programme): Promise<CertificateRenderer> {
    // The set-up the stamp reads: a changed signer or template makes a new renderer.
    const setup = JSON.stringify([p.name, p.organiser, p.signer, p.certificateTemplateDocId ?? null, deps.drive ? 'drive' : 'local']);
    const cached = renderers.get(p.id);
    if (cached?.setup === setup) return cached.renderer;
    const renderer = (async () => {
      const template = p.certificateTemplateDocId && deps.drive ? await exported(p.certificateTemplateDocId) : await defaultTemplatePdf(p);
      try {
        return await createCertificateRenderer({ template, programme: p, verifyUrl: deps.verifyUrl });
      } catch (err) {
        throw new EffectError(`Templat sertifikat (Google Docs ${p.certificateTemplateDocId}) bukan PDF yang terbaca: ${err instanceof Error ? err.message : String(err)}`, { retryable: true, retryAfterMs: TEMPLATE_RETRY_MS });
      }
    })();
    renderers.set(p.id, { setup, renderer });
    renderer.catch(() => {
      if (renderers.get(p.id)?.renderer === renderer) renderers.delete(p.id);
    });
    return renderer;
  }

  return async function attachment(programmeId: string, number: string): Promise<{ filename: string; content: Buffer }> {
    const [p, cert] = await Promise.all([deps.programmes.programme(programmeId), deps.programmes.certificate(number)]);
    if (!p) throw new EffectError(`Program ${programmeId} tidak ditemukan.`, { retryable: false });
    if (!cert || cert.programmeId !== programmeId) throw new EffectError(`Sertifikat ${number} tidak ada dalam register program ${programmeId}.`, { retryable: false });
    if (cert.revoked) throw new EffectError(`Sertifikat ${number} telah dicabut; tidak dikirim.`, { retryable: false });
    const { bytes } = await (await rendererFor(p)).render(cert);
    return { filename: `Sertifikat ${number}.pdf`, content: Buffer.from(bytes) };
  };
}
