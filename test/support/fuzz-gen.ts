// Seeded generators of hostile and careless requests for the API fuzz test. Every POST they make is
// invalid by construction (a junk key, a wrong type, a bad id, a missing header...), so any state
// change during the run is a refused request that wrote something.

import { prng } from './prng.ts';

export { prng };
export type Rand = ReturnType<typeof prng>;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, max: number) => Math.floor(r() * max);

/** Strings people, browsers and attackers send. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'SD \ud800',
  '\udc00x',
  'a\u0000b',
  'line\nbreak',
  '\u202egnp.exe',
  'Rene\u0301',
  '=HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  '../../etc/passwd',
  '%2e%2e%2f',
  '__proto__',
  '__name__',
  'constructor',
  '𝕊𝔻 ℕ𝕖𝕘𝕖𝕣𝕚',
  '\uFEFF',
  'x'.repeat(501),
  'y'.repeat(10_001),
];

/** Path ids that are malformed, reserved or traversing. */
export const NASTY_IDS = ['__x__', '__proto__', '.', '..', '%2F', 'a%2Fb', 'A'.repeat(1501), 'constructor', 'x y', '%00', '%F0%9F%98%80', 'Ä', '-', 'prototype', 'a.b'];

const JUNK_KEYS = ['__proto__', '__x__', 'constructor', 'prototype', 'zz', '', '\ud800', 'a.b', 'a/b', 'k'.repeat(201)];

/** A random JSON value of bounded size; `depth` controls nesting. */
export function junkValue(r: Rand, depth = 3): unknown {
  const k = int(r, depth > 0 ? 9 : 6);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return pick(r, [0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 42]);
    case 3:
    case 4:
      return pick(r, NASTY_STRINGS);
    case 5:
      return String(int(r, 1000));
    case 6:
    case 7:
      return Array.from({ length: int(r, 4) }, () => junkValue(r, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = int(r, 4); i > 0; i--) o[pick(r, ['sop', 'type', 'step', 'data', 'name', 'title', 'x', 'month', 'reason'])] = junkValue(r, depth - 1);
      return o;
    }
  }
}

/** An object that cannot be valid anywhere: it always carries a key no schema knows. */
export function junkObject(r: Rand): Record<string, unknown> {
  const o = (junkValue(r, 3) ?? {}) as Record<string, unknown>;
  const base = typeof o === 'object' && !Array.isArray(o) ? o : {};
  return { ...base, [`junk_${int(r, 1e6)}`]: junkValue(r, 2) };
}

/** `[[[...]]]` nested `n` deep, as JSON text. */
export function deepJson(n: number): string {
  return `${'['.repeat(n)}${']'.repeat(n)}`;
}

/**
 * One invalid change to an otherwise valid body: each result is refused by the API whatever
 * the rest of the body says. Returns a body (object or raw JSON text) and a label.
 */
export function mutate(r: Rand, valid: Record<string, unknown>): { body: unknown; label: string } {
  const keys = Object.keys(valid);
  const key = keys.length ? pick(r, keys) : 'x';
  switch (int(r, 11)) {
    case 0:
      return { body: { ...valid, [pick(r, JUNK_KEYS)]: junkValue(r, 1), zz_unknown: 1 }, label: 'unknown key' };
    case 1:
      return { body: { ...valid, [key]: pick(r, [[], { a: 1 }, 12345, true]) }, label: `wrong type at ${key}` };
    case 2:
      return { body: JSON.stringify({ ...valid, [key]: 'x\ud800' }), label: `lone surrogate at ${key}` };
    case 3:
      return { body: { ...valid, [key]: `a\u0007b` }, label: `control character at ${key}` };
    case 4:
      return { body: `{"data":{"x":${deepJson(50 + int(r, 20_000))}}}`, label: 'deep nesting' };
    case 5:
      return { body: pick(r, ['[]', '"teks"', '42', 'null', '[{"sop":"pusling"}]', 'true']), label: 'body not an object' };
    case 6:
      return { body: JSON.stringify({ ...valid, pad: 'p'.repeat(300_000) }), label: 'body over 256 KiB' };
    case 7:
      return { body: `{"__proto__":{"admin":true},${JSON.stringify(valid).slice(1)}`, label: '__proto__ key' };
    case 8:
      return { body: pick(r, ['{"sop":', '{bukan json}', '\u0000', '{"a":1}}']), label: 'not JSON' };
    case 9:
      return { body: { ...valid, [`${key}\ud800`]: 1 }, label: 'lone surrogate in a key' };
    default:
      return { body: junkObject(r), label: 'junk object' };
  }
}
