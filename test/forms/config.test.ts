// The partner-form settings: both or neither of FORMS_SECRET and PUBLIC_URL, a secret long enough
// to sign links, an https URL of the api, a valid topic; each mistake named in one message.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/src/config.ts';

const base = { AUTH_AUDIENCE: 'x.apps.googleusercontent.com' };
const secret = 'r'.repeat(40);
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
    return '';
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
};

describe('partner form settings', () => {
  it('neither: no partner links; both: signed links to the api URL; the default topic', () => {
    expect(loadConfig(base)).toMatchObject({ forms: undefined, formsTopic: 'sop-forms' });
    expect(loadConfig({ ...base, FORMS_SECRET: secret, PUBLIC_URL: 'https://asia-southeast2-p.cloudfunctions.net/api/' }).forms).toEqual({ secret, publicUrl: 'https://asia-southeast2-p.cloudfunctions.net/api' });
    expect(loadConfig({ ...base, FORMS_TOPIC: 'projects/my-project/topics/sop-forms' }).formsTopic).toBe('projects/my-project/topics/sop-forms');
  });

  it('each mistake is named', () => {
    expect(problems({ FORMS_SECRET: secret })).toMatch(/PUBLIC_URL is required/);
    expect(problems({ PUBLIC_URL: 'https://x.example/api' })).toMatch(/FORMS_SECRET is required/);
    expect(problems({ FORMS_SECRET: 'pendek', PUBLIC_URL: 'https://x.example/api' })).toMatch(/at least 32 characters \(it has 6\)/);
    expect(problems({ FORMS_SECRET: secret, PUBLIC_URL: 'http://x.example/api' })).toMatch(/must be the https URL/);
    expect(problems({ FORMS_SECRET: secret, PUBLIC_URL: 'https://x.example/api?a=1' })).toMatch(/without a query/);
    expect(problems({ FORMS_TOPIC: 'bad topic!' })).toMatch(/FORMS_TOPIC "bad topic!" is not a valid/);
    expect(loadConfig({ ...base, FORMS_SECRET: secret, PUBLIC_URL: 'http://127.0.0.1:8080' }).forms?.publicUrl).toBe('http://127.0.0.1:8080');
  });
});
