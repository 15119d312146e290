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
  /** Pub/Sub topic the Forms watches publish to (`sop-forms`, or a full projects/P/topics/T name). */
  formsTopic: string;
  /**
   * Partner forms: the secret that signs case references in prefilled links and status links, and
   * the public URL of the `api` function those links point at. Both or neither; the `intake`
   * function and the forms part of `sweep` need them.
   */
  forms: { secret: string; publicUrl: string } | undefined;
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
  const formsTopic = env.FORMS_TOPIC || 'sop-forms';
  if (!/^(projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/topics\/)?[A-Za-z][\w.~+%-]{2,254}$/.test(formsTopic)) {
    problems.push(`FORMS_TOPIC "${formsTopic}" is not a valid Pub/Sub topic name (a name like sop-forms, or projects/PROJECT/topics/NAME).`);
  }
  const forms = formsSettings(env, problems);
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
    formsTopic,
    forms,
  };
}

function formsSettings(env: NodeJS.ProcessEnv, problems: string[]): Config['forms'] {
  const secret = env.FORMS_SECRET || undefined;
  const publicUrl = env.PUBLIC_URL || undefined;
  if (!secret && !publicUrl) return undefined;
  if (!secret) problems.push('FORMS_SECRET is required with PUBLIC_URL: a random secret of at least 32 characters that signs the case references in partner links (e.g. `openssl rand -base64 48`, kept in Secret Manager).');
  else if (secret.length < 32) problems.push(`FORMS_SECRET must be at least 32 characters (it has ${secret.length}): it signs the case references in partner links.`);
  let url: URL | null = null;
  try {
    url = publicUrl ? new URL(publicUrl) : null;
  } catch {
    /* reported below */
  }
  const local = url !== null && url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname);
  if (!publicUrl) problems.push('PUBLIC_URL is required with FORMS_SECRET: the public URL of the api function (https://REGION-PROJECT.cloudfunctions.net/api), which status links in receipts point at.');
  else if (!url || (url.protocol !== 'https:' && !local) || url.search || url.hash) problems.push(`PUBLIC_URL "${publicUrl}" must be the https URL of the api function, without a query.`);
  return secret && publicUrl && !problems.some((p) => p.startsWith('FORMS_SECRET') || p.startsWith('PUBLIC_URL')) ? { secret, publicUrl: publicUrl.replace(/\/+$/, '') } : undefined;
}
