// Valid answers to a partner form, as a partner would type them: for tests, the benchmark and the
// local form pages. Dates are a week ahead, so "not in the past" holds.
import type { PartnerForm, Question } from '../forms/schema.ts';

export function sampleAnswer(q: Question, now = new Date()): string {
  const ahead = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  switch (q.kind) {
    case 'short':
      return q.to.some((t) => t.startsWith('partner.name')) ? 'SD Negeri 1 Paringin' : 'Jl. Jend. A. Yani No. 5';
    case 'paragraph':
      return 'Kami ingin memperkenalkan perpustakaan kepada siswa kelas 4–6.\nMohon dukungan koleksi bacaan anak.';
    case 'list':
      return 'Laskar Pelangi\nBumi Manusia\nBuku cerita anak';
    case 'email':
      return 'mitra@sekolah.example.org';
    case 'phone':
      return '+62 812 3456 7890';
    case 'integer':
      return '25';
    case 'date':
      return ahead;
    case 'time':
      return '09:30';
    case 'datetime':
      return `${ahead} 09:30`;
    case 'url':
      return 'https://drive.example.org/surat-permohonan.pdf';
    case 'choice':
      return q.options![0]!.value;
    case 'reference':
      return '';
  }
}

/** Every question answered (the reference left for the caller to fill). */
export function sampleAnswers(form: PartnerForm, now = new Date()): Record<string, string[]> {
  return Object.fromEntries(form.questions.filter((q) => q.kind !== 'reference').map((q) => [q.id, [sampleAnswer(q, now)]]));
}
