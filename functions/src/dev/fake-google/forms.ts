// Forms v1 as the partner forms use it: forms.create (title only, unpublished, as Google creates
// API forms from mid-2026), forms.get, forms.batchUpdate (createItem, updateItem, deleteItem,
// moveItem, updateFormInfo; all or nothing), forms.setPublishSettings, forms.responses.list with
// the `timestamp >=`/`>` filter and pages, and forms.watches.create/list/renew/delete (one watch
// per event type, expiring after seven days). What Google returns omits proto3 defaults
// (`required: false`, `paragraph: false`, empty descriptions), and so does the fake, so the code
// that compares a form with its definition meets the same shapes as in production.
import { randomBytes } from 'node:crypto';
import type { forms_v1 } from '@googleapis/forms';
import { HttpFailure } from './errors.ts';
import type { Answer, FakeForm, FakeRequest, FakeWatch, Handler, Store } from './types.ts';

export const GOOGLE_FORM = 'application/vnd.google-apps.form';
const WEEK_MS = 7 * 86_400_000;

export const handleForms: Handler = (req, store) => {
  const { method, path } = req;
  let m: RegExpExecArray | null;
  if (method === 'POST' && path === '/v1/forms') return create(req, store);
  if (!(m = /^\/v1\/forms\/([^/:]+)(.*)$/.exec(path))) return undefined;
  const form = formOr404(store, decodeURIComponent(m[1]!));
  const rest = m[2]!;
  if (method === 'GET' && rest === '') return { status: 200, json: resource(form, store) };
  if (method === 'POST' && rest === ':batchUpdate') return batchUpdate(form, req, store);
  if (method === 'POST' && rest === ':setPublishSettings') return setPublishSettings(form, req);
  if (method === 'GET' && rest === '/responses') return listResponses(form, req);
  if (method === 'GET' && (m = /^\/responses\/([^/]+)$/.exec(rest))) return { status: 200, json: responseOr404(form, decodeURIComponent(m[1]!)) };
  if (method === 'POST' && rest === '/watches') return createWatch(form, req, store);
  if (method === 'GET' && rest === '/watches') return { status: 200, json: { watches: live(form, store).map((w) => ({ ...w })) } };
  if (method === 'POST' && (m = /^\/watches\/([^/:]+):renew$/.exec(rest))) return renewWatch(form, decodeURIComponent(m[1]!), store);
  if (method === 'DELETE' && (m = /^\/watches\/([^/:]+)$/.exec(rest))) return deleteWatch(form, decodeURIComponent(m[1]!));
  return undefined;
};

export function formOr404(store: Store, id: string): FakeForm {
  const f = store.forms.get(id);
  if (!f) throw new HttpFailure(404, `Requested entity was not found.`, 'notFound');
  return f;
}

export function responderUri(base: string, formId: string): string {
  return `${base}/forms/d/${encodeURIComponent(formId)}/viewform`;
}

function create(req: FakeRequest, store: Store): Answer {
  const body = (req.body ?? {}) as forms_v1.Schema$Form;
  const extra = Object.keys(body).filter((k) => k !== 'info');
  const info = body.info ?? {};
  if (extra.length || Object.keys(info).some((k) => k !== 'title' && k !== 'documentTitle')) {
    throw new HttpFailure(400, 'Only info.title and info.document_title may be set when creating a form; add items with batchUpdate.', 'badRequest');
  }
  if (!info.title) throw new HttpFailure(400, 'info.title is required.', 'badRequest');
  const formId = `form${randomBytes(12).toString('base64url')}`;
  const form: FakeForm = {
    formId,
    info: { title: info.title, documentTitle: info.documentTitle ?? info.title },
    items: [],
    publishState: { isPublished: false, isAcceptingResponses: false },
    revision: 1,
    responses: [],
    watches: new Map(),
  };
  store.forms.set(formId, form);
  // A form is a Drive file too (moved into a folder with Drive files.update).
  store.documents.set(formId, { name: form.info.documentTitle!, text: '', parents: ['root'], appProperties: {}, mimeType: GOOGLE_FORM, trashed: false });
  return { status: 200, json: resource(form, store) };
}

function resource(f: FakeForm, store: Store): forms_v1.Schema$Form {
  return {
    formId: f.formId,
    info: stripped({ ...f.info }),
    settings: {},
    items: structuredClone(f.items),
    revisionId: `rev${String(f.revision).padStart(8, '0')}`,
    responderUri: responderUri(store.baseUrl, f.formId),
    publishSettings: { publishState: { ...f.publishState } },
  };
}

