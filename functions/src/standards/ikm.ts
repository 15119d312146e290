// Indeks Kepuasan Masyarakat (IKM) as Permenpan-RB 14/2017 defines it: nine elements (unsur),
// each answered 1 to 4; per element the mean (NRR), weighted equally (1/9); the IKM is their
// weighted sum, its conversion (x 25) the index from 25 to 100, banded A-D. Pure: no I/O.
import type { IkmElement, IkmResult } from '../contract.ts';

export const UNSUR = [
  'Persyaratan',
  'Sistem, mekanisme, dan prosedur',
  'Waktu penyelesaian',
  'Biaya/tarif',
  'Produk spesifikasi jenis pelayanan',
  'Kompetensi pelaksana',
  'Perilaku pelaksana',
  'Penanganan pengaduan, saran, dan masukan',
  'Sarana dan prasarana',
] as const;

/**
 * The questionnaire of the regulation's appendix, per element in UNSUR's order: the question and
 * the four answers from 1 (worst) to 4 (best), each element with its own wording.
 */
export const KUESIONER: readonly { tanya: string; skala: readonly [string, string, string, string] }[] = [
  { tanya: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', skala: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  { tanya: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', skala: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'] },
  { tanya: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', skala: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'] },
  { tanya: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', skala: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  { tanya: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?', skala: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  { tanya: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', skala: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'] },
  { tanya: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', skala: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'] },
  { tanya: 'Bagaimana pendapat Saudara tentang penanganan pengaduan, saran dan masukan pengguna layanan?', skala: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'] },
  { tanya: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', skala: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
];

/**
 * The bands of the converted index (Nilai Interval Konversi), Permenpan-RB 14/2017: the index is
 * rounded to two decimals first, so every value falls in one band.
 */
export const MUTU = [
  { from: 88.31, mutu: 'A', kinerja: 'Sangat baik' },
  { from: 76.61, mutu: 'B', kinerja: 'Baik' },
  { from: 65.0, mutu: 'C', kinerja: 'Kurang baik' },
  { from: 25.0, mutu: 'D', kinerja: 'Tidak baik' },
] as const;

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function bandOf(index: number): { mutu: 'A' | 'B' | 'C' | 'D'; kinerja: string } {
  const r = round(index, 2);
  const b = MUTU.find((m) => r >= m.from) ?? MUTU[MUTU.length - 1]!;
  return { mutu: b.mutu, kinerja: b.kinerja };
}

/** The IKM of these responses (each nine answers 1-4); null index without responses. */
export function computeIkm(responses: { answers: number[] }[]): Pick<IkmResult, 'responses' | 'elements' | 'ikm' | 'index' | 'mutu' | 'kinerja'> {
  const n = responses.length;
  const elements: IkmElement[] = UNSUR.map((unsur, i) => {
    const sum = responses.reduce((s, r) => s + r.answers[i]!, 0);
    const nrr = n ? sum / n : null;
    return { no: i + 1, unsur, sum, nrr: nrr === null ? null : round(nrr, 4), nrrTertimbang: nrr === null ? null : round(nrr / UNSUR.length, 4) };
  });
  if (n === 0) return { responses: 0, elements, ikm: null, index: null, mutu: null, kinerja: null };
  // Unrounded: the weighted sum of the element means (equal weights 1/9).
  const ikm = responses.reduce((s, r) => s + r.answers.reduce((a, b) => a + b, 0), 0) / (n * UNSUR.length);
  const index = round(ikm * 25, 2);
  return { responses: n, elements, ikm: round(ikm, 4), index, ...bandOf(index) };
}
