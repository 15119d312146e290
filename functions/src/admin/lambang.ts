// `npm run admin -- upload-logo <agencyId> <file.png>`: the agency's lambang daerah for the kop of
// its letters. One PNG, stored where each renderer takes it from:
//   - a copy in <localDir>/<agencyId>.png (.local/lambang), which the local .docx renderer reads;
//   - when the agency has its Google Drive folder (upload-templates): the PNG in that folder, and the
//     template Docs uploaded again with the image in their kop (the previous ones go to the trash),
//     so Google Docs letters carry it without a request more per letter;
//   - agency.letterhead.logo: the PNG's SHA-256 and its Drive file id, from which upload-templates
//     embeds it again later.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { drive_v3 } from '@googleapis/drive';
import { readPng } from '../documents/docx/png.ts';
import { downloadLambang, trashFiles, uploadDocxTemplates, uploadLambang } from '../documents/google.ts';
import type { Agency } from '../model/records.ts';
import type { Store } from '../model/store.ts';

export interface LambangDeps {
  store: Pick<Store, 'agency' | 'putAgency'>;
  /** Drive as the person running the command; only used when the agency has a Drive folder. */
  drive: () => drive_v3.Drive;
  /** templateId -> .docx path of the templates to upload. */
  templateFiles: Record<string, string>;
  /** Where the local renderer finds each agency's lambang (.local/lambang). */
  localDir: string;
}

/** The local renderer's copy of an agency's lambang, or null when none was uploaded. */
export async function localLambang(localDir: string, agencyId: string): Promise<Buffer | null> {
  try {
    return await readFile(join(localDir, `${agencyId}.png`));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function agencyOrThrow(store: LambangDeps['store'], agencyId: string): Promise<Agency & { letterhead: NonNullable<Agency['letterhead']> }> {
  const agency = await store.agency(agencyId);
  if (!agency) throw new Error(`agency ${agencyId} does not exist (put-agency first)`);
  if (!agency.letterhead) throw new Error(`agency ${agencyId} has no letterhead yet (put-agency with one first)`);
  return { ...agency, letterhead: agency.letterhead };
}

/** Installs `png` as the agency's lambang daerah; returns what was stored. */
export async function installLambang(deps: LambangDeps, agencyId: string, png: Buffer): Promise<{ sha256: string; driveFileId: string | null; templates: number }> {
  readPng(png);
  const agency = await agencyOrThrow(deps.store, agencyId);
  const sha256 = createHash('sha256').update(png).digest('hex');
  await mkdir(deps.localDir, { recursive: true });
  await writeFile(join(deps.localDir, `${agencyId}.png`), png);
  const { id: _id, ...rest } = agency;
  if (!agency.google) {
    await deps.store.putAgency(agencyId, { ...rest, letterhead: { ...agency.letterhead, logo: { sha256 } } });
    return { sha256, driveFileId: null, templates: 0 };
  }
  const drive = deps.drive();
  const { folderId } = agency.google;
  const driveFileId = await uploadLambang({ drive, folderId, agencyId, png });
  const templates = await uploadDocxTemplates({ drive, folderId, files: deps.templateFiles, lambang: png });
  await deps.store.putAgency(agencyId, { ...rest, google: { folderId, templates }, letterhead: { ...agency.letterhead, logo: { sha256, driveFileId } } });
  // Only once the agency points at the new Docs: a failure before leaves the old ones in use.
  await trashFiles({ drive, fileIds: Object.values(agency.google.templates).filter((id) => !Object.values(templates).includes(id)) });
  return { sha256, driveFileId, templates: Object.keys(templates).length };
}

/** The lambang the agency's templates should carry: its file in Drive, checked against the recorded SHA-256; null when it has none. */
export async function agencyLambang(drive: drive_v3.Drive, agency: Agency): Promise<Buffer | null> {
  const logo = agency.letterhead?.logo;
  if (!logo?.driveFileId) return null;
  const png = await downloadLambang({ drive, fileId: logo.driveFileId });
  const sha256 = createHash('sha256').update(png).digest('hex');
  if (sha256 !== logo.sha256) throw new Error(`the lambang daerah in Drive (${logo.driveFileId}) is not the one recorded for ${agency.id}: run upload-logo again`);
  return png;
}
