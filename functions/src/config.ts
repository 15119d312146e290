// Every setting, parsed and checked in one place, with a message naming each missing value.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PublicKeys } from './auth/verify.ts';

export interface Config {
  projectId: string | undefined;
  /** Accepted `aud` values of ID tokens: the add-on's OAuth client ID (ScriptApp.getIdentityToken()). */
  audience: string[];
  /** Fixed signing keys instead of Google's certificates: only for the local emulator stack. */
  trustedKeys: PublicKeys | undefined;
  /** Pub/Sub topic that carries outbox notifications to the `worker` function. */
  outboxTopic: string;
  /**
   * Service-account key (JSON file, e.g. a mounted Secret Manager secret) with domain-wide
   * delegation for gmail.send and gmail.readonly: the worker sends as each agency's address.
   * Without it, letters are still rendered but e-mails are dead-lettered with a clear reason.
   */
  gmailKeyFile: string | undefined;
  /** Pace of Docs API writes and Gmail sends per minute (Google's per-user quotas: 60 each). */
  docsPerMinute: number;
  mailPerMinute: number;
}

export class ConfigError extends Error {}

const positive = (name: string, v: string | undefined, dflt: number, problems: string[]) => {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) problems.push(`${name} must be a positive number, got "${v}".`);
  return n;
};

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const audience = (env.AUTH_AUDIENCE ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (audience.length === 0) problems.push('AUTH_AUDIENCE is required: the OAuth client ID(s) whose ID tokens the API accepts (comma-separated).');
  let trustedKeys: PublicKeys | undefined;
  if (env.AUTH_TRUSTED_KEYS_FILE) {
    try {
      trustedKeys = z.record(z.string(), z.string().startsWith('-----BEGIN')).parse(JSON.parse(readFileSync(env.AUTH_TRUSTED_KEYS_FILE, 'utf8')));
    } catch (err) {
      problems.push(`AUTH_TRUSTED_KEYS_FILE (${env.AUTH_TRUSTED_KEYS_FILE}) must be a JSON object of key id -> PEM public key: ${(err as Error).message}`);
    }
    if (env.K_SERVICE && !env.FIRESTORE_EMULATOR_HOST) {
      problems.push('AUTH_TRUSTED_KEYS_FILE is for the local emulator stack; a deployed function verifies against Google\'s certificates.');
    }
  }
  const outboxTopic = env.OUTBOX_TOPIC ?? 'sop-outbox';
  if (!/^[A-Za-z][\w.~+%-]{2,254}$/.test(outboxTopic)) problems.push(`OUTBOX_TOPIC "${outboxTopic}" is not a valid Pub/Sub topic name.`);
  const docsPerMinute = positive('DOCS_PER_MINUTE', env.DOCS_PER_MINUTE, 60, problems);
  const mailPerMinute = positive('MAIL_PER_MINUTE', env.MAIL_PER_MINUTE, 60, problems);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return {
    projectId: env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT,
    audience,
    trustedKeys,
    outboxTopic,
    gmailKeyFile: env.GMAIL_KEY_FILE || undefined,
    docsPerMinute,
    mailPerMinute,
  };
}
