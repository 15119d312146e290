// The local document backend: .docx files rendered with docxtemplater from the same templates the
// Google Docs backend uses (functions/templates/<id>.docx). A copy is the unfilled template written
// to <outDir>/<safe title>-<short hash of key>.docx; the template it came from is recorded in the
// file's custom document property `templateId`, so fill always renders from the template again and is
// idempotent, even after a restart. A filled letter gets one paragraph per line of a multi-line
// value (as Google Docs does) and the agency's lambang daerah in its kop, or none. A growing
// table's repeated row (the <w:tr> holding its list's placeholders) is written once per item.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { applyLambang } from './docx/lambang.ts';
import { splitLineBreaks } from './docx/paragraphs.ts';
import type { CopiedDocument, DocumentBackend, Fields, RowSets } from './types.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Zip entry dates of rendered files, so the same fields give the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const CUSTOM_PROPS = 'docProps/custom.xml';
const CUSTOM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const PROPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** The first 12 hex digits of the key's SHA-256: the suffix that finds a copy again. */
export function shortHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** A file-name-safe title: letters, digits, dots, dashes and underscores. */
export function safeTitle(title: string): string {
  const t = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return t || 'dokumen';
}

export function createLocalDocBackend(opts: {
  templatesDir: string;
  outDir: string;
  /** The agency's lambang daerah (PNG) for the kop; without it the kop has none. */
  lambang?: Buffer | null;
}): DocumentBackend {
  const templatesDir = resolve(opts.templatesDir);
  const outDir = resolve(opts.outDir);

  async function readTemplate(templateId: string): Promise<Buffer> {
    const path = join(templatesDir, `${templateId}.docx`);
    try {
      return await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`Berkas templat "${templateId}" tidak ditemukan: ${path}`);
      throw err;
    }
  }

  function docOf(path: string): CopiedDocument {
    return { documentId: path, url: pathToFileURL(path).href };
  }

  /** Writes through a temporary file and a rename: a crash never leaves half a document. */
  async function writeAtomic(path: string, bytes: Buffer): Promise<void> {
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }

  return {
    async findCopy(key) {
      const suffix = `-${shortHash(key)}.docx`;
      let names: string[];
      try {
        names = await readdir(outDir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      const name = names.filter((n) => n.endsWith(suffix)).sort()[0];
      return name ? docOf(join(outDir, name)) : null;
    },

    async copy({ key, templateId, title }) {
      const template = await readTemplate(templateId);
      const zip = new PizZip(template);
      if (templateIdOf(zip) !== templateId) setTemplateId(zip, templateId);
      await mkdir(outDir, { recursive: true });
      const path = join(outDir, `${safeTitle(title)}-${shortHash(key)}.docx`);
      await writeAtomic(path, generate(zip));
      return docOf(path);
    },

    async fill(doc, fields: Fields, fillOpts) {
      let copy: Buffer;
      try {
        copy = await readFile(doc.documentId);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`Dokumen salinan tidak ditemukan: ${doc.documentId}`);
        throw err;
      }
      const templateId = templateIdOf(new PizZip(copy));
      if (!templateId) throw new Error(`Dokumen ${doc.documentId} tidak mencatat templat asalnya (properti templateId)`);
      const zip = new PizZip(await readTemplate(templateId));
      if (templateIdOf(zip) !== templateId) setTemplateId(zip, templateId);
      dropRows(zip, fillOpts?.dropRows ?? []);
      const repeated = repeatRows(zip, fillOpts?.rows ?? {});
      let dx: Docxtemplater<PizZip>;
      try {
        dx = new Docxtemplater(zip, {
          delimiters: { start: '{{', end: '}}' },
          linebreaks: true,
          paragraphLoop: true,
          nullGetter: () => '',
        });
      } catch (err) {
        throw new Error(`Templat "${templateId}" tidak dapat dibaca: ${templateErrors(err)}`, { cause: err });
      }
      const tags = tagsOf(dx, zip);
      try {
        dx.render({ ...fields, ...repeated.values });
      } catch (err) {
        throw new Error(`Templat "${templateId}" gagal diisi: ${templateErrors(err)}`, { cause: err });
      }
      const filled = dx.getZip();
      const xml = filled.file('word/document.xml')?.asText();
      if (xml) filled.file('word/document.xml', splitLineBreaks(xml));
      applyLambang(filled, opts.lambang ?? null);
      await fillOpts?.pace?.();
      await writeAtomic(doc.documentId, generate(filled));
      return { missingPlaceholders: [...Object.keys(fields).filter((f) => !tags.has(f)), ...repeated.missing] };
    },

    async export(doc) {
      const content = await readFile(doc.documentId);
      return { filename: basename(doc.documentId), contentType: DOCX_CONTENT_TYPE, content, url: null };
    },
  };
}