/** proto3 JSON leaves out false, empty strings and empty objects' defaults. */
function stripped<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o)) {
    if (v === false || v === '' || v === null || v === undefined) delete (o as Record<string, unknown>)[k];
  }
  return o;
}

function hexId(taken: Set<string>): string {
  for (;;) {
    const id = (0x10000000 + randomBytes(4).readUInt32BE(0) % 0x6fffffff).toString(16);
    if (!taken.has(id)) return id;
  }
}

function idsOf(items: forms_v1.Schema$Item[]): Set<string> {
  return new Set(items.flatMap((i) => [i.itemId, i.questionItem?.question?.questionId].filter((x): x is string => !!x)));
}

/** Checks an item the way the API would and returns it as Google stores it (defaults left out, ids assigned). */
function canonicalItem(item: forms_v1.Schema$Item, taken: Set<string>, where: string): forms_v1.Schema$Item {
  const out = structuredClone(item);
  if (!out.title) throw new HttpFailure(400, `${where}: title is required.`, 'badRequest');
  const q = out.questionItem?.question;
  if (!q) throw new HttpFailure(400, `${where}: the fake knows question items only.`, 'badRequest');
  const kinds = ['textQuestion', 'dateQuestion', 'choiceQuestion', 'timeQuestion'].filter((k) => k in q);
  if ('fileUploadQuestion' in q) throw new HttpFailure(400, `${where}: file upload questions cannot be created through the API.`, 'badRequest');
  if (kinds.length !== 1) throw new HttpFailure(400, `${where}: a question needs exactly one kind (text, date, time or choice).`, 'badRequest');
  if (q.choiceQuestion) {
    const c = q.choiceQuestion;
    if (!['RADIO', 'CHECKBOX', 'DROP_DOWN'].includes(c.type ?? '')) throw new HttpFailure(400, `${where}: choiceQuestion.type is required.`, 'badRequest');
    const values = (c.options ?? []).map((o) => o.value ?? '');
    if (!values.length || values.some((v) => !v)) throw new HttpFailure(400, `${where}: every option needs a value.`, 'badRequest');
    if (new Set(values).size !== values.length) throw new HttpFailure(400, `${where}: duplicate option values.`, 'badRequest');
    stripped(c);
  }
  if (q.textQuestion) stripped(q.textQuestion);
  if (q.dateQuestion) stripped(q.dateQuestion);
  stripped(q);
  stripped(out);
  out.itemId ??= hexId(taken);
  q.questionId ??= hexId(taken);
  taken.add(out.itemId);
  taken.add(q.questionId);
  return out;
}

function indexIn(loc: forms_v1.Schema$Location | undefined, size: number, where: string): number {
  const i = loc?.index ?? -1;
  if (!Number.isInteger(i) || i < 0 || i >= size) throw new HttpFailure(400, `${where}: location.index ${i} is out of range [0, ${size}).`, 'badRequest');
  return i;
}

function maskOf(mask: string | null | undefined, where: string): string[] {
  if (!mask) throw new HttpFailure(400, `${where}: updateMask is required.`, 'badRequest');
  return mask.split(',').map((s) => s.trim());
}

