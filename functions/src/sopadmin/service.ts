// Importing an agency's SOP tables through the API: the preview (the importer's draft with its review
// list and the changes against the version in use) and the publication of the reviewed definition as
// the SOP's next version. Only the agency's SOP administrators may do either: staff holding a role
// that may cancel cases of the SOP (its supervisors), or of any of the agency's SOPs for a new one.
import type * as Api from '../contract.ts';
import type { Caller } from '../cases/service.ts';
import type { DirectoryStore, SetupStore } from '../model/store.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import type { ImportSource } from '../sop/import/index.ts';
import { sopDefinitionSchema, type SopDefinition } from '../sop/schema.ts';

type Store = Pick<DirectoryStore, 'activeDefinitions'> & Pick<SetupStore, 'publishDefinition'>;

// The importer (pizzip for .docx) and the letter templates load on the first import, not with the
// api: a cold start serving cases never pays for them.
const importer = () => Promise.all([import('../sop/import/agency.ts'), import('../sop/import/index.ts'), import('../documents/templates.ts'), import('../forms/index.ts'), import('../forms/schema.ts')]);
const templatesOf = (TEMPLATES: Record<string, { id: string; title: string }>) => Object.values(TEMPLATES).map((t) => ({ id: t.id, title: t.title }));

function refuse(message: string, path = 'definition'): never {
  throw new DomainFailure(domainError('INVALID_INPUT', message, [{ path, message }]));
}

/** What a reviewer calls the fields of a step, for refusals of an edited draft. */
const STEP_FIELDS: Record<string, string> = {
  no: 'nomor',
  activity: 'kegiatan',
  actors: 'pelaksana',
  next: 'langkah berikutnya',
  ifYes: 'cabang YA',
  ifNo: 'cabang TIDAK',
  question: 'pertanyaan keputusan',
  branchFrom: 'cabang dari',
  kelengkapan: 'kelengkapan',
  waktu: 'waktu',
  output: 'output',
  produces: 'dokumen yang dibuat',
  outcome: 'hasil akhir',
};

/**
 * Where a schema issue is, as the review shows it: "Langkah 7, cabang TIDAK" rather than the array
 * index (the reviewer numbers steps by their `no`, and after a removal the two differ).
 */
function whereIs(definition: unknown, path: PropertyKey[]): string {
  if (path[0] === 'startStep') return 'Langkah awal';
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return path.length ? `Definisi (${path.map(String).join('.')})` : 'Definisi';
  const steps = (definition as { steps?: unknown }).steps;
  const step = Array.isArray(steps) ? (steps[path[1]] as { no?: unknown } | undefined) : undefined;
  const no = step && typeof step === 'object' && typeof step.no === 'number' ? `Langkah ${step.no}` : `Langkah ke-${path[1] + 1} dalam daftar`;
  const field = typeof path[2] === 'string' ? (STEP_FIELDS[path[2]] ?? path[2]) : undefined;
  const item = path[2] === 'kelengkapan' && typeof path[3] === 'number' ? ` butir ${path[3] + 1}` : '';
  return field ? `${no}, ${field}${item}` : no;
}

/** An administrator of `current` (or, for a new SOP, of any SOP of the agency). */
function checkAdmin(c: Caller, defs: SopDefinition[], current: SopDefinition | null): void {
  const allowed = new Set((current ? [current] : defs).flatMap((d) => d.cancelRoles));
  if (!c.actor.roles.some((r) => allowed.has(r))) {
    throw new DomainFailure(
      domainError('WRONG_ROLE', current ? `Hanya pengelola SOP "${current.title}" (peran yang boleh membatalkan kasusnya) yang dapat mengimpor dan menerbitkannya.` : 'Hanya pengelola SOP dinas (peran yang boleh membatalkan kasus) yang dapat mengimpor SOP baru.'),
    );
  }
}

