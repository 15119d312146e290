// The importer on a table no seed has (another agency's membership service): other header words
// (No., Uraian Kegiatan, Persyaratan/Kelengkapan, Ket.), one header row, actor marks kept in the
// Pelaksana columns (√), the applicant as an outside performer, a check that returns the file.
import { describe, expect, it } from 'vitest';
import { importSop } from '../../functions/src/sop/import/index.ts';

const TABLE = [
  'SOP PELAYANAN KEANGGOTAAN PERPUSTAKAAN',
  'No.\tUraian Kegiatan\tPemohon\tPetugas Layanan\tKepala Seksi Layanan\tPersyaratan/Kelengkapan\tWaktu\tOutput\tKet.',
  '1.\tMengisi formulir pendaftaran anggota\t√\t\t\tFormulir pendaftaran, KTP\t5 menit\tFormulir terisi\t',
  '2.\tMemeriksa kelengkapan berkas, jika lengkap, diteruskan untuk dicetak, jika tidak, dikembalikan kepada pemohon\t\t√\t\tFormulir terisi, KTP\t5 menit\tBerkas lengkap\t',
  '3.\tMencetak kartu anggota\t\t√\t\tKomputer, printer, blangko kartu\t10 menit\tKartu anggota\t',
  '4.\tMenandatangani kartu anggota\t\t\t√\tKartu anggota\t2 menit\tKartu anggota ditandatangani\tBila kepala seksi berhalangan, oleh pejabat yang ditunjuk',
  '5.\tMenyerahkan kartu kepada pemohon\t\tv\t\tKartu anggota\t2 jam\tKartu diterima pemohon\t',
].join('\n');

describe("importer: another agency's table", () => {
  it('reads marks as actors (not flagged), outsiders as performers, the return loop, keterangan and waktu', () => {
    const [d] = importSop({ kind: 'text', text: TABLE });
    const def = d!.definition;
    expect(def.title).toBe('SOP PELAYANAN KEANGGOTAAN PERPUSTAKAAN');
    expect(def.roles.map((r) => [r.id, r.relation ?? null])).toEqual([
      ['petugas_layanan', null],
      ['kasi_layanan', null],
    ]);
    expect(def.steps.map((s) => [s.no, s.kind, s.actors, s.performer])).toEqual([
      [1, 'process', ['petugas_layanan'], 'partner'],
      [2, 'decision', ['petugas_layanan'], 'staff'],
      [3, 'process', ['petugas_layanan'], 'staff'],
      [4, 'process', ['kasi_layanan'], 'staff'],
      [5, 'terminator', ['petugas_layanan'], 'staff'],
    ]);
    expect(def.steps[1]).toMatchObject({ ifYes: { to: 3 }, ifNo: { to: 1 } });
    expect(def.steps[3]!.keterangan).toMatch(/berhalangan/);
    expect(def.steps[2]!.kelengkapan.map((k) => k.type)).toEqual(['office', 'office', 'checklist']);
    // Marked actors are read, not guessed: only the recorder of the applicant's step is flagged.
    expect(d!.review.filter((r) => r.field === 'actors')).toEqual([]);
    expect(d!.review.some((r) => r.field === 'kelengkapan' && r.read === 'blangko kartu')).toBe(true);
  });
});
