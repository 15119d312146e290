// The respondent's side of the fake Forms: the page a form's responderUri opens (one field per
// question, in Bahasa Indonesia, usable on a phone) and its submission. Like Google, a field is
// named `entry.<question id as a decimal number>` and `?entry.<n>=value` in the link prefills it,
// so the prefilled links the service sends work locally unchanged. A submission is recorded as a
// response and notifies the form's watches. No sign-in, as for a public Google form.
import type { forms_v1 } from '@googleapis/forms';
import { formOr404, recordResponse } from './forms.ts';
import { HttpFailure } from './errors.ts';
import type { Answer, FakeForm, FakeRequest, Handler } from './types.ts';

export const handleResponder: Handler = (req, store) => {
  const m = /^\/forms\/d\/([^/]+)\/(viewform|formResponse)$/.exec(req.path);
  if (!m) return undefined;
  const form = formOr404(store, decodeURIComponent(m[1]!));
  if (req.method === 'GET' && m[2] === 'viewform') return page(form, prefill(req));
  if (req.method !== 'POST' || m[2] !== 'formResponse') return undefined;
  if (!form.publishState.isAcceptingResponses) return html(403, layout(form.info.title ?? '', '<p class="note">Formulir ini tidak lagi menerima jawaban.</p>'));
  const given = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
  const answers: Record<string, string[]> = {};
  const missing: string[] = [];
  for (const item of form.items) {
    const q = item.questionItem?.question;
    if (!q?.questionId) continue;
    const raw = given.getAll(entryName(q.questionId)).map((v) => (q.dateQuestion?.includeTime ? v.replace('T', ' ') : v).trim()).filter(Boolean);
    if (raw.length) answers[q.questionId] = raw;
    else if (q.required) missing.push(item.title ?? '');
  }
  if (missing.length) {
    const values = Object.fromEntries([...given.entries()]);
    return page(form, values, `Pertanyaan wajib belum diisi: ${missing.join('; ')}.`, 400);
  }
  const { delivered } = recordResponse(store, form.formId, answers);
  void delivered.catch((err: unknown) => console.error('fake Forms: watch notification failed:', err));
  const again = `/forms/d/${encodeURIComponent(form.formId)}/viewform`;
  return html(200, layout(form.info.title ?? '', `<p class="done">Jawaban Anda telah direkam.</p><p><a href="${again}">Kirim jawaban lain</a></p>`));
};

/** Google's prefill and field name: the question id (hexadecimal) written as a decimal number. */
export function entryName(questionId: string): string {
  return `entry.${BigInt(`0x${questionId}`).toString(10)}`;
}

function prefill(req: FakeRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(req.query).filter(([k]) => k.startsWith('entry.')));
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(status: number, body: string): Answer {
  return { status, bytes: Buffer.from(body, 'utf8'), contentType: 'text/html; charset=utf-8' };
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f0ebf8;color:#202124}
main{max-width:640px;margin:0 auto;padding:12px}
.card{background:#fff;border-radius:8px;padding:16px;margin:12px 0;border:1px solid #dadce0}
h1{font-size:1.5em;margin:0 0 8px} .lokal{font-size:.85em;color:#5f6368}
label.q{display:block;font-weight:600;margin-bottom:6px} .wajib{color:#d93025}
.help{font-size:.9em;color:#5f6368;margin:0 0 8px}
input[type=text],input[type=date],input[type=datetime-local],input[type=time],textarea{width:100%;box-sizing:border-box;font:inherit;padding:10px;border:1px solid #bbb;border-radius:4px}
textarea{min-height:6em} .opt{display:block;padding:8px 0}
button{font:inherit;background:#673ab7;color:#fff;border:0;border-radius:4px;padding:12px 24px}
.error{color:#d93025} .done{font-size:1.2em}
</style></head><body><main>${body}</main></body></html>`;
}

function field(item: forms_v1.Schema$Item, value: string): string {
  const q = item.questionItem!.question!;
  const name = entryName(q.questionId!);
  const req = q.required ? ' required' : '';
  const id = `f${q.questionId}`;
  if (q.choiceQuestion) {
    return (q.choiceQuestion.options ?? [])
      .map((o) => `<label class="opt"><input type="radio" name="${name}" value="${esc(o.value ?? '')}"${o.value === value ? ' checked' : ''}${req}> ${esc(o.value ?? '')}</label>`)
      .join('');
  }
  if (q.dateQuestion) {
    const type = q.dateQuestion.includeTime ? 'datetime-local' : 'date';
    return `<input id="${id}" type="${type}" name="${name}" value="${esc(value.replace(' ', 'T'))}"${req}>`;
  }
  if (q.timeQuestion) return `<input id="${id}" type="time" name="${name}" value="${esc(value)}"${req}>`;
  if (q.textQuestion?.paragraph) return `<textarea id="${id}" name="${name}"${req}>${esc(value)}</textarea>`;
  return `<input id="${id}" type="text" name="${name}" value="${esc(value)}"${req}>`;
}

function page(form: FakeForm, values: Record<string, string>, error?: string, status = 200): Answer {
  if (!form.publishState.isPublished) throw new HttpFailure(404, 'This form is not published.', 'notFound');
  const questions = form.items
    .filter((i) => i.questionItem?.question?.questionId)
    .map((item) => {
      const q = item.questionItem!.question!;
      const help = item.description ? `<p class="help">${esc(item.description).replace(/\n/g, '<br>')}</p>` : '';
      return `<div class="card"><label class="q" for="f${q.questionId}">${esc(item.title ?? '')}${q.required ? ' <span class="wajib">*</span>' : ''}</label>${help}${field(item, values[entryName(q.questionId!)] ?? '')}</div>`;
    })
    .join('\n');
  const head = `<div class="card"><h1>${esc(form.info.title ?? '')}</h1>${form.info.description ? `<p>${esc(form.info.description).replace(/\n/g, '<br>')}</p>` : ''}
<p class="lokal">Formulir lokal (tiruan Google Formulir untuk mencoba di komputer ini). <span class="wajib">*</span> wajib diisi.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}</div>`;
  const action = `/forms/d/${encodeURIComponent(form.formId)}/formResponse`;
  return html(status, layout(form.info.title ?? '', `${head}<form method="post" action="${action}">${questions}<p><button type="submit">Kirim</button></p></form>`));
}