export function createSopImportService(store: Store) {
  return {
    async preview(c: Caller, body: Api.SopImportPreviewRequest): Promise<Api.SopImportPreviewResponse> {
      const given = (['text', 'rows', 'docxBase64'] as const).filter((k) => body[k] !== undefined);
      if (given.length !== 1) refuse('Kirim tepat satu sumber: text (teks tabel yang ditempel), rows (rentang Sheets) atau docxBase64 (berkas .docx).', given.length ? given.join(',') : 'text');
      const defs = await store.activeDefinitions(c.agency.id);
      checkAdmin(c, defs, body.sopId ? (defs.find((d) => d.id === body.sopId) ?? null) : null);
      const [{ importForAgency }, { ImportError }, { TEMPLATES }] = await importer();
      const templates = () => templatesOf(TEMPLATES);
      let source: ImportSource;
      if (body.text !== undefined) source = { kind: 'text', text: body.text };
      else if (body.rows !== undefined) source = { kind: 'rows', rows: body.rows };
      else source = { kind: 'bytes', bytes: new Uint8Array(Buffer.from(body.docxBase64!, 'base64')) };
      try {
        const drafts = importForAgency(source, { templates: templates(), sourceName: body.docxBase64 ? 'berkas .docx' : body.rows ? 'rentang Sheets' : 'teks tempel', ...(body.title ? { title: body.title } : {}), ...(body.sopId ? { id: body.sopId } : {}) }, defs);
        for (const d of drafts) checkAdmin(c, defs, d.current);
        return {
          drafts: drafts.map((d) => ({
            table: d.table,
            inputKind: d.inputKind,
            definition: d.definition,
            review: d.review,
            current: d.current ? { id: d.current.id, version: d.current.version, title: d.current.title } : null,
            diff: d.diff,
            templates: templates(),
          })),
        };
      } catch (e) {
        if (e instanceof ImportError) throw new DomainFailure(domainError('INVALID_INPUT', e.message, [{ path: given[0]!, message: e.message }]));
        throw e;
      }
    },

    async publish(c: Caller, body: Api.SopImportPublishRequest, key: string): Promise<Api.SopImportPublishResponse> {
      const parsed = sopDefinitionSchema.safeParse(body.definition);
      if (!parsed.success) {
        const fields = parsed.error.issues.slice(0, 50).map((i) => ({ path: ['definition', ...i.path.map(String)].join('.'), message: `${whereIs(body.definition, i.path)}: ${i.message}` }));
        throw new DomainFailure(domainError('INVALID_INPUT', `Definisi SOP tidak valid: ${fields.map((f) => f.message).join('; ')}`, fields));
      }
      const [{ diffDefinitions }, , { letterProblems }, { partnerForms }, { checkForm }] = await importer();
      const defs = await store.activeDefinitions(c.agency.id);
      const current = defs.find((d) => d.id === parsed.data.id) ?? null;
      checkAdmin(c, defs, current);
      // A new version keeps the code its cases are numbered by.
      const def = current ? { ...parsed.data, code: current.code } : parsed.data;
      const letters = letterProblems(def);
      if (letters.length) refuse(`Templat surat tidak dikenal: ${letters.join('; ')}`, 'definition.steps');
      const known = new Set(defs.flatMap((d) => d.roles.map((r) => r.id)));
      const newRoles = def.roles.filter((r) => !known.has(r.id)).map((r) => r.id);
      const diff = diffDefinitions(current, { ...def, version: (current?.version ?? 0) + 1 });
      // Said before and after publishing, never blocking: the forms are changed with create-forms.
      const formProblems = partnerForms()
        .filter((f) => f.sopId === def.id)
        .flatMap((f) => {
          const p = checkForm(f, def);
          return p.length ? [`Formulir mitra "${f.title}" tidak lagi cocok: ${p.slice(0, 3).join('; ')}${p.length > 3 ? ` (dan ${p.length - 3} lagi)` : ''}. Kirimannya akan ditolak sampai formulir diperbarui.`] : [];
        });
      if (body.dryRun) return { id: def.id, version: (current?.version ?? 0) + 1, title: def.title, published: false, diff, newRoles, formProblems };
      const stored = await store.publishDefinition(c.agency.id, def, `${c.actor.email}:${key}`);
      return { id: stored.id, version: stored.version, title: stored.title, published: true, diff, newRoles, formProblems };
    },
  };
}

export type SopImportService = ReturnType<typeof createSopImportService>;
