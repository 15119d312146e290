// Internal dispatch: the assignment letter (surat tugas) with its table of assignees, and the
// disposition sheet. Their wording follows the variant the SOP chose for the document.
import { formatNip, numberedLines, tanggalPanjang } from '../format.ts';
import { MAX_ASSIGNEES } from '../templates.ts';
import type { Builder, Helpers } from './helpers.ts';
import { bimtekTugas } from './programme.ts';
import { DASH } from './readers.ts';
import { kunjunganWaktu } from './visits.ts';

/** The assignee rows: one per person, up to the table's length; the rows after them are left without values (dropped). */
function assigneeRows(h: Helpers): Record<string, string> {
  const people = h.people('petugas').slice(0, MAX_ASSIGNEES);
  const rows = people.length ? people : [{ name: DASH }];
  const out: Record<string, string> = {};
  rows.forEach((p, i) => {
    out[`petugas_${i + 1}_nama`] = p.name;
    out[`petugas_${i + 1}_nip`] = p.nip ? formatNip(p.nip) : DASH;
    out[`petugas_${i + 1}_pangkat`] = p.pangkat?.trim() || DASH;
    out[`petugas_${i + 1}_jabatan`] = p.jabatan?.trim() || DASH;
  });
  return out;
}

/** What a visit of the mobile library (pusling) asks of its crew. */
function puslingTugas(h: Helpers, perubahan: boolean): { dasar: string; untuk: string } {
  const pengguna = h.instansi() ?? 'pengguna layanan';
  const lokasi = h.text('lokasi_kunjungan') ?? pengguna;
  const w = kunjunganWaktu(h);
  const atasan = h.signer().jabatan;
  return {
    dasar: numberedLines([
      `${h.ctx.case.sopTitle} pada ${h.ctx.agency.name};`,
      `${perubahan ? 'Perubahan rencana' : 'Rencana'} kunjungan perpustakaan keliling ke ${pengguna} yang telah disetujui ${atasan}.`,
    ]),
    untuk: numberedLines([
      `melaksanakan layanan perpustakaan keliling bagi ${pengguna} di ${lokasi} pada ${w.hariTanggal} pukul ${w.jam};`,
      'membawa Buku Besar dan surat tugas ini, mengisi buku tamu, serta meminta cap dan tanda tangan pengguna layanan sebagai laporan; dan',
      `melaksanakan tugas ini dengan penuh tanggung jawab dan melaporkan hasilnya kepada ${atasan}.`,
    ]),
  };
}

/** What a monitoring (monev) or coaching (pembinaan) round asks of its officers, on the schedule its notice announced. */
function monevTugas(h: Helpers, pembinaan: boolean): { dasar: string; untuk: string } {
  const jadwal = h.jadwalItems(h.slotList('jadwal'));
  const atasan = h.signer().jabatan;
  const kegiatan = pembinaan
    ? 'melaksanakan pembinaan dan pendampingan administrasi serta otomasi perpustakaan dalam rangka pengajuan akreditasi perpustakaan'
    : 'melaksanakan monitoring dan evaluasi penyelenggaraan perpustakaan terhadap Standar Nasional Perpustakaan';
  return {
    dasar: numberedLines([`${h.ctx.case.sopTitle} pada ${h.ctx.agency.name};`, ...h.dasar().map((d) => `${d}.`)]),
    untuk: numberedLines([
      `${kegiatan}${jadwal.length ? ` sesuai dengan jadwal: ${jadwal.join('; ')}` : ' sesuai dengan jadwal yang telah diberitahukan'};`,
      'membawa surat tugas ini dan tidak memungut biaya apa pun dari perpustakaan yang dikunjungi; dan',
      `melaksanakan tugas ini dengan penuh tanggung jawab dan melaporkan hasilnya kepada ${atasan}.`,
    ]),
  };
}

/** The "Dengan hormat harap" column: every choice the SOP offers, ticked where the superior chose it. */
function harap(h: Helpers): string {
  const chosen = new Set(h.slotList('harap'));
  const options = h.ctx.doc?.options?.['harap'];
  if (!options) return chosen.size ? [...chosen].join('\n') : DASH;
  return options.map((o) => `${chosen.has(o.value) ? '☑' : '☐'} ${o.label}`).join('\n');
}

export const assignmentBuilders: Record<string, Builder> = {
  surat_tugas(h) {
    const v = h.variant;
    const text =
      v === 'pusling' || v === 'pusling_perubahan'
        ? puslingTugas(h, v === 'pusling_perubahan')
        : v === 'monev' || v === 'pembinaan'
          ? monevTugas(h, v === 'pembinaan')
          : v === 'bimtek'
            ? bimtekTugas(h)
            : { dasar: numberedLines([`${h.ctx.case.sopTitle} pada ${h.ctx.agency.name}.`]), untuk: `melaksanakan tugas sesuai dengan ${h.ctx.case.sopTitle} dan melaporkan hasilnya kepada ${h.signer().jabatan}.` };
    // Trainers of a programme are not necessarily the issuing agency's employees.
    return { ...text, kepada_tugas: `${v === 'bimtek' ? 'pelatih' : 'pegawai'} yang namanya tercantum di bawah ini:`, ...assigneeRows(h) };
  },

  lembar_disposisi(h) {
    const { ctx } = h;
    const s = h.signer();
    const base = {
      tanggal_disposisi: tanggalPanjang(h.docDate(), h.zone),
      paraf: `${s.jabatan}\n${s.name}`,
      harap: harap(h),
      catatan: h.slot('catatan') ?? ctx.step.note ?? DASH,
    };
    if (h.variant === 'konsep_rencana' || h.variant === 'konsep_perubahan') {
      // An internal draft: it comes from, and goes back to, the section head it is forwarded to.
      const konsep = ctx.doc?.dasar[0] ? ctx.case.documents[ctx.doc.dasar[0]] : undefined;
      const diajukan = konsep?.at ? tanggalPanjang(konsep.at, h.zone) : tanggalPanjang(h.docDate(), h.zone);
      const kepada = h.kepada();
      return {
        ...base,
        surat_dari: kepada[0] ?? DASH,
        nomor_surat: 'Tanpa nomor (konsep)',
        tanggal_surat: diajukan,
        diterima_tanggal: diajukan,
        nomor_agenda: DASH,
        hal: `Konsep ${h.variant === 'konsep_perubahan' ? 'Perubahan ' : ''}Rencana Kunjungan Perpustakaan Keliling ke ${h.instansi() ?? 'Pengguna Layanan'}`,
        diteruskan_kepada: kepada.length ? numberedLines(kepada) : DASH,
      };
    }
    // An incoming letter asking to visit (permohonan_kunjungan), as registered at the front office.
    const pendamping = h.slotList('pendamping').map((n) => `${n} (Pustakawan Pendamping)`);
    const diminta = h.longDate(h.data('tanggal_kunjungan'));
    const kepada = [...h.kepada(), ...pendamping];
    return {
      ...base,
      surat_dari: h.instansi() ?? DASH,
      nomor_surat: h.slot('nomor_surat_masuk') ?? DASH,
      tanggal_surat: h.longDate(h.data(h.field('tanggal_surat_masuk'))) ?? DASH,
      diterima_tanggal: h.longDate(h.data('tanggal_diterima')) ?? tanggalPanjang(ctx.at, h.zone),
      nomor_agenda: h.text('nomor_agenda') ?? DASH,
      hal: `Permohonan Izin Kunjungan${diminta ? ` pada ${diminta}` : ''}`,
      diteruskan_kepada: kepada.length ? numberedLines(kepada) : DASH,
    };
  },
};
