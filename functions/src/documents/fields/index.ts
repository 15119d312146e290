// What each letter says: the placeholder values of a template, built from the step's LetterContext
// (case data by the catalog's field ids, the partner, the agency's letterhead, the signer, the
// reserved number, the step's date and note). Every placeholder of the template gets a non-empty
// string; optional data that is missing prints "-". Dates are shown in the agency's time zone.
import { templateById } from '../templates.ts';
import type { Fields, LetterContext } from '../types.ts';
import { agreementBuilders } from './agreements.ts';
import { assignmentBuilders } from './assignments.ts';
import { common, Helpers, type Builder } from './helpers.ts';
import { memoBuilders } from './memos.ts';
import { monitoringBuilders } from './monitoring.ts';
import { DASH } from './readers.ts';
import { readingBuilders } from './reading.ts';
import { visitBuilders } from './visits.ts';

export { pimpinanOf } from './readers.ts';

const BUILDERS = registry(assignmentBuilders, memoBuilders, visitBuilders, agreementBuilders, monitoringBuilders, readingBuilders);

/** Split across modules, the builders are no longer one object literal whose repeated keys the compiler rejects: this check takes its place, at load. */
function registry(...families: Record<string, Builder>[]): Record<string, Builder> {
  const all: Record<string, Builder> = {};
  for (const family of families) {
    for (const [id, builder] of Object.entries(family)) {
      if (Object.hasOwn(all, id)) throw new Error(`Two letter families build the template "${id}"`);
      all[id] = builder;
    }
  }
  return all;
}

/**
 * The placeholder values of `templateId` for this context. Throws for an unknown template, and when a
 * builder leaves a placeholder of the template without a value (a programming error).
 */
export function buildFields(templateId: string, ctx: LetterContext): Fields {
  const spec = templateById(templateId);
  const builder = BUILDERS[templateId];
  if (!spec || !builder) throw new Error(`Templat surat "${templateId}" tidak dikenal`);
  const h = new Helpers(ctx, spec);
  const all: Record<string, string | undefined> = { ...common(h), ...builder(h) };
  const out: Fields = {};
  for (const p of spec.placeholders) {
    const v = all[p];
    if (v === undefined) throw new Error(`Templat surat "${templateId}": isian {{${p}}} tidak dibuat oleh buildFields`);
    out[p] = v.trim() === '' ? DASH : v;
  }
  return out;
}
