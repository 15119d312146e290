// What each letter says: the placeholder values of a template, built from the step's LetterContext
// (case data by the catalog's field ids, read through the names the SOP's produced document binds,
// the partner, the agency's letterhead, the signer, the reserved number, the document's date and
// the step's note). Every placeholder of the template gets a non-empty string, except the rows of
// a fixed-length table the letter does not fill, which are left out (their rows are removed).
// Dates are shown in the agency's time zone.
import { documentTitle, templateById, type TemplateSpec } from '../templates.ts';
import type { Fields, LetterContext, RowSets } from '../types.ts';
import { pimpinanOf } from '../institutions.ts';
import { agreementBuilders } from './agreements.ts';
import { assignmentBuilders } from './assignments.ts';
import { common, Helpers, type Builder } from './helpers.ts';
import { memoBuilders } from './memos.ts';
import { monitoringBuilders } from './monitoring.ts';
import { programmeBuilders, programmeRowBuilders } from './programme.ts';
import { BLANK, DASH } from './readers.ts';
import { readingBuilders } from './reading.ts';
import { standardsBuilders } from './standards.ts';
import { visitBuilders } from './visits.ts';

export { pimpinanOf } from '../institutions.ts';

const BUILDERS = registry(assignmentBuilders, memoBuilders, visitBuilders, agreementBuilders, monitoringBuilders, readingBuilders, standardsBuilders, programmeBuilders);
/** The rows of the templates with growing tables (TemplateSpec.lists). */
const ROW_BUILDERS: Record<string, (h: Helpers) => Record<string, Fields[]>> = { ...programmeRowBuilders };

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

function built(templateId: string, ctx: LetterContext): { spec: TemplateSpec; all: Record<string, string | undefined> } {
  const spec = templateById(templateId);
  const builder = BUILDERS[templateId];
  if (!spec || !builder) throw new Error(`Templat surat "${templateId}" tidak dikenal`);
  const h = new Helpers(ctx, spec);
  return { spec, all: { ...common(h), ...builder(h) } };
}

/**
 * The placeholder values of `templateId` for this context. Throws for an unknown template, and when a
 * builder leaves a placeholder of the template without a value (a programming error); a droppable
 * placeholder without a value is left out, and its table row with it.
 */
export function buildFields(templateId: string, ctx: LetterContext): Fields {
  const { spec, all } = built(templateId, ctx);
  const droppable = new Set(spec.droppable);
  const listed = new Set(Object.values(spec.lists).flat());
  const out: Fields = {};
  for (const p of spec.placeholders) {
    if (listed.has(p)) continue;
    const v = all[p];
    if (v === undefined) {
      if (droppable.has(p)) continue;
      throw new Error(`Templat surat "${templateId}": isian {{${p}}} tidak dibuat oleh buildFields`);
    }
    out[p] = v.trim() === '' ? DASH : v;
  }
  return out;
}

/**
 * The rows of the template's growing tables for this context: every list of the template, each
 * row holding exactly the list's columns, each value non-empty. Throws for a template whose lists
 * have no row builder, or a row builder that leaves a column out (programming errors).
 */
export function buildRows(templateId: string, ctx: LetterContext): RowSets {
  const spec = templateById(templateId);
  if (!spec) throw new Error(`Templat surat "${templateId}" tidak dikenal`);
  const lists = Object.entries(spec.lists);
  if (!lists.length) return {};
  const builder = ROW_BUILDERS[templateId];
  if (!builder) throw new Error(`Templat surat "${templateId}": baris tabel berulang tidak dibuat oleh buildRows`);
  const built = builder(new Helpers(ctx, spec));
  const out: RowSets = {};
  for (const [list, columns] of lists) {
    const items = built[list];
    if (!items) throw new Error(`Templat surat "${templateId}": daftar "${list}" tidak dibuat oleh buildRows`);
    out[list] = items.map((item, i) => {
      const extra = Object.keys(item).filter((k) => !columns.includes(k));
      if (extra.length) throw new Error(`Templat surat "${templateId}": baris ${i + 1} daftar "${list}" memuat isian yang tidak ada di templat: ${extra.join(', ')}`);
      return Object.fromEntries(
        columns.map((c) => {
          const v = item[c];
          if (v === undefined) throw new Error(`Templat surat "${templateId}": isian {{${c}}} baris ${i + 1} tidak dibuat oleh buildRows`);
          return [c, v.trim() === '' ? DASH : v];
        }),
      );
    });
  }
  return out;
}

/** The placeholders of the template that these fields leave out: the table rows the backend removes. */
export function droppedRows(templateId: string, fields: Fields): string[] {
  return (templateById(templateId)?.droppable ?? []).filter((p) => !Object.hasOwn(fields, p));
}

/** How the e-mail carrying the letter names it: the document's title, its subject, and whom it greets. */
export interface LetterHeading {
  title: string;
  subject: string;
  greeting: string;
}

const usable = (s: string | undefined): s is string => !!s && s !== DASH && s !== BLANK;

export function letterHeading(templateId: string, ctx: LetterContext): LetterHeading {
  const { spec, all } = built(templateId, ctx);
  const title = documentTitle(spec, ctx.doc?.variant);
  const nomor = ctx.nomor ? ` Nomor ${ctx.nomor}` : '';
  const about = usable(all.hal) ? all.hal : usable(all.tentang) ? `${title} tentang ${all.tentang}` : title;
  // A letter to one addressee greets them; one to several (or an agreement) greets the partner's head.
  const tujuan = all.tujuan && !all.tujuan.includes('\n') && usable(all.tujuan) ? all.tujuan : undefined;
  const partner = ctx.case.partner?.name ? pimpinanOf(ctx.case.partner.name) : undefined;
  const greeting = (spec.placeholders.includes('tujuan') ? tujuan : undefined) ?? (usable(all.pihak_kedua_jabatan) ? all.pihak_kedua_jabatan : undefined) ?? partner ?? 'Bapak/Ibu';
  return { title, subject: `${about}${nomor}`, greeting };
}
