// Dev/test tooling. Builds a complete, valid input for a step from its kelengkapan, the way a diligent clerk would
// fill the form: every data field with a value of its type, every checklist item ticked, every
// document the actor must supply linked. Tests then remove pieces to provoke errors.
import { reasonRequired } from '../sop/engine.ts';
import type { DataType, Kelengkapan, SopDefinition, Step } from '../sop/schema.ts';

export function sample(t: DataType): unknown {
  switch (t) {
    case 'text': return 'Contoh isian';
    case 'longtext': return 'Uraian contoh yang cukup panjang untuk laporan.';
    case 'number': return 12.5;
    case 'integer': return 3;
    // Early in the month the tests' clocks run in: meetings held and letters received before the steps that record them.
    case 'date': return '2026-11-02';
    case 'datetime': return '2026-11-02T09:00:00+08:00';
    case 'email': return 'mitra@example.org';
    case 'url': return 'https://example.org/dokumen';
    case 'boolean': return true;
    case 'list': return ['Laskar Pelangi', 'Bumi Manusia'];
    // A month already over: its report can be made.
    case 'month': return '2026-10';
  }
}

/** A value of the item's type, one of its options where it has them. */
export function sampleFor(k: Extract<Kelengkapan, { type: 'data' }>): unknown {
  if (k.options) return k.dataType === 'list' ? k.options.slice(0, 2).map((o) => o.value) : k.options[0]!.value;
  return sample(k.dataType);
}

export function stepOf(def: SopDefinition, no: number): Step {
  const s = def.steps.find((x) => x.no === no);
  if (!s) throw new Error(`${def.id} has no step ${no}`);
  return s;
}

/** Documents from earlier steps are never attached: they must already be on the case. */
export function fullInput(step: Step) {
  const data: Record<string, unknown> = {};
  const checklist: Record<string, boolean> = {};
  const documents: Record<string, { url: string; title?: string }> = {};
  for (const k of step.kelengkapan) {
    if (k.type === 'data' && !k.assign) data[k.id] = sampleFor(k);
    if (k.type === 'checklist') checklist[k.id] = true;
    if (k.type === 'document' && k.source === 'input') {
      documents[k.id] = { url: `https://docs.google.com/document/d/${k.id}`, title: k.label };
    }
  }
  return {
    ...(Object.keys(data).length ? { data } : {}),
    ...(Object.keys(checklist).length ? { checklist } : {}),
    ...(Object.keys(documents).length ? { documents } : {}),
  };
}

/** The reason a clerk writes for a decision whose exit asks for one (a "no" that returns the work). */
export function reasonFor(step: Step, decision: 'yes' | 'no'): { note?: string } {
  return reasonRequired(step, decision) ? { note: `Dikembalikan: lengkapi dan perbaiki langkah ${step.no} sesuai catatan.` } : {};
}
