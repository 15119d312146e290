// Local mail sender: each message becomes `<dir>/<safe key>.eml`, written at most once per key.
// The file is written under a temporary name and then hard-linked into place, so it appears
// complete or not at all, and two racing sends of one key leave exactly one message.
import { createHash } from 'node:crypto';
import { access, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MailMessage, MailSender } from '../documents/types.ts';
import { buildMime } from './mime.ts';

/** A file name for the key: itself when it is already safe, otherwise cleaned and suffixed with a hash. */
export function emlFileName(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 120);
  if (cleaned === key && cleaned.length > 0) return `${cleaned}.eml`;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);
  return `${cleaned}-${hash}.eml`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export function createLocalMailSender(opts: { dir: string }): MailSender {
  const dir = resolve(opts.dir);
  const pathFor = (key: string) => join(dir, emlFileName(key));

  return {
    async send(msg: MailMessage): Promise<{ id: string }> {
      const path = pathFor(msg.key);
      if (await exists(path)) return { id: path };
      await mkdir(dir, { recursive: true });
      const tmp = `${path}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, await buildMime(msg));
      try {
        await link(tmp, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        await unlink(tmp).catch(() => undefined);
      }
      return { id: path };
    },

    async findSent(key: string): Promise<{ id: string } | null> {
      const path = pathFor(key);
      return (await exists(path)) ? { id: path } : null;
    },
  };
}
