// The Google Forms API as the partner forms use it, through the per-API client (@googleapis/forms)
// and Drive for the form's folder. Every call is made once (gaxios' own retries off: the callers
// know what is safe to repeat), failures come back classified (google/errors.ts), and every answer
// is parsed with zod before it is used.
import type { drive_v3 } from '@googleapis/drive';
import type { forms_v1 } from '@googleapis/forms';
import { z } from 'zod';
import { singleAttempt } from '../documents/google.ts';
import { EffectError } from '../documents/types.ts';
import { toEffectError } from '../google/errors.ts';
import { googleFormSchema, type GoogleForm } from './items.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/);

/** A response as forms.responses.list returns it (the list leaves out formId). */
export const formResponseSchema = z
  .object({
    responseId: id,
    createTime: z.iso.datetime({ offset: true }),
    lastSubmittedTime: z.iso.datetime({ offset: true }),
    respondentEmail: z.string().max(320).optional(),
    answers: z
      .record(
        z.string(),
        z.object({ textAnswers: z.object({ answers: z.array(z.object({ value: z.string().optional() }).loose()).optional() }).loose().optional() }).loose(),
      )
      .optional(),
  })
  .loose();
export type FormResponse = z.infer<typeof formResponseSchema>;

const responsePageSchema = z.object({ responses: z.array(formResponseSchema).optional(), nextPageToken: z.string().optional() }).loose();

export const watchSchema = z
  .object({
    id: z.string().min(1),
    eventType: z.string().optional(),
    target: z.object({ topic: z.object({ topicName: z.string().optional() }).loose().optional() }).loose().optional(),
    expireTime: z.iso.datetime({ offset: true }).optional(),
    state: z.string().optional(),
    errorType: z.string().optional(),
  })
  .loose();
export type Watch = z.infer<typeof watchSchema>;

export type GoogleForms = ReturnType<typeof createGoogleForms>;

export function createGoogleForms(opts: { forms: forms_v1.Forms; drive?: drive_v3.Drive; timeoutMs?: number }) {
  const { forms, drive } = opts;
  const call = singleAttempt(opts.timeoutMs ?? 30_000);

  /** Runs one API call, classifying its failure and parsing its answer. */
  async function run<S extends z.ZodType>(what: string, schema: S, f: () => Promise<{ data: unknown }>): Promise<z.infer<S>> {
    let data: unknown;
    try {
      data = (await f()).data;
    } catch (err) {
      throw toEffectError(err, `Google ${what}`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new EffectError(`Google ${what}: jawaban tidak dikenali (${parsed.error.issues[0]?.message ?? '?'})`, { retryable: false });
    return parsed.data;
  }

  const empty = z.unknown();

  return {
    get: (formId: string): Promise<GoogleForm> => run('Forms forms.get', googleFormSchema, () => forms.forms.get({ formId }, call)),

    /** Only the title goes into forms.create; items and the description follow in a batchUpdate. */
    create: (title: string, documentTitle: string): Promise<GoogleForm> =>
      run('Forms forms.create', googleFormSchema, () => forms.forms.create({ requestBody: { info: { title, documentTitle } } }, call)),

    /** All requests or none; answers with the form as it is afterwards. */
    async batchUpdate(formId: string, requests: forms_v1.Schema$Request[]): Promise<GoogleForm> {
      const r = await run('Forms forms.batchUpdate', z.object({ form: googleFormSchema }).loose(), () =>
        forms.forms.batchUpdate({ formId, requestBody: { requests, includeFormInResponse: true } }, call),
      );
      return r.form;
    },

    /** Published and accepting responses: forms created through the API start unpublished (Google, from 2026). */
    publish: (formId: string) =>
      run('Forms forms.setPublishSettings', empty, () =>
        forms.forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } }, updateMask: 'publishState' } }, call),
      ),

    /** Puts the form in `folderId` (its only parent), unless it is there already; true when it moved. */
    async moveToFolder(fileId: string, folderId: string): Promise<boolean> {
      if (!drive) throw new Error('moveToFolder needs a Drive client');
      const file = await run('Drive files.get', z.object({ parents: z.array(z.string()).optional() }).loose(), () =>
        drive.files.get({ fileId, fields: 'id,parents', supportsAllDrives: true }, call),
      );
      const parents = file.parents ?? [];
      if (parents.length === 1 && parents[0] === folderId) return false;
      await run('Drive files.update', empty, () =>
        drive.files.update({ fileId, addParents: folderId, ...(parents.length ? { removeParents: parents.join(',') } : {}), fields: 'id,parents', supportsAllDrives: true }, call),
      );
      return true;
    },

    /** One page of responses submitted at or after `since` (all when null). */
    listResponses: (formId: string, since: string | null, pageToken?: string) =>
      run('Forms forms.responses.list', responsePageSchema, () =>
        forms.forms.responses.list({ formId, ...(since ? { filter: `timestamp >= ${since}` } : {}), pageSize: 1000, ...(pageToken ? { pageToken } : {}) }, call),
      ),

    async listWatches(formId: string): Promise<Watch[]> {
      const r = await run('Forms forms.watches.list', z.object({ watches: z.array(watchSchema).optional() }).loose(), () => forms.forms.watches.list({ formId }, call));
      return r.watches ?? [];
    },

    createWatch: (formId: string, topicName: string): Promise<Watch> =>
      run('Forms forms.watches.create', watchSchema, () => forms.forms.watches.create({ formId, requestBody: { watch: { target: { topic: { topicName } }, eventType: 'RESPONSES' } } }, call)),

    renewWatch: (formId: string, watchId: string): Promise<Watch> => run('Forms forms.watches.renew', watchSchema, () => forms.forms.watches.renew({ formId, watchId }, call)),

    deleteWatch: (formId: string, watchId: string) => run('Forms forms.watches.delete', empty, () => forms.forms.watches.delete({ formId, watchId }, call)),
  };
}