function applyRequest(items: forms_v1.Schema$Item[], info: forms_v1.Schema$Info, r: forms_v1.Schema$Request, i: number): forms_v1.Schema$Response {
  const where = `requests[${i}]`;
  const taken = idsOf(items);
  if (Object.keys(r).length !== 1) throw new HttpFailure(400, `${where}: exactly one kind of request.`, 'badRequest');
  if (r.createItem) {
    const at = r.createItem.location?.index ?? -1;
    if (at < 0 || at > items.length) throw new HttpFailure(400, `${where}: location.index ${at} is out of range [0, ${items.length}].`, 'badRequest');
    const item = canonicalItem(r.createItem.item ?? {}, taken, where);
    items.splice(at, 0, item);
    return { createItem: { itemId: item.itemId!, questionId: [item.questionItem!.question!.questionId!] } };
  }
  if (r.updateItem) {
    const at = indexIn(r.updateItem.location, items.length, where);
    const mask = maskOf(r.updateItem.updateMask, where);
    const given = structuredClone(r.updateItem.item ?? {});
    const next: forms_v1.Schema$Item = mask.includes('*') ? given : { ...items[at] };
    if (!mask.includes('*')) for (const f of mask) (next as Record<string, unknown>)[f] = (given as Record<string, unknown>)[f];
    taken.delete(items[at]!.itemId!);
    taken.delete(items[at]!.questionItem?.question?.questionId ?? '');
    // An id left blank under the mask is a new id, as the API documents.
    items[at] = canonicalItem(next, taken, where);
    return {};
  }
  if (r.deleteItem) {
    items.splice(indexIn(r.deleteItem.location, items.length, where), 1);
    return {};
  }
  if (r.moveItem) {
    const from = indexIn(r.moveItem.originalLocation, items.length, where);
    const to = indexIn(r.moveItem.newLocation, items.length, where);
    const [item] = items.splice(from, 1);
    items.splice(to, 0, item!);
    return {};
  }
  if (r.updateFormInfo) {
    const mask = maskOf(r.updateFormInfo.updateMask, where);
    const given = r.updateFormInfo.info ?? {};
    for (const f of mask.includes('*') ? ['title', 'description'] : mask) {
      if (f !== 'title' && f !== 'description') throw new HttpFailure(400, `${where}: info.${f} cannot be updated.`, 'badRequest');
      info[f] = given[f] ?? '';
    }
    if (!info.title) throw new HttpFailure(400, `${where}: info.title is required.`, 'badRequest');
    return {};
  }
  throw new HttpFailure(400, `${where}: the fake does not know ${Object.keys(r).join(', ')}.`, 'badRequest');
}

/** All requests or none, as in Forms. */
function batchUpdate(form: FakeForm, req: FakeRequest, store: Store): Answer {
  const body = (req.body ?? {}) as forms_v1.Schema$BatchUpdateFormRequest;
  if (!body.requests?.length) throw new HttpFailure(400, 'requests is required.', 'badRequest');
  const items = structuredClone(form.items);
  const info = { ...form.info };
  const replies = body.requests.map((r, i) => applyRequest(items, info, r, i));
  form.items = items;
  form.info = info;
  form.revision++;
  return { status: 200, json: { replies, writeControl: { requiredRevisionId: `rev${String(form.revision).padStart(8, '0')}` }, ...(body.includeFormInResponse ? { form: resource(form, store) } : {}) } };
}

function setPublishSettings(form: FakeForm, req: FakeRequest): Answer {
  const body = (req.body ?? {}) as forms_v1.Schema$SetPublishSettingsRequest;
  const s = body.publishSettings?.publishState;
  if (typeof s?.isPublished !== 'boolean' || typeof s.isAcceptingResponses !== 'boolean') {
    throw new HttpFailure(400, 'publishState.isPublished and publishState.isAcceptingResponses are both required.', 'badRequest');
  }
  if (s.isAcceptingResponses && !s.isPublished) throw new HttpFailure(400, 'A form cannot accept responses unless it is published.', 'badRequest');
  form.publishState = { isPublished: s.isPublished, isAcceptingResponses: s.isAcceptingResponses };
  return { status: 200, json: { formId: form.formId, publishSettings: { publishState: { ...form.publishState } } } };
}

function responseOr404(form: FakeForm, id: string): forms_v1.Schema$FormResponse {
  const r = form.responses.find((x) => x.responseId === id);
  if (!r) throw new HttpFailure(404, 'Requested entity was not found.', 'notFound');
  return r;
}

function listResponses(form: FakeForm, req: FakeRequest): Answer {
  const { filter, pageSize, pageToken } = req.query;
  let keep: (r: forms_v1.Schema$FormResponse) => boolean = () => true;
  if (filter) {
    const m = /^\s*timestamp\s*(>=|>)\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)\s*$/.exec(filter);
    if (!m) throw new HttpFailure(400, `Invalid filter: ${filter}`, 'badRequest');
    const t = Date.parse(m[2]!);
    keep = m[1] === '>=' ? (r) => Date.parse(r.lastSubmittedTime!) >= t : (r) => Date.parse(r.lastSubmittedTime!) > t;
  }
  const size = Math.min(Number(pageSize) || 5000, 5000);
  // The token is "<filter>:<offset>"; the filter's timestamp has colons of its own, so split at the last one.
  const token = pageToken ? Buffer.from(pageToken, 'base64url').toString() : '';
  const start = pageToken ? Number(token.slice(token.lastIndexOf(':') + 1)) : 0;
  if (pageToken && token.slice(0, token.lastIndexOf(':')) !== (filter ?? '')) {
    throw new HttpFailure(400, 'The filter must be the same as for the original request.', 'badRequest');
  }
  const all = form.responses.filter(keep);
  const page = all.slice(start, start + size).map(({ formId: _f, ...r }) => r);
  const next = start + size < all.length ? Buffer.from(`${filter ?? ''}:${start + size}`).toString('base64url') : undefined;
  return { status: 200, json: { ...(page.length ? { responses: page } : {}), ...(next ? { nextPageToken: next } : {}) } };
}