/** Removes the table rows holding any of these placeholders (each is one text run, so it is found as written). */
function dropRows(zip: PizZip, placeholders: readonly string[]): void {
  if (placeholders.length === 0) return;
  const xml = zip.file('word/document.xml')?.asText();
  if (!xml) return;
  const tags = placeholders.map((p) => `{{${p}}}`);
  zip.file('word/document.xml', xml.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) => (tags.some((t) => row.includes(t)) ? '' : row)));
}

/**
 * Writes each list's repeated row (the first <w:tr> holding a `{{<list>_...}}` placeholder) once
 * per item, its placeholders renamed per copy (`{{peserta_nama__7}}`) and given that item's
 * values; an empty list removes the row. Only the last copy keeps the row's keep-with-next (a
 * table kept with the signature after it): on every copy it would keep the whole list on one page.
 * Returns the values of the renamed placeholders, and the columns the template's row lacks.
 */
function repeatRows(zip: PizZip, rows: RowSets): { values: Fields; missing: string[] } {
  const values: Fields = {};
  const missing: string[] = [];
  let xml = zip.file('word/document.xml')?.asText() ?? '';
  for (const [list, items] of Object.entries(rows)) {
    const columns = items.length ? Object.keys(items[0]!) : [];
    const row = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)?.find((r) => r.includes(`{{${list}_`));
    if (row === undefined) {
      missing.push(...columns);
      continue;
    }
    missing.push(...columns.filter((c) => !row.includes(`{{${c}}}`)));
    const copies = items.map((item, k) => {
      const copy = row.replace(/\{\{([a-z][a-z0-9_]*)\}\}/g, (tag, name: string) => {
        if (!name.startsWith(`${list}_`)) return tag;
        values[`${name}__${k}`] = item[name] ?? '';
        return `{{${name}__${k}}}`;
      });
      return k < items.length - 1 ? copy.replace(/<w:keepNext(?:\s[^>]*)?\/>/g, '') : copy;
    });
    xml = xml.replace(row, () => copies.join(''));
  }
  if (Object.keys(rows).length) zip.file('word/document.xml', xml);
  return { values, missing };
}

function generate(zip: PizZip): Buffer {
  for (const f of Object.values(zip.files)) f.date = FIXED_DATE;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const TAG_RE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The placeholders of a compiled template (body, headers and footers). */
function tagsOf(dx: Docxtemplater<PizZip>, zip: PizZip): Set<string> {
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  const tags = new Set<string>();
  for (const part of parts) for (const m of dx.getFullText(part).matchAll(TAG_RE)) tags.add(m[1]!);
  return tags;
}

/** docxtemplater's errors (a MultiError lists each broken tag) as one line. */
function templateErrors(err: unknown): string {
  const e = err as { message?: string; properties?: { errors?: { message?: string; properties?: { explanation?: string } }[] } };
  const list = e.properties?.errors;
  if (Array.isArray(list) && list.length) return list.map((x) => x.properties?.explanation ?? x.message ?? String(x)).join('; ');
  return e.message ?? String(err);
}

// ---------------------------------------------------------------------------------------------
// The `templateId` custom document property
// ---------------------------------------------------------------------------------------------

function templateIdOf(zip: PizZip): string | null {
  const xml = zip.file(CUSTOM_PROPS)?.asText();
  if (!xml) return null;
  const m = /<property\b[^>]*\bname="templateId"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/.exec(xml);
  return m ? m[1]! : null;
}

/** Records the template in a document that lacks it (e.g. a template edited by hand without the property). */
function setTemplateId(zip: PizZip, templateId: string): void {
  const value = templateId.replace(/[<&>"]/g, '');
  const existing = zip.file(CUSTOM_PROPS)?.asText();
  if (existing) {
    const withoutOld = existing.replace(/<property\b[^>]*\bname="templateId"[^>]*>[\s\S]*?<\/property>/, '');
    const pids = [...withoutOld.matchAll(/\bpid="(\d+)"/g)].map((m) => Number(m[1]));
    const pid = Math.max(1, ...pids) + 1;
    const prop = `<property fmtid="${FMTID}" pid="${pid}" name="templateId"><vt:lpwstr>${value}</vt:lpwstr></property>`;
    zip.file(CUSTOM_PROPS, withoutOld.replace(/<\/Properties>\s*$/, `${prop}</Properties>`));
    return;
  }
  zip.file(
    CUSTOM_PROPS,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="${PROPS_NS}" xmlns:vt="${VT_NS}"><property fmtid="${FMTID}" pid="2" name="templateId"><vt:lpwstr>${value}</vt:lpwstr></property></Properties>`,
  );
  const types = zip.file('[Content_Types].xml')?.asText();
  if (types && !types.includes(`PartName="/${CUSTOM_PROPS}"`)) {
    zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${CUSTOM_PROPS}" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`));
  }
  const rels = zip.file('_rels/.rels')?.asText();
  if (rels && !rels.includes(CUSTOM_PROPS_REL)) {
    const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${CUSTOM_PROPS_REL}" Target="${CUSTOM_PROPS}"/></Relationships>`));
  }
}
