// A step's kelengkapan checked against what the actor sent and what the case already holds: every
// problem at once, split into invalid input (wrong type, unknown key, a system field typed by hand)
// and missing items (which a "no" decision may leave missing: the work goes back for revision).
import { z } from 'zod';
import type { CaseState, FieldProblem } from '../contract.ts';
import type { DataType, Step } from './schema.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!isoDate.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** One line of text: trimmed, at most `max` characters, no line break. */
export function line(max: number) {
  return z.string().trim().max(max).regex(/^[^\r\n]*$/, 'harus satu baris (tanpa baris baru)');
}

/** Text that may span lines: trimmed, at most `max` characters. */
export function paragraph(max: number) {
  return z.string().trim().max(max);
}

/** 2000 -> "2.000", without Intl: asking ICU for id-ID at module load costs the api's cold start ~10 ms. */
function ribuan(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Documented in the README ("Input limits"). */
export const DATA_LIMITS = { text: 500, longtext: 10_000, url: 2_000, listItems: 2_000, listItem: 500, note: 5_000, documentTitle: 300 } as const;

const dataValidators: Record<DataType, { schema: z.ZodType; message: string }> = {
  text: { schema: line(DATA_LIMITS.text).min(1), message: `harus berupa teks satu baris (1–${DATA_LIMITS.text} karakter)` },
  longtext: { schema: paragraph(DATA_LIMITS.longtext).min(1), message: 'harus berupa teks (1–10.000 karakter)' },
  number: { schema: z.number().finite(), message: 'harus berupa angka' },
  integer: { schema: z.number().int().min(0), message: 'harus berupa bilangan bulat tidak negatif' },
  date: { schema: z.string().refine(validDate), message: 'harus berupa tanggal dengan format YYYY-MM-DD' },
  month: { schema: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), message: 'harus berupa bulan dengan format YYYY-MM' },
  datetime: { schema: z.iso.datetime({ offset: true }), message: 'harus berupa tanggal dan jam ISO 8601 dengan zona waktu' },
  email: { schema: z.email(), message: 'harus berupa alamat e-mail yang valid' },
  url: { schema: z.url({ protocol: /^https?$/ }).max(DATA_LIMITS.url), message: `harus berupa tautan http(s) yang valid (paling panjang ${DATA_LIMITS.url} karakter)` },
  boolean: { schema: z.boolean(), message: 'harus berupa ya/tidak (true/false)' },
  list: {
    schema: z.array(line(DATA_LIMITS.listItem).min(1)).min(1).max(DATA_LIMITS.listItems),
    message: `harus berupa daftar berisi 1–${ribuan(DATA_LIMITS.listItems)} teks satu baris yang tidak kosong (masing-masing paling panjang ${DATA_LIMITS.listItem} karakter)`,
  },
};

/** Whether `value` is a valid value of a data field of this type; the reason when it is not. */
export function validateData(dataType: DataType, value: unknown): string | null {
  const check = dataValidators[dataType];
  return check.schema.safeParse(value).success ? null : check.message;
}

/** The input of a step action as it arrives (already checked for shape at the HTTP boundary). */
export const stepInputSchema = z.strictObject({
  data: z.record(z.string(), z.unknown()).optional(),
  checklist: z.record(z.string(), z.boolean()).optional(),
  documents: z
    .record(z.string(), z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(DATA_LIMITS.url), title: line(DATA_LIMITS.documentTitle).optional() }))
    .optional(),
  note: paragraph(DATA_LIMITS.note).optional(),
});
export type StepInput = z.infer<typeof stepInputSchema>;

/** Nothing a user sent is dropped silently: a key the step does not ask for is an error. */
function unknownKeys(step: Step, input: StepInput): FieldProblem[] {
  const known = new Map(step.kelengkapan.map((k) => [k.id, k]));
  const out: FieldProblem[] = [];
  const sections = [
    ['data', input.data, 'data'],
    ['checklist', input.checklist, 'checklist'],
    ['documents', input.documents, 'document'],
  ] as const;
  for (const [section, values, expected] of sections) {
    for (const key of Object.keys(values ?? {})) {
      if (known.get(key)?.type !== expected) {
        out.push({ path: `${section}.${key}`, message: `Langkah ${step.no} tidak meminta isian "${key}" di bagian ${section}.` });
      }
    }
  }
  return out;
}

type DataItem = Extract<Step['kelengkapan'][number], { type: 'data' }>;

/** What an option list or an item limit refuses in a value already of the right type; null when it fits. */
function beyondType(k: DataItem, v: unknown): string | null {
  const items = Array.isArray(v) ? v : [v];
  if (k.maxItems !== undefined && items.length > k.maxItems) return `${k.label} paling banyak ${k.maxItems} butir.`;
  if (!k.options) return null;
  const allowed = new Set(k.options.map((o) => o.value));
  const wrong = items.filter((x) => typeof x !== 'string' || !allowed.has(x.trim()));
  return wrong.length ? `${k.label} harus dipilih dari: ${k.options.map((o) => o.label).join('; ')}.` : null;
}

/**
 * `decision` is the exit the step takes (null for a process step): an item asked only on the other
 * exit (`when`) is neither required nor missing.
 */
export function checkKelengkapan(step: Step, state: CaseState, input: StepInput, decision: 'yes' | 'no' | null = null): { invalid: FieldProblem[]; missing: FieldProblem[] } {
  const invalid = unknownKeys(step, input);
  const missing: FieldProblem[] = [];
  for (const k of step.kelengkapan) {
    switch (k.type) {
      case 'data': {
        const v = input.data?.[k.id];
        if (k.assign) {
          if (v !== undefined) invalid.push({ path: `data.${k.id}`, message: `${k.label} diisi otomatis oleh sistem; jangan diisi.` });
          break;
        }
        if (v === undefined || v === null || v === '') {
          // A value already on the case (from the partner's form, or an earlier round of a loop) stands.
          const onCase = state.data[k.id];
          const asked = k.when === undefined || k.when === decision;
          if (!k.optional && asked && (onCase === undefined || onCase === null || onCase === '')) missing.push({ path: `data.${k.id}`, message: `${k.label} wajib diisi.` });
          break;
        }
        const check = dataValidators[k.dataType];
        if (!check.schema.safeParse(v).success) invalid.push({ path: `data.${k.id}`, message: `${k.label} ${check.message}.` });
        else {
          const beyond = beyondType(k, v);
          if (beyond) invalid.push({ path: `data.${k.id}`, message: beyond });
        }
        break;
      }
      case 'checklist':
        if (input.checklist?.[k.id] !== true) missing.push({ path: `checklist.${k.id}`, message: `${k.label} belum diperiksa/dicentang.` });
        break;
      case 'document': {
        if (k.source === 'produced') break;
        if (!input.documents?.[k.id] && !state.documents[k.id]) {
          missing.push({
            path: `documents.${k.id}`,
            message: k.source === 'case' ? `${k.label} belum ada pada kasus ini; lampirkan tautannya.` : `${k.label} wajib dilampirkan (tautan dokumen).`,
          });
        }
        break;
      }
      case 'office':
        break;
    }
  }
  return { invalid, missing };
}
