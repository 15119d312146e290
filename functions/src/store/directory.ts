// Agencies, staff, SOP definitions and holidays: read on almost every request and changed only by
// set-up, so agencies and holidays are cached for a minute and definition versions (immutable)
// for the life of the instance. Set-up writes go through here too, and clear what they change.
import type { Firestore } from '@google-cloud/firestore';
import { agencySchema, formLinkSchema, holidaysSchema, sopHeadSchema, sopVersionSchema, staffSchema, type Agency, type FormLink, type Staff } from '../model/records.ts';
import type { DirectoryStore, SetupStore, StoreStats } from '../model/store.ts';
import { corruptDocument } from '../sop/errors.ts';
import { loadDefinition, type SopDefinition } from '../sop/schema.ts';
import { parseSnap, plain, type Paths } from './paths.ts';

const CACHE_MS = 60_000;

export function createDirectory(db: Firestore, p: Paths, stats: StoreStats, now: () => number): DirectoryStore & SetupStore {
  const agencies = new Map<string, { at: number; agency: Agency | null }>();
  const definitions = new Map<string, SopDefinition>();
  let holidayCache: { at: number; dates: string[]; years: number[] } | undefined;

  async function holidayLists(): Promise<{ dates: string[]; years: number[] }> {
    if (holidayCache && now() - holidayCache.at < CACHE_MS) return holidayCache;
    const snap = await p.holidays().get();
    stats.reads += Math.max(1, snap.size);
    const lists = snap.docs.map((d) => ({ year: Number(d.id), ...parseSnap(holidaysSchema, d) }));
    holidayCache = { at: now(), dates: lists.flatMap((l) => [...l.dates, ...l.cutiBersama]), years: lists.map((l) => l.year).filter(Number.isInteger) };
    return holidayCache;
  }

  async function definition(agencyId: string, sopId: string, version?: number): Promise<SopDefinition | null> {
    let v = version;
    if (v === undefined) {
      const head = await p.sops(agencyId).doc(sopId).get();
      stats.reads++;
      if (!head.exists) return null;
      v = parseSnap(sopHeadSchema, head).activeVersion;
    }
    const key = `${agencyId}/${sopId}/${v}`;
    const cached = definitions.get(key);
    if (cached) return cached;
    const snap = await p.sopVersion(agencyId, sopId, v).get();
    stats.reads++;
    if (!snap.exists) return null;
    let def: SopDefinition;
    try {
      def = loadDefinition(parseSnap(sopVersionSchema, snap).definition);
    } catch (err) {
      throw corruptDocument(snap.ref.path, err instanceof Error ? err.message.split('\n').slice(0, 4).join(' ') : String(err));
    }
    definitions.set(key, def);
    return def;
  }

  return {
    async agency(agencyId) {
      const hit = agencies.get(agencyId);
      if (hit && now() - hit.at < CACHE_MS) return hit.agency;
      const snap = await p.agency(agencyId).get();
      stats.reads++;
      const value = snap.exists ? { ...parseSnap(agencySchema, snap), id: agencyId } : null;
      agencies.set(agencyId, { at: now(), agency: value });
      return value;
    },

    async holidays() {
      return (await holidayLists()).dates;
    },

    async holidayYears() {
      return (await holidayLists()).years;
    },

    async staff(agencyId, email) {
      const snap = await p.staff(agencyId, email).get();
      stats.reads++;
      return snap.exists ? parseSnap(staffSchema, snap) : null;
    },

    async memberships(email) {
      const snap = await db.collectionGroup('staff').where('email', '==', email.toLowerCase()).get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => ({ agencyId: d.ref.parent.parent!.id, staff: parseSnap(staffSchema, d) as Staff }));
    },

    definition,

    async activeDefinitions(agencyId) {
      const heads = await p.sops(agencyId).get();
      const defs = await Promise.all(heads.docs.map((h) => definition(agencyId, h.id, parseSnap(sopHeadSchema, h).activeVersion)));
      return defs.filter((d): d is SopDefinition => d !== null).sort((a, b) => a.title.localeCompare(b.title, 'id'));
    },

    async putAgency(agencyId, agency) {
      await p.agency(agencyId).set(plain(agencySchema.parse(agency)));
      agencies.delete(agencyId);
    },

    async putStaff(agencyId, member) {
      const s = staffSchema.parse({ ...member, email: member.email.toLowerCase() });
      await p.staff(agencyId, s.email).set(plain(s));
    },

    async putHolidays(year, dates, more = {}) {
      const all = [...dates, ...(more.cutiBersama ?? [])];
      const bad = all.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || !d.startsWith(`${year}-`) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d);
      if (bad.length) throw new Error(`holidays for ${year}: not dates of that year (yyyy-mm-dd): ${bad.join(', ')}`);
      await p.holidays().doc(String(year)).set({ dates: [...new Set(dates)].sort(), cutiBersama: [...new Set(more.cutiBersama ?? [])].sort(), ...(more.source ? { source: more.source } : {}) });
      holidayCache = undefined;
    },

    async addAgencyHolidays(agencyId, dates) {
      const bad = dates.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d);
      if (bad.length) throw new Error(`not dates (yyyy-mm-dd): ${bad.join(', ')}`);
      const merged = await db.runTransaction(async (tx) => {
        const snap = await tx.get(p.agency(agencyId));
        if (!snap.exists) throw new Error(`agency ${agencyId} does not exist`);
        const all = [...new Set([...parseSnap(agencySchema, snap).extraHolidays, ...dates])].sort();
        tx.update(snap.ref, { extraHolidays: all });
        return all;
      });
      agencies.delete(agencyId);
      return merged;
    },

    async putAgencyForm(agencyId, formId, form) {
      const entry = agencySchema.shape.forms.unwrap().valueType.parse(form);
      await db.runTransaction(async (tx) => {
        const snap = await tx.get(p.agency(agencyId));
        if (!snap.exists) throw new Error(`agency ${agencyId} does not exist`);
        const before = parseSnap(agencySchema, snap).forms[formId];
        if (before && before.googleFormId !== entry.googleFormId) tx.delete(p.formLink(before.googleFormId));
        const link: FormLink = formLinkSchema.parse({ googleFormId: entry.googleFormId, agencyId, formId });
        tx.set(p.formLink(entry.googleFormId), link);
        // Our form ids are [a-z0-9_], so the dotted path names exactly one map entry.
        tx.update(snap.ref, { [`forms.${formId}`]: plain(entry) });
      });
      agencies.delete(agencyId);
    },

    async publishDefinition(agencyId, def, key) {
      const head = p.sops(agencyId).doc(def.id);
      return db.runTransaction(async (tx) => {
        const h = await tx.get(head);
        if (key && h.exists && h.get('publishKey') === key) return (await definition(agencyId, def.id, parseSnap(sopHeadSchema, h).activeVersion))!;
        const version = (h.exists ? parseSnap(sopHeadSchema, h).activeVersion : 0) + 1;
        const stored = loadDefinition({ ...def, version });
        // create(): two publishes racing for one version number cannot both write it.
        tx.create(p.sopVersion(agencyId, def.id, version), { definition: plain(stored) });
        tx.set(head, { activeVersion: version, title: stored.title, code: stored.code, ...(key ? { publishKey: key } : {}) });
        return stored;
      });
    },

    async installDefinitions(agencyId, defs) {
      for (const def of defs) {
        const head = p.sops(agencyId).doc(def.id);
        await db.runTransaction(async (tx) => {
          const [h, v] = await Promise.all([tx.get(head), tx.get(p.sopVersion(agencyId, def.id, def.version))]);
          if (!v.exists) tx.create(v.ref, { definition: plain(def) });
          const active = h.exists ? parseSnap(sopHeadSchema, h).activeVersion : 0;
          if (def.version > active) tx.set(head, { activeVersion: def.version, title: def.title, code: def.code });
        });
      }
    },
  };
}
