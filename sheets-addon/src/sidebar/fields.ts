// Form fields with their error slots: every form of the sidebar shows the API's (or its own)
// problems under the fields they name, and what names no field in the form's banner.
import type { ApiError } from '../contract.ts';
import { type Child, h } from './dom.ts';
import { FIELD_CODES, fieldKey, parseFailure, RELOAD_CODES } from './logic/failures.ts';
import { busy, keys } from './shell.ts';

interface FieldRef {
  control: HTMLElement;
  error: HTMLElement;
}

export class FormFields {
  readonly map = new Map<string, FieldRef>();
  readonly banner: HTMLElement = h('div', { class: 'banner banner-error form-banner', role: 'alert', hidden: true });

  /** A field whose error goes away as soon as the user changes it (the next send checks it again). */
  register(key: string, control: HTMLElement, error: HTMLElement): void {
    this.map.set(key, { control, error });
    const clearOne = () => {
      if (error.hidden) return;
      error.textContent = '';
      error.hidden = true;
      control.removeAttribute('aria-invalid');
    };
    control.addEventListener('input', clearOne);
    control.addEventListener('change', clearOne);
  }

  /** One field's own problem, found before sending (the API would name it the same way). */
  invalid(key: string, message: string): void {
    this.show({ code: 'INVALID_INPUT', message, fields: [{ path: key, message }] }, 'Isian belum valid.');
  }

  clear(): void {
    for (const f of this.map.values()) {
      f.error.textContent = '';
      f.error.hidden = true;
      f.control.removeAttribute('aria-invalid');
    }
    this.banner.hidden = true;
    this.banner.replaceChildren();
  }

  /** Shows each problem under its field; what matches no field goes to the form's banner. */
  show(err: ApiError, summary: string): void {
    this.clear();
    const problems = err.fields?.length ? err.fields : err.path ? [{ path: err.path, message: err.message }] : [];
    const unmatched: string[] = [];
    let first: HTMLElement | null = null;
    for (const p of problems) {
      const f = this.map.get(fieldKey(p.path));
      if (!f) {
        unmatched.push(p.message);
        continue;
      }
      f.error.textContent = f.error.textContent ? `${f.error.textContent} ${p.message}` : p.message;
      f.error.hidden = false;
      f.control.setAttribute('aria-invalid', 'true');
      first ??= f.control;
    }
    const matched = problems.length - unmatched.length;
    const text = matched > 0 ? `${summary} ${matched} isian perlu diperbaiki (ditandai di atas).` : summary;
    this.banner.replaceChildren(h('p', null, text), ...(unmatched.length ? [h('ul', null, ...unmatched.map((m) => h('li', null, m)))] : problems.length ? [] : [h('p', null, err.message)]));
    this.banner.hidden = false;
    (first as HTMLElement | null)?.focus();
  }

  message(text: string): void {
    this.clear();
    this.banner.replaceChildren(h('p', null, text));
    this.banner.hidden = false;
  }
}

let seq = 0;
function uid(prefix: string): string {
  return `${prefix}-${++seq}`;
}

/** A labelled control with a hint and an error slot; returns the wrapper. */
export function field(
  fields: FormFields,
  key: string,
  label: string,
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  opts: { hint?: Child; optional?: boolean; inline?: boolean } = {},
): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  const err = h('p', { class: 'field-error', id: `${id}-err`, hidden: true });
  const hint = opts.hint ? h('p', { class: 'hint', id: `${id}-hint` }, opts.hint) : null;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-err`].filter(Boolean).join(' '));
  if (!opts.optional && !(control instanceof HTMLInputElement && control.type === 'checkbox')) control.setAttribute('aria-required', 'true');
  fields.register(key, control, err);
  const labelEl = h('label', { for: id }, label, opts.optional ? h('span', { class: 'optional' }, ' (opsional)') : null);
  if (opts.inline) return h('div', { class: 'field field-check', 'data-field': key }, control, labelEl, hint, err);
  return h('div', { class: 'field', 'data-field': key }, labelEl, control, hint, err);
}

/**
 * A refused case action: field problems under their fields; when the case changed meanwhile,
 * `reload`; after a lost answer, what was typed stays for the same button to resend it.
 */
export function handleFormError(err: ApiError, fields: FormFields, reload: () => void): void {
  if (FIELD_CODES.has(err.code)) {
    fields.show(err, err.code === 'MISSING_KELENGKAPAN' ? 'Kelengkapan belum lengkap.' : 'Isian belum valid.');
    return;
  }
  if (RELOAD_CODES.has(err.code)) {
    reload();
    return;
  }
  if (err.code === 'NETWORK') {
    fields.message(`${err.message} Isian Anda tetap di sini; tekan tombol yang sama untuk mengirim ulang.`);
    return;
  }
  fields.message(err.message);
}

/**
 * Sends one user action with its idempotency key: the same submission resent after a lost answer
 * reuses the key, so it never acts twice. A refusal goes to the form (`stale` runs when the case
 * changed meanwhile) and gives null.
 */
export async function sendOnce<T>(fields: FormFields, busyLabel: string, fingerprint: unknown[], send: (key: string) => Promise<T>, stale: (err: ApiError) => void): Promise<T | null> {
  const key = keys.keyFor(JSON.stringify(fingerprint));
  try {
    const r = await busy(busyLabel, () => send(key));
    keys.settle(null);
    return r;
  } catch (e) {
    const err = parseFailure(e);
    keys.settle(err);
    handleFormError(err, fields, () => stale(err));
    return null;
  }
}
