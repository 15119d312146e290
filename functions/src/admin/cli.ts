// `npm run admin -- <command>`: set up an agency in a real project (Application Default
// Credentials, GOOGLE_CLOUD_PROJECT) or on an emulator (FIRESTORE_EMULATOR_HOST).
//   install-catalog <agencyId>                    install every catalog SOP and the complaint SOP (new versions only)
//   put-agency <agencyId> <agency.json>           name, shortName, timeZone, extraHolidays, letterhead
//   put-staff <agencyId> <email> <name> <role,role,...> [nip] [pangkat]
//   deactivate-staff <agencyId> <email>
//   put-holidays <year> <yyyy-mm-dd> [...]        national holidays and cuti bersama of a year (one list)
//   load-holidays <year> <holidays.json>          {"nasional": [dates], "cutiBersama": [dates], "sumber": "SKB ..."}: the year's lists, replaced
//   add-agency-holidays <agencyId> <yyyy-mm-dd> [...]   the agency's own non-working days (kept with the earlier ones)
//   print-sop <sopId>                             the catalog definition as JSON, to edit and diff
//   upload-templates <agencyId> <driveFolderId>   the .docx letter templates -> Google Docs in that folder (with the agency's lambang daerah), ids saved on the agency
//   upload-logo <agencyId> <file.png>             the lambang daerah of the kop: .local/lambang/<agencyId>.png, the Drive folder, the template Docs again
//   requeue <agencyId> <outboxEntryId>            retry a dead-lettered letter after fixing its cause
//   create-forms <agencyId>                       the partner forms in Google Forms (created or updated, idempotent), in the agency's Drive folder
//   reindex <agencyId> [--all]                    write the list and search fields on cases stored without them (--all: on every case)
//   import-sop <file> [--title "..."] [--id <sopId>] [--table <n>] [--agency <agencyId> [--publish]]
//                                                 an SOP table (.docx, pasted text, OCR text) -> draft definition JSON on stdout, review list on stderr;
//                                                 --publish stores it as the agency's next version of that SOP
//   seed-programme [--national] [--participants N] [--width W]
//                                                 a Bimtek programme with its owner, host agencies, trainers (two per event) and N registrations
//                                                 through the registration service: --national seed 003's size (34 provinces, 189 trainers,
//                                                 N 10,000 by default), else the small programme of `npm start` (N 220); W in parallel (32)
import { readFileSync } from 'node:fs';
import { Firestore } from '@google-cloud/firestore';
import { CATALOG, catalogById, SERVICE_SOPS } from '../sop/catalog/index.ts';
import { describeDefinition } from '../sop/describe.ts';
import { createFirestoreStore } from '../store/firestore.ts';
import { join } from 'node:path';
import { drive } from '@googleapis/drive';
import { forms } from '@googleapis/forms';
import { GoogleAuth } from 'google-auth-library';
import { uploadDocxTemplates } from '../documents/google.ts';
import { agencyLambang, installLambang } from './lambang.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../documents/templates.ts';
import { createGoogleForms } from '../forms/google.ts';
import { createAgencyForms } from '../forms/setup.ts';
import { importSopCommand } from './import-sop.ts';
import { seedProgrammeCommand } from './seed-programme.ts';

// On the emulator there is no GCE metadata server to probe for credentials.
if (process.env.FIRESTORE_EMULATOR_HOST) process.env.METADATA_SERVER_DETECTION ??= 'none';

