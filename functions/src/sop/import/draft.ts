// A read table turned into a draft definition of the catalog's schema, with the review list of
// everything the importer is unsure of. Nothing is dropped: text that fits no field goes to the
// step's keterangan and to the review list.
import { parseWaktu } from '../waktu.ts';
import { sopDefinitionSchema, type Kelengkapan, type ProducedDocument, type SopDefinitionInput } from '../schema.ts';
import { z } from 'zod';
import { inferActors, subjectPhrase, type StepText } from './actors.ts';
import { decidesWithoutBranches, decisionTargets, exitLabel, questionOf, splitBranches, type Branches, type FlowStep } from './decisions.ts';
import { dataTypeOf, kindIsSure, kindOf, outputKind, splitItems, splitOutput } from './kelengkapan.ts';
import { roleLabelsFromSubjects, rolesFromHeaders, type ImportRole } from './roles.ts';
import { capitalize, clean, norm, overlap, slug, stems, truncate, uniqueId } from './text.ts';
import { ImportError, type ImportOptions, type ImportedSop, type RawTable, type ReviewItem } from './types.ts';

const DEFAULT_TEMPLATE = 'surat_dinas';

/** Two document names name the same document: the shorter's content words are (nearly) all in the longer. */
export function sameDocument(a: string, b: string): boolean {
  const sa = [...new Set(stems(a))];
  const sb = [...new Set(stems(b))];
  if (!sa.length || !sb.length) return false;
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  const need = short.length >= 3 ? short.length - 1 : short.length;
  return overlap(short, long) >= need;
}

/** A letter named inside a branch ("dibuatkan surat balasan permintaan pergantian waktu kunjungan"). */
function letterIn(clause: string): string | null {
  const m = /\b(surat|nota dinas|undangan|laporan|lembar disposisi|sertifikat|berita acara)\b(.*)$/i.exec(clause);
  if (!m) return null;
  const tail = m[2]!.split(/\s+/);
  const kept: string[] = [];
  for (const w of tail) {
    const bare = w.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (/^(serta|dan|untuk|kepada|yang|sesuai|maka|dengan|oleh)$/.test(bare) || /^(me|di|ber)[a-z]{4,}$/.test(bare)) break;
    kept.push(w);
    if (/[,;.]$/.test(w)) break;
  }
  return clean(`${m[1]} ${kept.join(' ')}`).replace(/[,;.]+$/, '');
}

function templateSuggestion(label: string, templates: { id: string; title: string }[]): string[] {
  return templates
    .map((t) => ({ t, n: overlap(stems(label), stems(t.title)) }))
    .filter((x) => x.n >= 2 || (x.n >= 1 && stems(x.t.title).length <= 2))
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((x) => x.t.id);
}

function codeOf(title: string): string {
  const ws = norm(title)
    .replace(/\b(prosedur|standar|operasional|sop|layanan|pelayanan|perpustakaan|dan|untuk|di|ke|dari|yang|pembuatan|surat)\b/g, ' ')
    .match(/[a-z0-9]+/g);
  const code = (ws ?? ['SOP']).slice(0, 2).join('-').toUpperCase().slice(0, 20);
  return /^[A-Z]/.test(code) ? code : `SOP-${code}`;
}

function idOf(title: string): string {
  const ws = norm(title)
    .replace(/\b(prosedur|standar|operasional|sop|dan|untuk|di|ke|dari|yang)\b/g, ' ')
    .match(/[a-z0-9]+/g);
  return slug((ws ?? ['sop']).slice(0, 4).join('_'), 48);
}

