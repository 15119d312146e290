// The programme's services from their dependencies: registration (the intake's "other form"),
// the staff service and its routes, the public pages. Used by services.ts (the api), app.ts (the
// intake) and the tests.
import type { OutboxNotifier } from '../cases/service.ts';
import type { OtherForms } from '../forms/intake.ts';
import type { ProgrammeStore } from '../model/programme.ts';
import type { Store } from '../model/store.ts';
import { createProgrammeDocuments } from './documents.ts';
import { createProgrammePublic } from './public.ts';
import { createRegistrationService, programmeIdOfForm, registrationForm } from './registration.ts';
import { programmeRoutes } from './routes.ts';
import { createProgrammeService } from './service.ts';
import { createProgrammeTokens } from './tokens.ts';

export function createProgrammeParts(deps: { programmes: ProgrammeStore; store: Store; secret: string; publicUrl: string; clock?: () => Date; notify?: OutboxNotifier }) {
  const tokens = createProgrammeTokens(deps.secret);
  const clockOpt = deps.clock ? { clock: deps.clock } : {};
  const registration = createRegistrationService({ programmes: deps.programmes, agency: (id) => deps.store.agency(id), tokens, publicUrl: deps.publicUrl, ...clockOpt, ...(deps.notify ? { notify: deps.notify } : {}) });
  const service = createProgrammeService({ programmes: deps.programmes, registration, tokens, publicUrl: deps.publicUrl, ...clockOpt });
  const documents = createProgrammeDocuments({ programmes: deps.programmes, store: deps.store, service, tokens, publicUrl: deps.publicUrl, ...clockOpt, ...(deps.notify ? { notify: deps.notify } : {}) });
  const pages = createProgrammePublic({ programmes: deps.programmes, registration, tokens, ...clockOpt });
  const forms: OtherForms = {
    async form(formId) {
      const pid = programmeIdOfForm(formId);
      const p = pid ? await registration.programme(pid) : null;
      return p ? registrationForm(p) : null;
    },
    receive: (agencyId, r) => registration.receive(agencyId, r),
  };
  return { tokens, registration, service, documents, pages, routes: programmeRoutes(service, documents), forms, programmes: deps.programmes };
}
