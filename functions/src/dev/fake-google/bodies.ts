// Request bodies as the clients send them: JSON, plain text, or a multipart/related media upload.
import type { IncomingHttpHeaders } from 'node:http';
import { HttpFailure } from './errors.ts';

function parseMultipart(raw: Buffer, contentType: string): { contentType: string; body: unknown }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new HttpFailure(400, 'multipart body without boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { contentType: string; body: unknown }[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    let part = raw.subarray(afterDelimiter, next);
    if (part.subarray(0, 2).toString() === '\r\n') part = part.subarray(2);
    if (part.subarray(part.length - 2).toString() === '\r\n') part = part.subarray(0, part.length - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = split === -1 ? '' : part.subarray(0, split).toString('utf8');
    const content = split === -1 ? part : part.subarray(split + 4);
    const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
    parts.push({
      contentType: type,
      body: type.startsWith('application/json') ? JSON.parse(content.toString('utf8')) : Buffer.from(content),
    });
    start = next;
  }
  return parts;
}

export function parseBody(raw: Buffer, headers: IncomingHttpHeaders): unknown {
  if (raw.length === 0) return undefined;
  const type = headers['content-type'] ?? '';
  if (type.startsWith('multipart/')) return parseMultipart(raw, type);
  const text = raw.toString('utf8');
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpFailure(400, 'Invalid JSON payload received.');
    }
  }
  return text;
}