export function draftFromTable(t: RawTable, tableNo: number, opts: ImportOptions = {}): ImportedSop {
  const review: ReviewItem[] = [];
  const templates = opts.templates ?? [{ id: DEFAULT_TEMPLATE, title: 'Surat Dinas' }];
  if (!t.steps.length) throw new ImportError('NO_STEPS', `Tabel ${tableNo}${t.title ? ` (${t.title})` : ''} tidak berisi baris langkah bernomor (1, 2, 3, ...).`);

  // Steps in order; duplicate numbers renumbered (and said).
  const seen = new Set<number>();
  const raws = [...t.steps];
  raws.forEach((r, i) => {
    if (seen.has(r.no) || (i > 0 && r.no <= raws[i - 1]!.no)) {
      const to = Math.max(...seen) + 1;
      review.push({ path: `steps.${i}.no`, step: to, field: 'step', read: String(r.no), reason: `Nomor langkah ${r.no} ganda atau tidak urut; dijadikan ${to}.` });
      r.no = to;
    }
    seen.add(r.no);
  });

  // Without Pelaksana columns, the roles are those the activities name as their subjects.
  const fromSubjects = !t.roleHeaders.length;
  const headers = fromSubjects ? roleLabelsFromSubjects(t.steps.map((s) => subjectPhrase(clean(s.activity)))) : t.roleHeaders;
  if (fromSubjects) {
    t.steps.forEach((s) => (s.marks = headers.map(() => '')));
    if (headers.length) review.push({ path: 'roles', field: 'roles', read: headers.join('; '), reason: 'Tabel tidak punya kolom Pelaksana: peran diambil dari pelaku yang disebut di uraian kegiatan.' });
  }
  const roles: ImportRole[] = rolesFromHeaders(headers, opts.knownRoles);
  const staff = roles.filter((r) => !r.external);
  if (!staff.length) throw new ImportError('NO_TABLE', 'Tidak ada kolom Pelaksana dari pegawai dinas (misalnya Kepala Bidang, Kasi, Petugas): pelaksana setiap langkah tidak dapat ditentukan.');
  for (const r of roles) {
    if (r.external) review.push({ path: 'roles', field: 'roles', read: r.label, reason: `Dianggap ${r.external === 'partner' ? 'mitra/pengguna layanan' : 'instansi lain'} di luar dinas: langkahnya dicatat oleh pegawai, tanpa akun.` });
    else if (!r.known && opts.knownRoles?.length) review.push({ path: 'roles', field: 'roles', read: r.label, reason: `Peran baru "${r.id}": belum dipegang pegawai mana pun; tetapkan di daftar pegawai atau pilih peran yang ada.` });
  }

  if (!t.columns.waktu) review.push({ path: 'steps', field: 'waktu', read: t.serviceWaktu ?? '', reason: `Sumber tidak memberi waktu per langkah${t.serviceWaktu ? `; standar pelayanan ${t.serviceWaktu} dicatat untuk SOP` : ''}: langkah tanpa batas waktu sampai diisi.` });
  const activities = raws.map((r, i) => {
    const a = clean(r.activity);
    if (a) return a;
    review.push({ path: `steps.${i}.activity`, step: r.no, field: 'text', read: '', reason: 'Kolom Kegiatan langkah ini kosong di tabel; isi uraian kegiatannya.' });
    return '(uraian kegiatan kosong di tabel)';
  });
  const branches: (Branches | null)[] = activities.map(splitBranches);
  // A step that decides without writing its branches, followed by the step that carries them out.
  const branchFrom = new Map<number, number>();
  activities.forEach((a, i) => {
    if (decidesWithoutBranches(a) && branches[i + 1] && !branches[i]) branchFrom.set(i + 1, i);
  });
  const isDecision = (i: number) => !!branches[i] || [...branchFrom.values()].includes(i);

  const texts: StepText[] = raws.map((r, i) => ({ no: r.no, activity: activities[i]!, marks: r.marks, decision: isDecision(i) }));
  const readings = inferActors(texts, roles);
  const byId = new Map(roles.map((r) => [r.id, r]));
  // Steps done by outsiders are recorded by staff: those of the step before, or after for the first.
  const staffActors: string[][] = readings.map((rd) => rd.performers.filter((id) => !byId.get(id)?.external));
  for (let i = 0; i < raws.length; i++) if (!staffActors[i]!.length) for (let k = i - 1; k >= 0 && !staffActors[i]!.length; k--) staffActors[i] = [...staffActors[k]!];
  for (let i = raws.length - 1; i >= 0; i--) if (!staffActors[i]!.length) staffActors[i] = [...(staffActors[i + 1] ?? [staff[0]!.id])];

  const flow: FlowStep[] = raws.map((r, i) => ({ no: r.no, activity: activities[i]!, branches: branches[i]!, actors: staffActors[i]! }));

  // Documents: what each step produces, then each step's kelengkapan linked to them.
  const docIds = new Set<string>();
  const known: { id: string; label: string; at: number }[] = [];
  const kelIdsByLabel = new Map<string, string>();
  const steps: SopDefinitionInput['steps'] = [];

  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    const path = `steps.${i}`;
    const rd = readings[i]!;
    const ext = rd.performers.map((id) => byId.get(id)!).find((x) => x.external);
    const keterangan: string[] = [];
    if (clean(r.keterangan)) keterangan.push(clean(r.keterangan));

    // Actors.
    let actorNote: string | undefined;
    if (!rd.marked) {
      actorNote = `Disimpulkan: ${rd.reason}.${ext ? ` Dilakukan oleh ${ext.label} (di luar dinas); dicatat oleh ${staffActors[i]!.map((id) => byId.get(id)!.label).join(', ')}.` : ''}`;
      review.push({ path: `${path}.actors`, step: r.no, field: 'actors', read: rd.performers.map((id) => byId.get(id)?.label ?? id).join(', ') || '(tidak ada)', reason: `Tanda pelaksana tidak ada di tabel; ${rd.reason}.`, alternatives: rd.alternatives });
    }

    // Kelengkapan.
    const kel: Kelengkapan[] = [];
    const kelIds = new Set<string>();
    const items = splitItems(r.kelengkapan);
    const outputs = splitOutput(r.output);
    for (const item of items) {
      const kind = kindOf(item);
      if (!kindIsSure(item)) review.push({ path: `${path}.kelengkapan`, step: r.no, field: 'kelengkapan', read: item, reason: 'Jenis kelengkapan tidak dikenali dari kata-katanya; dianggap daftar periksa (checklist). Ubah bila dokumen, data atau alat kantor.' });
      if (kind === 'document') {
        const mine = outputs.find((o) => outputKind(o) && sameDocument(o, item));
        const earlier = [...known].reverse().find((d) => sameDocument(d.label, item));
        let id: string;
        let source: 'input' | 'case' | 'produced';
        if (ext) {
          source = 'input';
          id = earlier?.id ?? slug(item);
        } else if (mine && !earlier) {
          source = 'produced';
          id = slug(mine);
        } else if (earlier) {
          source = 'case';
          id = earlier.id;
        } else {
          source = 'input';
          id = slug(item);
        }
        if (kelIds.has(id)) {
          review.push({ path: `${path}.kelengkapan`, step: r.no, field: 'kelengkapan', read: item, reason: 'Disebut dua kali di langkah ini; digabung menjadi satu butir.' });
          continue;
        }
        kelIds.add(id);
        kel.push({ type: 'document', id, label: item, source });
        if (source === 'input') known.push({ id, label: item, at: i });
        continue;
      }
      const key = `${kind}:${norm(item)}`;
      const id = kelIdsByLabel.get(key) ?? slug(item);
      if (kelIds.has(id)) {
        review.push({ path: `${path}.kelengkapan`, step: r.no, field: 'kelengkapan', read: item, reason: 'Disebut dua kali di langkah ini; digabung menjadi satu butir.' });
        continue;
      }
      kelIds.add(id);
      kelIdsByLabel.set(key, id);
      if (kind === 'data') kel.push({ type: 'data', id, label: item, dataType: dataTypeOf(item) });
      else kel.push({ type: kind, id, label: item });
    }

    // Standard time.
    const waktuRaw = clean(r.waktu) || null;
    const w = parseWaktu(waktuRaw);
    if (waktuRaw === null && t.columns.waktu) review.push({ path: `${path}.waktu`, step: r.no, field: 'waktu', read: '', reason: 'Kolom Waktu kosong: langkah ini tanpa batas waktu.' });
    else if (!w.recognized) review.push({ path: `${path}.waktu`, step: r.no, field: 'waktu', read: waktuRaw ?? '', reason: 'Waktu tidak terbaca: disimpan apa adanya, langkah ini tanpa batas waktu sampai diperbaiki.' });

    // Produced documents: letters and records the Output names, once (a step receiving one produces none).
    const b = branches[i];
    const produces: ProducedDocument[] = [];
    const yesDocs: ProducedDocument[] = [];
    const noDocs: ProducedDocument[] = [];
    const mkDoc = (label: string): ProducedDocument => {
      const kind = outputKind(label);
      const base = slug(label);
      const id = kel.find((k) => k.type === 'document' && k.source === 'produced' && sameDocument(k.label, label))?.id ?? base;
      docIds.add(id);
      const template = kind === 'letter' ? DEFAULT_TEMPLATE : null;
      const alternatives = templateSuggestion(label, templates).filter((x) => x !== template);
      review.push({
        path: `${path}.produces.${id}`,
        step: r.no,
        field: 'produces',
        read: label,
        reason: kind === 'letter' ? `Dibuat dengan templat umum Surat Dinas; pilih templat lain bila sesuai.` : 'Catatan/rencana, bukan surat: tanpa templat. Pilih templat bila perlu dicetak.',
        ...(alternatives.length ? { alternatives } : {}),
      });
      return { id, label: capitalize(label), template };
    };
    const receives = /^(menerima|mengambil)\b/i.test(activities[i]!) && !b;
    const prevOutput = norm(raws[i - 1]?.output ?? '');
    if (!ext) {
      const yesLetter = b ? letterIn(b.yes) : null;
      const noLetter = b ? letterIn(b.no) : null;
      if (yesLetter) yesDocs.push(mkDoc(yesLetter));
      if (noLetter) noDocs.push(mkDoc(noLetter));
      for (const o of outputs) {
        if (!outputKind(o)) continue;
        if ([...yesDocs, ...noDocs].some((d) => sameDocument(d.label, o))) continue;
        const before = known.some((d) => d.at < i && sameDocument(d.label, o));
        if ((receives && before) || (norm(r.output) === prevOutput && before)) continue;
        const d = mkDoc(o);
        if (b) yesDocs.push(d);
        else produces.push(d);
      }
      for (const d of [...produces, ...yesDocs, ...noDocs]) if (!known.some((k) => k.id === d.id)) known.push({ id: d.id, label: d.label, at: i });
    }

    // Text the table gave this step outside its columns.
    for (const e of r.extra) keterangan.push(e);
    for (const u of t.unplaced.filter((u) => u.afterStep === r.no)) {
      keterangan.push(`Teks di bawah langkah ini pada sumber: ${u.text}`);
      review.push({ path: `${path}.keterangan`, step: r.no, field: 'text', read: u.text, reason: 'Teks ini tidak termasuk kolom mana pun; disimpan di keterangan langkah ini. Pindahkan atau hapus bila tidak perlu.' });
    }
    for (const e of r.extra) review.push({ path: `${path}.keterangan`, step: r.no, field: 'text', read: e, reason: 'Teks di luar kolom yang dikenal; disimpan di keterangan.' });
    for (const n of r.notes) review.push({ path: `${path}`, step: r.no, field: 'text', read: truncate(clean(r.activity), 80), reason: capitalize(n) + '.' });

    const base = {
      no: r.no,
      activity: activities[i]!,
      actors: staffActors[i]!,
      ...(actorNote ? { actorNote } : {}),
      ...(ext ? { performer: ext.external!, performerLabel: ext.label } : {}),
      kelengkapan: kel,
      waktu: waktuRaw,
      output: clean(r.output) || null,
      produces,
      ...(keterangan.length ? { keterangan: keterangan.join('\n') } : {}),
    };
    const next = raws[i + 1]?.no;
    if (b || [...branchFrom.values()].includes(i)) {
      if (b) {
        const tg = decisionTargets(flow, i);
        const from = branchFrom.get(i);
        steps.push({
          ...base,
          kind: 'decision',
          question: questionOf(b, activities[i]!),
          ifYes: { to: tg.yes, label: exitLabel('yes', b.yes), produces: yesDocs },
          ifNo: { to: tg.no, label: exitLabel('no', b.no), produces: noDocs, ...(tg.no === 'END' ? { outcome: capitalize(b.no || 'Selesai') } : {}) },
          ...(from !== undefined ? { branchFrom: raws[from]!.no } : {}),
        });
        review.push({
          path: `${path}.ifYes`,
          step: r.no,
          field: 'decision',
          read: `YA -> ${tg.yes}; TIDAK -> ${tg.no}`,
          reason: `Keputusan dibaca dari "jika ${b.yesWord} ... jika tidak ...": ${tg.yesReason}; ${tg.noReason}.${tg.sure ? '' : ' Tidak pasti: periksa tujuan cabang.'}${from !== undefined ? ` Cabang mengikuti keputusan langkah ${raws[from]!.no}.` : ''}`,
          ...(tg.alternatives.length ? { alternatives: tg.alternatives } : {}),
        });
      } else {
        // Decides here; the next step carries the branches out.
        steps.push({ ...base, kind: 'decision', question: `${capitalize(truncate(activities[i]!, 150))}: diterima?`, ifYes: { to: next!, label: 'YA', produces: [] }, ifNo: { to: next!, label: 'TIDAK', produces: [] } });
        review.push({ path: `${path}.ifYes`, step: r.no, field: 'decision', read: `YA -> ${next}; TIDAK -> ${next}`, reason: `Langkah ini memberi keputusan tanpa menulis cabangnya; cabangnya dijalankan langkah ${next}.` });
      }
    } else if (next !== undefined) {
      steps.push({ ...base, kind: 'process', next });
    } else {
      steps.push({ ...base, kind: 'terminator', outcome: clean(r.output) || 'Selesai' });
    }
  }

  // Text outside every step (before the table): kept in the review, never silently dropped.
  for (const u of t.unplaced.filter((u) => u.afterStep === null)) review.push({ path: 'preamble', field: 'text', read: u.text, reason: 'Teks di luar tabel; tidak dimasukkan ke langkah mana pun.' });

  const title = clean(opts.title ?? t.title ?? '') || `SOP impor tabel ${tableNo}`;
  if (!opts.title && !t.title) review.push({ path: 'title', field: 'title', read: '', reason: 'Judul SOP tidak ditemukan di atas tabel; beri judul.' });
  const direct = staff.filter((r) => r.rank === 4);
  const rolesOut = roles
    .filter((r) => !r.external)
    .map((r) => {
      const knownRole = opts.knownRoles?.find((k) => k.id === r.id);
      const relation = knownRole?.relation ?? (r.rank === 5 ? 'head' : r.rank === 4 ? 'direct' : r.rank === 3 && direct.length ? 'indirect' : undefined);
      const reportsTo = relation === 'indirect' ? (knownRole?.reportsTo && direct.some((d) => d.id === knownRole.reportsTo) ? knownRole.reportsTo : direct[0]?.id) : undefined;
      return {
        id: r.id,
        label: r.label,
        ...(r.jabatan ? { jabatan: r.jabatan } : {}),
        ...(relation && (relation !== 'indirect' || reportsTo) ? { relation } : {}),
        ...(relation === 'indirect' && reportsTo ? { reportsTo } : {}),
      };
    });
  const supervisors = staff.filter((r) => r.rank >= 3).map((r) => r.id);
  const raw: SopDefinitionInput = {
    id: opts.id ?? idOf(title),
    version: opts.version ?? 1,
    title,
    code: opts.code ?? codeOf(title),
    source: `impor: ${opts.sourceName ?? 'teks tempel'}, tabel ${tableNo}`,
    legalBasis: t.legalBasis,
    warnings: t.warnings,
    ...(t.serviceWaktu ? { serviceStandard: { waktu: t.serviceWaktu } } : {}),
    roles: rolesOut,
    startStep: raws[0]!.no,
    cancelRoles: supervisors.length ? supervisors : staff.map((r) => r.id),
    steps,
  };
  const parsed = sopDefinitionSchema.safeParse(raw);
  if (!parsed.success) throw new ImportError('INVALID_DRAFT', `Draf SOP dari tabel ${tableNo} tidak valid:\n${z.prettifyError(parsed.error)}`);
  void docIds;
  return { definition: parsed.data, review, inputKind: t.inputKind, table: tableNo };
}