const templateFiles = () => Object.fromEntries(Object.keys(TEMPLATES).map((id) => [id, join(TEMPLATES_DIR, `${id}.docx`)]));
const googleDrive = () => drive({ version: 'v3', auth: new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/drive'] }) });

const usage = readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//   ')).map((l) => l.slice(5)).join('\n');

async function main(argv: string[]): Promise<void> {
  const [cmd, ...args] = argv;
  const need = (n: number) => {
    if (args.length < n) throw new Error(`usage:\n${usage}`);
  };
  if (cmd === 'import-sop') {
    need(1);
    process.exitCode = await importSopCommand(args);
    return;
  }
  if (cmd === 'print-sop') {
    need(1);
    console.log(JSON.stringify(catalogById(args[0]!), null, 2));
    return;
  }
  const db = new Firestore(process.env.GOOGLE_CLOUD_PROJECT ? { projectId: process.env.GOOGLE_CLOUD_PROJECT } : {});
  const store = createFirestoreStore(db);
  try {
    switch (cmd) {
      case 'install-catalog':
        need(1);
        await store.installDefinitions(args[0]!, [...CATALOG, ...SERVICE_SOPS]);
        console.log(`installed ${[...CATALOG, ...SERVICE_SOPS].map((d) => `${d.id} v${d.version}`).join(', ')} for ${args[0]}`);
        for (const d of CATALOG.map(describeDefinition)) {
          for (const u of d.unreadable) console.warn(`warning: ${d.id} step ${u.step}: standard time "${u.waktu}" cannot be read; the step gets no due time`);
        }
        break;
      case 'put-agency':
        need(2);
        await store.putAgency(args[0]!, JSON.parse(readFileSync(args[1]!, 'utf8')));
        console.log(`agency ${args[0]} saved`);
        break;
      case 'put-staff': {
        need(4);
        const [agencyId, email, name, roles, nip, pangkat] = args as [string, string, string, string, string?, string?];
        await store.putStaff(agencyId, { email, name, roles: roles.split(',').map((r) => r.trim()).filter(Boolean), ...(nip ? { nip } : {}), ...(pangkat ? { pangkat } : {}) });
        console.log(`staff ${email} saved for ${agencyId}`);
        break;
      }
      case 'deactivate-staff': {
        need(2);
        const member = await store.staff(args[0]!, args[1]!);
        if (!member) throw new Error(`${args[1]} is not staff of ${args[0]}`);
        await store.putStaff(args[0]!, { ...member, active: false });
        console.log(`staff ${args[1]} deactivated`);
        break;
      }
      case 'put-holidays':
        need(2);
        await store.putHolidays(Number(args[0]), args.slice(1));
        console.log(`${args.length - 1} holidays saved for ${args[0]}`);
        break;
      case 'load-holidays': {
        need(2);
        const file = JSON.parse(readFileSync(args[1]!, 'utf8')) as { nasional?: unknown; cutiBersama?: unknown; sumber?: unknown };
        const dates = (x: unknown, what: string): string[] => {
          if (x === undefined) return [];
          if (!Array.isArray(x) || x.some((d) => typeof d !== 'string')) throw new Error(`${what} must be a list of yyyy-mm-dd dates`);
          return x as string[];
        };
        const nasional = dates(file.nasional, 'nasional');
        const cuti = dates(file.cutiBersama, 'cutiBersama');
        await store.putHolidays(Number(args[0]), nasional, { cutiBersama: cuti, ...(typeof file.sumber === 'string' ? { source: file.sumber } : {}) });
        console.log(`${args[0]}: ${nasional.length} national holidays and ${cuti.length} days of cuti bersama saved`);
        break;
      }
      case 'add-agency-holidays': {
        need(2);
        const all = await store.addAgencyHolidays(args[0]!, args.slice(1));
        console.log(`${args[0]}: ${all.length} agency non-working days in all`);
        break;
      }
      case 'upload-templates': {
        need(2);
        const [agencyId, folderId] = args as [string, string];
        const agency = await store.agency(agencyId);
        if (!agency) throw new Error(`agency ${agencyId} does not exist (put-agency first)`);
        const d = googleDrive();
        const lambang = await agencyLambang(d, agency);
        const ids = await uploadDocxTemplates({ drive: d, folderId, files: templateFiles(), lambang });
        const { id: _id, ...rest } = agency;
        await store.putAgency(agencyId, { ...rest, google: { folderId, templates: ids } });
        console.log(`uploaded ${Object.keys(ids).length} templates to folder ${folderId} for ${agencyId}${lambang ? ', with its lambang daerah' : ''}`);
        break;
      }
      case 'upload-logo': {
        need(2);
        const [agencyId, file] = args as [string, string];
        const r = await installLambang({ store, drive: googleDrive, templateFiles: templateFiles(), localDir: join('.local', 'lambang') }, agencyId, readFileSync(file));
        console.log(`lambang daerah of ${agencyId} saved (sha256 ${r.sha256.slice(0, 12)}), local copy .local/lambang/${agencyId}.png`);
        console.log(r.driveFileId ? `in Drive as ${r.driveFileId}; ${r.templates} template Docs uploaded again with it, the previous ones trashed` : 'no Drive folder yet: upload-templates will put it in the template Docs');
        break;
      }
      case 'create-forms': {
        need(1);
        // As the person running the command (ADC): the forms are theirs, in the agency's folder.
        const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/forms.body', 'https://www.googleapis.com/auth/drive'] });
        const google = createGoogleForms({ forms: forms({ version: 'v1', auth }), drive: drive({ version: 'v3', auth }) });
        for (const r of await createAgencyForms({ store, google }, args[0]!)) console.log(`${r.outcome.padEnd(9)} ${r.formId.padEnd(22)} ${r.responderUri}`);
        console.log('The sweep function creates each form\'s watch within its next run; until then it reads the forms itself.');
        break;
      }
      case 'reindex': {
        need(1);
        const t0 = Date.now();
        const r = await store.reindexCases(args[0]!, { all: args.includes('--all') });
        console.log(`${args[0]}: ${r.read} cases read, ${r.written} reindexed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        break;
      }
      case 'seed-programme':
        process.exitCode = await seedProgrammeCommand(db, store, args);
        break;
      case 'requeue':
        need(2);
        // Only resets the entry: the deployed worker renders it.
        await store.outbox.requeue(args[0]!, args[1]!, new Date());
        console.log(`outbox entry ${args[1]} queued again`);
        break;
      default:
        throw new Error(`usage:\n${usage}`);
    }
  } finally {
    await db.terminate();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
