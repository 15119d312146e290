// Docs v1: documents.batchUpdate with replaceAllText, the one request the letters use.
import type { docs_v1 } from '@googleapis/docs';
import { HttpFailure } from './errors.ts';
import type { Handler } from './types.ts';

/** All requests of a batch are applied or none, as in Docs. */
export const handleDocs: Handler = (req, store) => {
  const m = req.method === 'POST' ? /^\/v1\/documents\/([^/:]+):batchUpdate$/.exec(req.path) : null;
  if (!m) return undefined;
  const id = decodeURIComponent(m[1]!);
  const doc = store.documents.get(id);
  if (!doc) throw new HttpFailure(404, `Requested entity was not found.`, 'notFound');
  const body = (req.body ?? {}) as docs_v1.Schema$BatchUpdateDocumentRequest;
  let text = doc.text;
  const replies: docs_v1.Schema$Response[] = [];
  for (const [i, r] of (body.requests ?? []).entries()) {
    const rat = r.replaceAllText;
    const needle = rat?.containsText?.text;
    if (!rat || Object.keys(r).length !== 1 || !needle) {
      throw new HttpFailure(400, `Invalid requests[${i}]: the fake knows replaceAllText with containsText.text only`);
    }
    const flags = rat.containsText?.matchCase ? 'g' : 'gi';
    const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
    const count = text.match(re)?.length ?? 0;
    text = text.replace(re, () => rat.replaceText ?? '');
    // Like the real API, a zero count is left out (proto3 JSON omits defaults).
    replies.push({ replaceAllText: count > 0 ? { occurrencesChanged: count } : {} });
  }
  doc.text = text;
  return { status: 200, json: { documentId: id, replies, writeControl: { requiredRevisionId: store.nextId('rev') } } };
};
