// A definition as clients show it: every step with its standard time read, and the standard
// times nobody could read listed, so an agency that edits its SOPs sees them instead of a
// silently missing deadline. Each exit of a decision states whether it needs a reason.
import type { SopDescription } from '../contract.ts';
import { reasonRequired } from './engine.ts';
import type { SopDefinition, Step } from './schema.ts';
import { parseWaktu } from './waktu.ts';

/** A decision's exits say whether they need a reason, the engine's default written out. */
export function withReasons(s: Step): Step {
  if (s.kind !== 'decision') return s;
  return { ...s, ifYes: { ...s.ifYes, reasonRequired: reasonRequired(s, 'yes') }, ifNo: { ...s.ifNo, reasonRequired: reasonRequired(s, 'no') } };
}

export function describeDefinition(def: SopDefinition): SopDescription {
  const steps = def.steps.map((s) => ({ ...withReasons(s), standard: parseWaktu(s.waktu) }));
  return {
    ...def,
    steps,
    unreadable: steps.filter((s) => !s.standard.recognized).map((s) => ({ step: s.no, waktu: s.waktu ?? '' })),
  };
}
