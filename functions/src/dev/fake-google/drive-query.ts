// The two small languages of Drive requests the fake has to understand: the `fields` selection
// and the `q` search.
import { HttpFailure } from './errors.ts';
import type { FakeDocument } from './types.ts';

// Drive `fields` selection: "id,webViewLink" or "files(id,webViewLink),nextPageToken".

type FieldTree = Map<string, FieldTree | null>;

export function parseFields(spec: string): FieldTree {
  let i = 0;
  const parseList = (): FieldTree => {
    const tree: FieldTree = new Map();
    while (i < spec.length) {
      let name = '';
      while (i < spec.length && !',()'.includes(spec[i]!)) name += spec[i++];
      name = name.trim();
      let sub: FieldTree | null = null;
      if (spec[i] === '(') {
        i++;
        sub = parseList();
        if (spec[i] !== ')') throw new HttpFailure(400, `Invalid field selection ${spec}`, 'invalidParameter');
        i++;
      }
      if (name) tree.set(name, sub);
      if (spec[i] === ',') {
        i++;
        continue;
      }
      if (spec[i] === ')' || i >= spec.length) break;
    }
    return tree;
  };
  const tree = parseList();
  if (i < spec.length) throw new HttpFailure(400, `Invalid field selection ${spec}`, 'invalidParameter');
  return tree;
}

export function select(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => select(v, tree));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of tree) {
    if (k === '*') return value;
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sub ? select(v, sub) : v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Drive `q`: conjunctions of the terms this project uses; anything else is a 400, as in Drive.

type Term =
  | { kind: 'appProperty'; key: string; value: string }
  | { kind: 'trashed'; value: boolean }
  | { kind: 'inParents'; id: string }
  | { kind: 'name'; value: string };

const QUOTED = String.raw`'((?:[^'\\]|\\.)*)'`;
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');

export function parseQuery(q: string): Term[] {
  const patterns: [RegExp, (m: RegExpExecArray) => Term][] = [
    [
      new RegExp(String.raw`^\s*appProperties\s+has\s+\{\s*key\s*=\s*${QUOTED}\s+and\s+value\s*=\s*${QUOTED}\s*\}`),
      (m) => ({ kind: 'appProperty', key: unquote(m[1]!), value: unquote(m[2]!) }),
    ],
    [/^\s*trashed\s*=\s*(true|false)/, (m) => ({ kind: 'trashed', value: m[1] === 'true' })],
    [new RegExp(String.raw`^\s*${QUOTED}\s+in\s+parents`), (m) => ({ kind: 'inParents', id: unquote(m[1]!) })],
    [new RegExp(String.raw`^\s*name\s*=\s*${QUOTED}`), (m) => ({ kind: 'name', value: unquote(m[1]!) })],
  ];
  const terms: Term[] = [];
  let rest = q;
  for (;;) {
    let matched = false;
    for (const [re, make] of patterns) {
      const m = re.exec(rest);
      if (m) {
        terms.push(make(m));
        rest = rest.slice(m[0].length);
        matched = true;
        break;
      }
    }
    if (!matched) throw new HttpFailure(400, `Invalid Value (fake q: ${q})`, 'invalid');
    if (/^\s*$/.test(rest)) return terms;
    const and = /^\s+and\s+/i.exec(rest);
    if (!and) throw new HttpFailure(400, `Invalid Value (fake q: ${q})`, 'invalid');
    rest = rest.slice(and[0].length);
  }
}

export function matches(doc: FakeDocument, terms: Term[]): boolean {
  return terms.every((t) => {
    switch (t.kind) {
      case 'appProperty':
        return doc.appProperties[t.key] === t.value;
      case 'trashed':
        return doc.trashed === t.value;
      case 'inParents':
        return doc.parents.includes(t.id);
      case 'name':
        return doc.name === t.value;
    }
  });
}
