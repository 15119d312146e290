// The catalog of SOPs transcribed from the seed documents. Each definition is plain data, parsed here
// with loadDefinition so that a broken definition fails when the module loads, not in a user's case.
import { loadDefinition, type SopDefinition } from '../schema.ts';
import { burt } from './burt.ts';
import { kitapun } from './kitapun.ts';
import { kunjungan } from './kunjungan.ts';
import { pks } from './pks.ts';
import { pusling } from './pusling.ts';
import { referensi } from './referensi.ts';
import { pengaduan } from './pengaduan.ts';

export const CATALOG: SopDefinition[] = [pusling, referensi, pks, kunjungan, burt, kitapun].map((raw) => loadDefinition(raw));

/**
 * SOPs the service standards add beside the seed transcriptions (the complaint handling KITAPUN's
 * standard promises): installed with the catalog, not part of the seed check.
 */
export const SERVICE_SOPS: SopDefinition[] = [pengaduan].map((raw) => loadDefinition(raw));

const byId = new Map([...CATALOG, ...SERVICE_SOPS].map((d) => [d.id, d]));

/** The catalog definition with this id; throws when the catalog has none (a programming error). */
export function catalogById(id: string): SopDefinition {
  const def = byId.get(id);
  if (!def) throw new Error(`Katalog SOP tidak memuat SOP "${id}"`);
  return def;
}
