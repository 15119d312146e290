// A quick form of the reading desk, for one record after another: Enter or the button saves; on
// success the line under the button confirms, every field the user did not touch meanwhile goes
// back to empty and the focus returns to the first field. Errors stay next to their fields with
// what was typed.
import type { ApiError } from '../../contract.ts';
import { h } from '../dom.ts';
import { field, FormFields } from '../fields.ts';
import { deskConfirmation } from '../logic/desk.ts';
import { FIELD_CODES, type FieldProblem, parseFailure } from '../logic/failures.ts';
import { KeyKeeper } from '../logic/idempotency.ts';
import { busy, tz } from '../shell.ts';
import type { RecapPanel } from './recap.ts';

export interface DeskControl {
  key: string;
  label: string;
  control: HTMLInputElement | HTMLSelectElement;
  /** The value an empty form holds. */
  initial: string;
  optional?: boolean;
  hint?: string;
}

export interface DeskFormSpec<I> {
  id: string;
  title: string;
  submitLabel: string;
  busyLabel: string;
  controls: DeskControl[];
  build(values: Record<string, string>): { input: I; problems: FieldProblem[] };
  send(input: I, key: string): Promise<unknown>;
  summary(input: I): string;
}

export class DeskForm<I> {
  readonly section: HTMLElement;
  private readonly spec: DeskFormSpec<I>;
  private readonly recap: RecapPanel;
  private readonly fields = new FormFields();
  /** Its own keys: a lost answer of one form is resent with its key even after the other form was used. */
  private readonly keys = new KeyKeeper();
  private readonly form: HTMLFormElement;
  private readonly done: HTMLElement;
  private sending = false;

  constructor(spec: DeskFormSpec<I>, recap: RecapPanel) {
    this.spec = spec;
    this.recap = recap;
    this.done = h('p', { class: 'done-line', id: `${spec.id}-done`, role: 'status', 'aria-live': 'polite' });
    this.form = h('form', { class: 'desk-form', id: `${spec.id}-form`, novalidate: true, 'aria-labelledby': `${spec.id}-title` });
    for (const c of spec.controls) {
      c.control.value = c.initial;
      this.form.append(field(this.fields, c.key, c.label, c.control, { optional: !!c.optional, ...(c.hint ? { hint: c.hint } : {}) }));
    }
    this.form.append(this.fields.banner, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, spec.submitLabel)), this.done);
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!this.sending) void this.submit();
    });
    this.section = h('section', { class: 'section desk', id: spec.id, 'aria-labelledby': `${spec.id}-title` }, h('h3', { id: `${spec.id}-title` }, spec.title), this.form);
  }

  focus(): void {
    this.spec.controls[0]!.control.focus();
  }

  /** Back to the first field, unless the user has moved on to something outside the form. */
  private refocus(): void {
    const active = document.activeElement;
    if (!active || active === document.body || this.form.contains(active)) this.focus();
  }

  private async submit(): Promise<void> {
    const { spec, fields } = this;
    const sent = Object.fromEntries(spec.controls.map((c) => [c.key, c.control.value]));
    const { input, problems } = spec.build(sent);
    this.done.textContent = '';
    if (problems.length) {
      fields.show({ code: 'INVALID_INPUT', message: problems.map((p) => p.message).join(' '), fields: problems }, 'Belum dapat dicatat.');
      return;
    }
    fields.clear();
    const key = this.keys.keyFor(JSON.stringify([spec.id, input]));
    this.sending = true;
    let reply: unknown;
    try {
      reply = await busy(spec.busyLabel, () => spec.send(input, key));
      this.keys.settle(null);
    } catch (e) {
      this.failed(parseFailure(e));
      return;
    } finally {
      this.sending = false;
    }
    this.done.textContent = deskConfirmation(spec.summary(input), reply, tz());
    // What was typed while the record was on its way is kept: that is the next entry.
    for (const c of spec.controls) if (c.control.value === sent[c.key]) c.control.value = c.initial;
    this.recap.recorded((reply as { month?: unknown } | null)?.month);
    this.refocus();
  }

  private failed(err: ApiError): void {
    const { fields } = this;
    this.keys.settle(err);
    if (FIELD_CODES.has(err.code)) fields.show(err, 'Belum dapat dicatat.');
    else if (err.code === 'NETWORK') fields.message(`${err.message} Isian Anda tetap di sini; tekan tombol yang sama untuk mengirim ulang.`);
    else fields.message(err.message);
    // A field error has focused its field; otherwise the form keeps the focus for the retry.
    if (!fields.map.get(err.fields?.[0]?.path ?? err.path ?? '')) this.refocus();
  }
}
