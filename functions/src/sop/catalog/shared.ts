// Kelengkapan the letters of several SOPs ask for, in one wording: a letter's sifat, its
// recipient's jabatan, the staff a surat tugas assigns, the disposition's "harap" choices.
import type { Kelengkapan } from '../schema.ts';

type DataItem = Extract<Kelengkapan, { type: 'data' }>;

/** Sifat naskah dinas (Permendagri 1/2023): its security class or how fast it must be handled. */
export const SIFAT_OPTIONS = ['Biasa', 'Segera', 'Sangat Segera', 'Penting', 'Terbatas', 'Rahasia'].map((v) => ({ value: v, label: v }));

/** What a disposition asks of the one it is forwarded to (the "Dengan hormat harap" column). */
export const HARAP_OPTIONS = [
  { value: 'tanggapan', label: 'Tanggapan dan saran' },
  { value: 'proses', label: 'Proses lebih lanjut' },
  { value: 'koordinasi', label: 'Koordinasikan/konfirmasikan' },
  { value: 'jawaban', label: 'Siapkan jawaban' },
  { value: 'laksanakan', label: 'Untuk dilaksanakan' },
  { value: 'hadiri', label: 'Hadiri/wakili' },
  { value: 'diketahui', label: 'Untuk diketahui' },
  { value: 'arsip', label: 'Arsipkan' },
];

/** A letter's sifat; left empty it is Biasa. */
export function sifat(id: string, what = 'surat'): DataItem {
  return { type: 'data', id, label: `Sifat ${what} (kosongkan bila biasa)`, dataType: 'text', optional: true, options: SIFAT_OPTIONS };
}

/** The jabatan a letter is addressed to (or a partner signs as), offered from the institution named in `from`. */
export function jabatanPimpinan(id: string, from: string, label = 'Jabatan penerima surat (Yth. ...), misalnya Kepala SD Negeri 1 Paringin'): DataItem {
  return { type: 'data', id, label, dataType: 'text', suggest: { pimpinanOf: from } };
}

/** Staff a surat tugas assigns, one per line: their e-mail or their name as in the staff directory. */
export function petugas(id: string, label: string, optional = false): DataItem {
  return { type: 'data', id, label: `${label} (e-mail atau nama pegawai, satu per baris)`, dataType: 'list', maxItems: 10, ...(optional ? { optional } : {}) };
}

/** The disposition's "harap" choices; none ticked leaves every box empty. */
export function harap(id: string): DataItem {
  return { type: 'data', id, label: 'Dengan hormat harap (pilih satu atau lebih)', dataType: 'list', optional: true, options: HARAP_OPTIONS };
}
