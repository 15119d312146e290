// `npm run admin -- import-sop <file> [--title "..."] [--id <sopId>] [--table <n>] [--agency <id> [--publish]]`:
// the importer on a file. The draft definition goes to stdout as JSON (one table: the definition;
// several: an array), the review list to stderr, exit 0 when a valid draft was produced. With
// --agency the agency's roles and SOPs are read (headers take its role ids, a table naming one of its
// SOPs becomes its next version); with --publish the draft is validated and stored as that version.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import { letterProblems, TEMPLATES } from '../documents/templates.ts';
import { importForAgency, type AgencyImport } from '../sop/import/agency.ts';
import { ImportError, MAX_DOCX_BYTES, type ImportedSop, type ReviewItem } from '../sop/import/index.ts';
import { importSop } from '../sop/import/index.ts';
import { loadDefinition } from '../sop/schema.ts';
import { createFirestoreStore } from '../store/firestore.ts';

const USAGE = 'usage: import-sop <file> [--title "..."] [--id <sopId>] [--table <n>] [--agency <agencyId> [--publish]]';

function options(args: string[]): { file: string; flags: Map<string, string | true> } {
  const flags = new Map<string, string | true>();
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--publish') flags.set('publish', true);
    else if (['--title', '--id', '--table', '--agency'].includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      flags.set(a.slice(2), v);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (file === undefined) file = a;
    else throw new Error(`one file only\n${USAGE}`);
  }
  if (!file) throw new Error(USAGE);
  return { file, flags };
}

export const templateChoices = () => Object.values(TEMPLATES).map((t) => ({ id: t.id, title: t.title }));

function reviewLines(d: ImportedSop): string[] {
  const head = `Tabel ${d.table}: ${d.definition.title} (${d.definition.id}, ${d.definition.steps.length} langkah, dari ${d.inputKind}) - ${d.review.length} hal perlu diperiksa:`;
  return [head, ...d.review.map((r: ReviewItem) => `  ${r.step !== undefined ? `[langkah ${r.step}] ` : ''}${r.path} ${r.field}: "${r.read}" - ${r.reason}${r.alternatives?.length ? ` (pilihan lain: ${r.alternatives.join(', ')})` : ''}`)];
}

/** Runs the command; returns the exit code (0: a valid draft; 1: refused or failed). */
export async function importSopCommand(args: string[]): Promise<number> {
  const { file, flags } = options(args);
  const agencyId = flags.get('agency');
  if (flags.get('publish') && typeof agencyId !== 'string') throw new Error(`--publish needs --agency <agencyId>\n${USAGE}`);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`Berkas ${file} tidak ditemukan.`);
    return 1;
  }
  if (size > MAX_DOCX_BYTES) {
    console.error(`Berkas terlalu besar (${(size / 1048576).toFixed(1)} MB; paling besar ${MAX_DOCX_BYTES / 1048576} MB).`);
    return 1;
  }
  const bytes = new Uint8Array(readFileSync(file));
  const opts = {
    sourceName: basename(file),
    templates: templateChoices(),
    ...(typeof flags.get('title') === 'string' ? { title: flags.get('title') as string } : {}),
    ...(typeof flags.get('id') === 'string' ? { id: flags.get('id') as string } : {}),
  };
  const db = typeof agencyId === 'string' ? new Firestore(process.env.GOOGLE_CLOUD_PROJECT ? { projectId: process.env.GOOGLE_CLOUD_PROJECT } : {}) : null;
  try {
    let drafts: (ImportedSop | AgencyImport)[];
    try {
      if (db && typeof agencyId === 'string') {
        const store = createFirestoreStore(db);
        if (!(await store.agency(agencyId))) {
          console.error(`Dinas ${agencyId} tidak ada.`);
          return 1;
        }
        drafts = importForAgency({ kind: 'bytes', bytes }, opts, await store.activeDefinitions(agencyId));
      } else drafts = importSop({ kind: 'bytes', bytes }, opts);
    } catch (e) {
      if (e instanceof ImportError) {
        console.error(`${e.message} [${e.code}]`);
        return 1;
      }
      throw e;
    }
    const table = flags.get('table');
    if (typeof table === 'string') {
      const pick = drafts.find((d) => d.table === Number(table));
      if (!pick) {
        console.error(`Tabel ${table} tidak ada; berkas ini berisi ${drafts.length} tabel.`);
        return 1;
      }
      drafts = [pick];
    }
    // The importer applies --title and --id only to a file of one table; with --table, to the one picked.
    const title = flags.get('title');
    const id = flags.get('id');
    if (drafts.length === 1 && (typeof title === 'string' || typeof id === 'string')) {
      const d = drafts[0]!;
      drafts = [{ ...d, definition: loadDefinition({ ...d.definition, ...(typeof title === 'string' ? { title } : {}), ...(typeof id === 'string' ? { id } : {}) }) }];
    }
    for (const d of drafts) {
      console.error(reviewLines(d).join('\n'));
      const letters = letterProblems(d.definition);
      if (letters.length) {
        console.error(letters.join('\n'));
        return 1;
      }
    }
    const defs = drafts.map((d) => d.definition);
    if (flags.get('publish') && db && typeof agencyId === 'string') {
      if (drafts.length > 1) {
        console.error(`Berkas berisi ${drafts.length} tabel: pilih satu dengan --table <n> untuk diterbitkan.`);
        return 1;
      }
      const stored = await createFirestoreStore(db).publishDefinition(agencyId, defs[0]!);
      console.error(`Diterbitkan: ${stored.id} versi ${stored.version} untuk ${agencyId}; kasus yang sedang berjalan tetap pada versinya.`);
      console.log(JSON.stringify(stored, null, 2));
      return 0;
    }
    console.log(JSON.stringify(defs.length === 1 ? defs[0] : defs, null, 2));
    return 0;
  } finally {
    await db?.terminate();
  }
}
