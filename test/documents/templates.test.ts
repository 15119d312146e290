// Letter templates: every produced document of the catalog names an existing template (or an explicit null),
// and the committed .docx files carry exactly the placeholders of their specs (each in one text run)
// and are up to date with the layouts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { decode, docxText, documentXml } from '../support/docx.ts';
import { ALL_PRODUCED } from '../support/letter-cases.ts';
import { describe, expect, it } from 'vitest';
import { buildTemplateDocx } from '../../functions/src/documents/docx/build.ts';
import { letterProblems, listsOf, PROGRAMME_TEMPLATES, REPORT_TEMPLATES, TEMPLATES, TEMPLATES_DIR, templateFor } from '../../functions/src/documents/templates.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';

// ---------------------------------------------------------------------------------------------
// Reading .docx files
// ---------------------------------------------------------------------------------------------

const TAG_RE = /\{\{([a-z][a-z0-9_]*)\}\}/g;

function placeholdersIn(text: string): Set<string> {
  return new Set([...text.matchAll(TAG_RE)].map((m) => m[1]!));
}

/** Texts of the single runs (w:t elements). */
function runTexts(bytes: Buffer): string[] {
  return [...documentXml(bytes).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!));
}

const templateFile = (id: string) => readFile(join(TEMPLATES_DIR, `${id}.docx`));

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('the templates the catalog names', () => {
  it('names an existing template (and variant) for every document the catalog produces, null only for what is no letter', () => {
    expect(ALL_PRODUCED.length).toBeGreaterThan(20);
    for (const { def, doc } of ALL_PRODUCED) {
      const t = templateFor(doc);
      if (doc.template === null) expect(t, `${def.id}.${doc.id}`).toBeNull();
      else expect(t?.id, `${def.id}.${doc.id}`).toBe(doc.template);
      if (doc.variant !== undefined) expect(Object.keys(t!.variants ?? {}), `${def.id}.${doc.id}`).toContain(doc.variant);
    }
    for (const def of CATALOG) expect(letterProblems(def)).toEqual([]);
  });

  it('uses every template and every variant', () => {
    // The catalog's letters, the reports the service standards write (standards/report-doc.ts)
    // and a training programme's documents (programme/documents.ts).
    const made = [...ALL_PRODUCED.map(({ doc }) => doc), ...PROGRAMME_TEMPLATES];
    const used = new Set([...made.flatMap((d) => (d.template ? [d.template] : [])), ...REPORT_TEMPLATES]);
    expect(Object.keys(TEMPLATES).filter((id) => !used.has(id))).toEqual([]);
    for (const t of Object.values(TEMPLATES)) {
      for (const v of Object.keys(t.variants ?? {})) {
        expect(made.some((d) => d.template === t.id && d.variant === v), `${t.id}/${v}`).toBe(true);
      }
    }
    for (const d of PROGRAMME_TEMPLATES) expect(templateFor({ id: d.template, ...d })?.id).toBe(d.template);
  });

  it('knows the lists of its growing tables, and refuses a repeated row with a placeholder of no list, or placeholders used elsewhere', () => {
    const grow = TEMPLATES.undangan_bimtek!;
    expect(grow.lists).toEqual({ peserta: ['peserta_no', 'peserta_nama', 'peserta_perpustakaan', 'peserta_desa', 'peserta_kabupaten'] });
    expect(Object.values(TEMPLATES).filter((t) => Object.keys(t.lists).length).map((t) => t.id).sort()).toEqual(['daftar_hadir_bimtek', 'laporan_pelaksanaan_bimtek', 'undangan_bimtek']);
    const table = (last: string[], repeat = 'peserta') => ({ kind: 'table' as const, widths: [1, 1], repeat, rows: [[{ text: 'No.' }, { text: 'Nama' }], last.map((text) => ({ text }))] });
    expect(listsOf('t', [table(['{{peserta_no}}', '{{peserta_nama}}'])])).toEqual({ peserta: ['peserta_no', 'peserta_nama'] });
    expect(() => listsOf('t', [table(['{{peserta_no}}', '{{nama}}'])])).toThrow(/baris berulang/);
    expect(() => listsOf('t', [table(['No.', 'Nama'])])).toThrow(/baris berulang/);
    expect(() => listsOf('t', [table(['{{peserta_no}}', '{{peserta_nama}}']), { kind: 'para', text: 'Lihat {{peserta_nama}}' }])).toThrow(/hanya boleh ada di baris berulangnya/);
    expect(() => listsOf('t', [table(['{{peserta_no}}', '{{peserta_nama}}']), table(['{{peserta_no}}', '{{peserta_nama}}'])])).toThrow(/satu tabel per daftar/);
  });

  it('keeps null only for documents that are not letters', () => {
    expect(ALL_PRODUCED.filter(({ doc }) => doc.template === null).map(({ def, doc }) => `${def.id}.${doc.id}`)).toEqual(['kunjungan.agenda_surat_masuk']);
  });

  it('throws for a template or variant that does not exist', () => {
    expect(() => templateFor({ id: 'surat_baru', template: 'tidak_ada' })).toThrow(/tidak ada/);
    expect(() => templateFor({ id: 'surat_tugas', template: 'surat_tugas', variant: 'tidak_ada' })).toThrow(/varian/);
    const def = CATALOG.find((d) => d.id === 'pusling')!;
    const broken = { ...def, steps: def.steps.map((s) => (s.no === 2 ? { ...s, produces: [{ ...s.produces[0]!, template: 'rencana_lain' }] } : s)) };
    expect(letterProblems(broken)).toEqual([expect.stringMatching(/langkah 2: Templat surat "rencana_lain"/)]);
  });

  it('signs each document by a role its SOP defines', () => {
    for (const { def, doc } of ALL_PRODUCED) {
      const t = templateFor(doc);
      const role = doc.signer ?? t?.signerRole;
      if (role) expect(def.roles.map((r) => r.id), `${def.id}.${doc.id}: ${role}`).toContain(role);
    }
  });
});

describe.each(Object.values(TEMPLATES).map((t) => [t.id, t] as const))('template %s', (id, spec) => {
  it('has every placeholder of its spec in the generated .docx, each in one text run, and no other', async () => {
    const bytes = await templateFile(id);
    const text = docxText(bytes);
    const found = placeholdersIn(text);
    expect([...found].sort()).toEqual([...spec.placeholders].sort());
    // One run per placeholder: no run holds a partial "{{" or "}}".
    for (const run of runTexts(bytes)) {
      const rest = run.replace(TAG_RE, '');
      expect(rest, `run "${run}"`).not.toMatch(/\{\{|\}\}/);
    }
    const inRuns = new Set(runTexts(bytes).flatMap((r) => [...r.matchAll(TAG_RE)].map((m) => m[1]!)));
    expect([...inRuns].sort()).toEqual([...spec.placeholders].sort());
  });

  it('is up to date with its layout (npm run build:templates)', async () => {
    expect(documentXml(await templateFile(id))).toBe(documentXml(await buildTemplateDocx(spec)));
  });

  it('records its template id in the .docx', async () => {
    expect(new PizZip(await templateFile(id)).file('docProps/custom.xml')?.asText()).toContain(`<vt:lpwstr>${id}</vt:lpwstr>`);
  });
});
