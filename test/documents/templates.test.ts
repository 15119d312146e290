// Letter templates: every produced document of the catalog maps to a template (or an explicit null),
// and the committed .docx files carry exactly the placeholders of their specs (each in one text run)
// and are up to date with the layouts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { decode, docxText, documentXml } from '../support/docx.ts';
import { ALL_PRODUCED } from '../support/letter-cases.ts';
import { describe, expect, it } from 'vitest';
import { buildTemplateDocx } from '../../functions/src/documents/docx/build.ts';
import { DOCUMENT_TEMPLATES, TEMPLATES, TEMPLATES_DIR, templateFor } from '../../functions/src/documents/templates.ts';
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

describe('mapping of produced documents to templates', () => {
  it('maps every document the catalog produces to a template or an explicit null', () => {
    expect(ALL_PRODUCED.length).toBeGreaterThan(20);
    for (const { def, docId } of ALL_PRODUCED) {
      const key = `${def.id}.${docId}`;
      expect(Object.hasOwn(DOCUMENT_TEMPLATES, key), `${key} tidak dipetakan`).toBe(true);
      const t = templateFor(def.id, docId);
      if (DOCUMENT_TEMPLATES[key] === null) expect(t).toBeNull();
      else expect(t?.id).toBe(DOCUMENT_TEMPLATES[key]);
    }
  });

  it('has no stale entries and uses every template', () => {
    const produced = new Set(ALL_PRODUCED.map(({ def, docId }) => `${def.id}.${docId}`));
    expect(Object.keys(DOCUMENT_TEMPLATES).filter((k) => !produced.has(k))).toEqual([]);
    const used = new Set(Object.values(DOCUMENT_TEMPLATES).filter((v): v is string => v !== null));
    expect(Object.keys(TEMPLATES).filter((id) => !used.has(id))).toEqual([]);
  });

  it('keeps null only for documents that are not letters', () => {
    expect(Object.entries(DOCUMENT_TEMPLATES).filter(([, v]) => v === null).map(([k]) => k)).toEqual(['kunjungan.agenda_surat_masuk']);
  });

  it('throws for a document the mapping does not know', () => {
    expect(() => templateFor('pusling', 'surat_baru')).toThrow(/belum dipetakan/);
    expect(() => templateFor('tidak_ada', 'surat_tugas')).toThrow(/belum dipetakan/);
  });

  it('names signer roles that the catalog defines', () => {
    const roles = new Set(CATALOG.flatMap((d) => d.roles.map((r) => r.id)));
    for (const [id, t] of Object.entries(TEMPLATES)) {
      expect(t.id).toBe(id);
      if (t.signerRole) expect(roles.has(t.signerRole), `${t.id}: ${t.signerRole}`).toBe(true);
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
