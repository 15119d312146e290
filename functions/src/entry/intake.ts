// The `intake` function's wiring (and the forms part of `sweep`): the Forms API client on the
// functions' own credentials, the form service that records responses, and the topic the watches
// publish to. The service account reads the forms because create-forms puts them in the agency's
// Drive folder, which is shared with it.
import { forms } from '@googleapis/forms';
import { GoogleAuth } from 'google-auth-library';
import { createApp } from '../app.ts';
import { ConfigError } from '../config.ts';
import { createGoogleForms } from '../forms/google.ts';
import { createFormIntake } from '../forms/intake.ts';
import { config, notifyOutbox, programmes, store } from './runtime.ts';

if (!config.forms) {
  throw new ConfigError('Invalid configuration:\n- FORMS_SECRET and PUBLIC_URL are required by the intake function and the forms part of sweep (see README, "Partner forms").');
}

const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/forms.body.readonly', 'https://www.googleapis.com/auth/forms.responses.readonly'] });
const app = createApp({ store, programmes, auth: { audience: config.audience }, notify: notifyOutbox, forms: config.forms });

let topic: Promise<string> | undefined;
/** FORMS_TOPIC as the full name watches need; the project is the functions' own. */
const topicName = () =>
  (topic ??= config.formsTopic.startsWith('projects/')
    ? Promise.resolve(config.formsTopic)
    : (config.projectId ? Promise.resolve(config.projectId) : auth.getProjectId()).then((p) => `projects/${p}/topics/${config.formsTopic}`));

export const intake = createFormIntake({ store, forms: app.forms!, google: createGoogleForms({ forms: forms({ version: 'v1', auth }) }), topicName, ...(app.programme ? { others: app.programme.forms } : {}) });
