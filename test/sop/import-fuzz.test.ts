// The importer never fails otherwise than with an ImportError (a 500 in the API would be our bug):
// seeded mutations of the seed texts and of .docx-like rows (lines dropped, duplicated and swapped,
// tabs and words inserted, cells emptied, numbering broken, stray Unicode) either give drafts that
// validate as definitions or a refusal with a stable code and an Indonesian message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSop, ImportError } from '../../functions/src/sop/import/index.ts';
import { loadDefinition } from '../../functions/src/sop/schema.ts';
import { prng } from '../support/prng.ts';

const seed = (f: string) => readFileSync(new URL(`../../../shared/seeds/${f}`, import.meta.url), 'utf8');
const SOURCES = [seed('001_a09e96108cb6be02.txt'), seed('002_13bacb4177748aad.txt'), seed('004_2beeee5828519a3a.txt')];
const JUNK = ['\t', '\t\t', ' jika ya, ', ' jika tidak, dikembalikan ', 'memerintahkan kasi ', '√', '1.', '0', '999', '"', '""', '|', '- ', 'Waktu', 'KEGIATAN', 'NO', '\u00a0', '\u200b', 'é', '𝔸', '—', 'menit', 'l jam', 'kepada Kepala Dinas'];
const ROUNDS = Number(process.env.IMPORT_FUZZ_ROUNDS ?? 200);

function mutate(text: string, r: () => number): string {
  let lines = text.split('\n');
  const n = 1 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(r() * lines.length);
    const op = Math.floor(r() * 7);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[Math.floor(r() * lines.length)] ?? '');
    else if (op === 2) [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length]!, lines[i]!];
    else if (op === 3) {
      const l = lines[i] ?? '';
      const at = Math.floor(r() * (l.length + 1));
      lines[i] = l.slice(0, at) + JUNK[Math.floor(r() * JUNK.length)] + l.slice(at);
    } else if (op === 4) lines[i] = (lines[i] ?? '').split('\t').map((c) => (r() < 0.3 ? '' : c)).join('\t');
    else if (op === 5) lines[i] = (lines[i] ?? '').replace(/^\s*\d+/, String(Math.floor(r() * 20)));
    else lines = lines.slice(Math.floor(r() * lines.length / 2));
  }
  return lines.join('\n');
}

describe('importer fuzz', () => {
  it(`${ROUNDS} mutated seed texts: a valid draft or an ImportError, nothing else`, () => {
    const r = prng(Number(process.env.FUZZ_SEED ?? 14));
    const codes = new Map<string, number>();
    let drafts = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const text = mutate(SOURCES[i % SOURCES.length]!, r);
      try {
        for (const d of importSop({ kind: 'text', text })) {
          loadDefinition(d.definition);
          drafts++;
        }
        for (const d of importSop({ kind: 'rows', rows: text.split('\n').map((l) => l.split('\t')) })) loadDefinition(d.definition);
      } catch (e) {
        if (!(e instanceof ImportError)) throw new Error(`round ${i}: ${(e as Error).stack}\n--- input ---\n${text.slice(0, 3000)}`);
        expect(e.message.length).toBeGreaterThan(10);
        codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
      }
    }
    console.log(`impor fuzz: ${drafts} draf valid; penolakan ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(drafts).toBeGreaterThan(ROUNDS / 2);
  }, 120_000);
});
