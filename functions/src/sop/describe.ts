// A definition as clients show it: every step with its standard time read, and the standard
// times nobody could read listed, so an agency that edits its SOPs sees them instead of a
// silently missing deadline.
import type { SopDefinition, Step } from './schema.ts';
import { parseWaktu, type Waktu } from './waktu.ts';

export type DescribedStep = Step & { standard: Waktu };

export interface DescribedDefinition extends Omit<SopDefinition, 'steps'> {
  steps: DescribedStep[];
  unreadable: { step: number; waktu: string }[];
}

export function describeDefinition(def: SopDefinition): DescribedDefinition {
  const steps = def.steps.map((s) => ({ ...s, standard: parseWaktu(s.waktu) }));
  return {
    ...def,
    steps,
    unreadable: steps.filter((s) => !s.standard.recognized).map((s) => ({ step: s.no, waktu: s.waktu ?? '' })),
  };
}
