// The idempotency key rule: one key per user action, the same key when a submission whose answer
// was lost is sent again.
import type { ApiError } from '../../contract.ts';

export function newKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Outside a secure context (preview opened over a LAN address) randomUUID is missing.
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One key per submit attempt. After a NETWORK failure the request may have arrived, so resending
 * the very same submission reuses its key (the API then answers with the first result instead
 * of acting twice). Any other outcome ends the attempt.
 */
export class KeyKeeper {
  private pending: { fingerprint: string; key: string } | null = null;
  private readonly make: () => string;
  constructor(make: () => string = newKey) {
    this.make = make;
  }
  keyFor(fingerprint: string): string {
    if (this.pending && this.pending.fingerprint === fingerprint) return this.pending.key;
    this.pending = { fingerprint, key: this.make() };
    return this.pending.key;
  }
  settle(error: ApiError | null): void {
    if (!error || error.code !== 'NETWORK') this.pending = null;
  }
}