/** Watches that have not expired (an expired watch is gone, as in Forms). */
export function live(form: FakeForm, store: Store): FakeWatch[] {
  const now = store.now().getTime();
  for (const [id, w] of form.watches) if (Date.parse(w.expireTime) <= now) form.watches.delete(id);
  return [...form.watches.values()];
}

function createWatch(form: FakeForm, req: FakeRequest, store: Store): Answer {
  const body = (req.body ?? {}) as forms_v1.Schema$CreateWatchRequest;
  const topicName = body.watch?.target?.topic?.topicName ?? '';
  const eventType = body.watch?.eventType ?? '';
  if (!/^projects\/[^/]+\/topics\/[^/]+$/.test(topicName)) throw new HttpFailure(400, 'watch.target.topic.topicName must be projects/{project}/topics/{topic}.', 'badRequest');
  if (eventType !== 'RESPONSES' && eventType !== 'SCHEMA') throw new HttpFailure(400, 'watch.eventType must be RESPONSES or SCHEMA.', 'badRequest');
  if (live(form, store).some((w) => w.eventType === eventType)) {
    throw new HttpFailure(400, `The project already has a ${eventType} watch on this form (one per event type).`, 'failedPrecondition');
  }
  const id = body.watchId ?? `watch-${randomBytes(6).toString('hex')}`;
  if (form.watches.has(id)) throw new HttpFailure(409, `Watch ${id} already exists.`, 'alreadyExists');
  const now = store.now();
  const w: FakeWatch = { id, target: { topic: { topicName } }, eventType, createTime: now.toISOString(), expireTime: new Date(now.getTime() + WEEK_MS).toISOString(), state: 'ACTIVE' };
  form.watches.set(id, w);
  return { status: 200, json: { ...w } };
}

function renewWatch(form: FakeForm, id: string, store: Store): Answer {
  const w = live(form, store).find((x) => x.id === id);
  if (!w) throw new HttpFailure(404, `Watch ${id} was not found (or has expired).`, 'notFound');
  w.expireTime = new Date(store.now().getTime() + WEEK_MS).toISOString();
  w.state = 'ACTIVE';
  delete w.errorType;
  return { status: 200, json: { ...w } };
}

function deleteWatch(form: FakeForm, id: string): Answer {
  if (!form.watches.delete(id)) throw new HttpFailure(404, `Watch ${id} was not found.`, 'notFound');
  return { status: 200, json: {} };
}

/**
 * Records a response as a respondent's submission would, and notifies the form's RESPONSES
 * watches. Answers are by question id; choice answers are the option's text, as Google stores them.
 */
export function recordResponse(store: Store, formId: string, answers: Record<string, string[]>, opts: { at?: Date; respondentEmail?: string } = {}): { responseId: string; delivered: Promise<void> } {
  const form = formOr404(store, formId);
  if (!form.publishState.isAcceptingResponses) throw new HttpFailure(403, 'This form is not accepting responses.', 'forbidden');
  const known = new Set(form.items.map((i) => i.questionItem?.question?.questionId));
  const at = (opts.at ?? store.now()).toISOString();
  const responseId = `ACYDBN${randomBytes(18).toString('base64url')}`;
  const response: forms_v1.Schema$FormResponse = {
    formId,
    responseId,
    createTime: at,
    lastSubmittedTime: at,
    ...(opts.respondentEmail ? { respondentEmail: opts.respondentEmail } : {}),
    answers: Object.fromEntries(
      Object.entries(answers)
        .filter(([qid, vs]) => known.has(qid) && vs.some((v) => v !== ''))
        .map(([questionId, vs]) => [questionId, { questionId, textAnswers: { answers: vs.filter((v) => v !== '').map((value) => ({ value })) } }]),
    ),
  };
  form.responses.push(response);
  const watches = live(form, store).filter((w) => w.eventType === 'RESPONSES' && w.state === 'ACTIVE');
  const notify = store.notify;
  const delivered = notify
    ? Promise.all(watches.map((w) => notify(w.target!.topic!.topicName!, { formId, watchId: w.id, eventType: 'RESPONSES' }))).then(() => undefined)
    : Promise.resolve();
  return { responseId, delivered };
}
