// A definition as clients show it: every step with its standard time read, and the standard
// times nobody could read listed, so an agency that edits its SOPs sees them instead of a
// silently missing deadline.
import type { SopDescription } from '../contract.ts';
import type { SopDefinition } from './schema.ts';
import { parseWaktu } from './waktu.ts';

export function describeDefinition(def: SopDefinition): SopDescription {
  const steps = def.steps.map((s) => ({ ...s, standard: parseWaktu(s.waktu) }));
  return {
    ...def,
    steps,
    unreadable: steps.filter((s) => !s.standard.recognized).map((s) => ({ step: s.no, waktu: s.waktu ?? '' })),
  };
}
