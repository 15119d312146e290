// `npm start`: the whole backend on this machine. Starts the Firestore emulator, loads the SOP
// catalog and the demo agencies and staff, serves the `api` function on localhost, the partner
// forms on a local stand-in for Google Forms (local-forms.ts), and prints how to try it. Local
// only: the dev token route exists here, never in the deployed function.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import { createApp } from '../app.ts';
import { createFirestoreStore } from '../store/firestore.ts';
import { createFirestoreProgrammeStore } from '../store/programme.ts';
import { createLocalDocBackend } from '../documents/local.ts';
import { createLocalMailSender } from '../mail/local.ts';
import { createCertificateAttachments } from '../programme/certificate-files.ts';
import { createSendLoop } from '../programme/sender.ts';
import type { OutboxWorker } from '../outbox/worker.ts';
import { CATALOG } from '../sop/catalog/index.ts';
import { DEMO_PROGRAMME, seedDemo, seedDemoProgramme } from './demo.ts';
import { freePort, startFirestoreEmulator } from './emulators.ts';
import { serve } from './serve.ts';
import { createDevSigner } from './tokens.ts';
import { createDevHandler } from './dev-routes.ts';
import { startLocalForms } from './local-forms.ts';
import { createPreviewHandler } from '../../../sheets-addon/preview/preview.ts';

// Local only: there is no GCE metadata server to probe for credentials.
process.env.METADATA_SERVER_DETECTION ??= 'none';

const PROJECT = process.env.GOOGLE_CLOUD_PROJECT ?? 'demo-perpustakaan';
const AUDIENCE = process.env.AUTH_AUDIENCE ?? 'local-dev.apps.googleusercontent.com';
const PORT = Number(process.env.PORT ?? 8080);
const FORMS_PORT = Number(process.env.FORMS_PORT ?? PORT + 1);

async function main(): Promise<void> {
  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
  const emulator = emulatorHost ? null : await startFirestoreEmulator(Number(process.env.FIRESTORE_PORT ?? 0) || (await freePort()));
  const host = emulatorHost ?? emulator!.host;
  process.env.FIRESTORE_EMULATOR_HOST = host;
  const db = new Firestore({ projectId: PROJECT, host, ssl: false });
  const signer = createDevSigner();
  // Letters are rendered from the repository's .docx templates into .local/dokumen and e-mails
  // written as .eml files to .local/outbox: the same worker as production, local backends.
  const docsDir = resolve('.local/dokumen');
  const outboxDir = resolve('.local/outbox');
  let worker: OutboxWorker | null = null;
  const app = createApp({
    store: createFirestoreStore(db),
    programmes: createFirestoreProgrammeStore(db),
    auth: { audience: AUDIENCE, keys: async () => signer.publicKeys },
    // A fresh secret per start: references signed by an earlier run (on an emptied emulator) are void anyway.
    forms: { secret: randomBytes(32).toString('base64url'), publicUrl: `http://127.0.0.1:${PORT}` },
    notify: async (agencyId, ids) => {
      // After the response: the API answers at once, the letters follow a moment later.
      setImmediate(() => void Promise.all(ids.map((id) => worker?.drain(agencyId, id))).catch((err) => console.error('worker:', err)));
    },
    documents: {
      // The kop's lambang daerah: the copy `npm run admin -- upload-logo` leaves in .local/lambang.
      backendFor: (agency) => {
        const lambang = resolve('.local/lambang', `${agency.id}.png`);
        return createLocalDocBackend({ templatesDir: resolve('functions/templates'), outDir: docsDir, lambang: existsSync(lambang) ? readFileSync(lambang) : null });
      },
      mailerFor: () => createLocalMailSender({ dir: outboxDir }),
    },
  });
  worker = app.worker;
  const sweeper = setInterval(() => void worker?.sweep().catch((err) => console.error('sweep:', err)), 30_000);
  // The programme mailings, as the `send` function runs them each minute: .eml files in .local/outbox,
  // certificates on the built-in layout (no Drive here).
  const programmeStore = createFirestoreProgrammeStore(db);
  const programmeMail = createSendLoop({ programmes: programmeStore, agency: (id) => app.store.agency(id), senderFor: () => createLocalMailSender({ dir: outboxDir }), attachment: createCertificateAttachments({ programmes: programmeStore, drive: null, verifyUrl: (n) => `http://127.0.0.1:${PORT}/v/${n}` }) });
  let sending = false;
  const sender = setInterval(() => {
    if (sending) return;
    sending = true;
    void programmeMail.run({ budgetMs: 25_000 }).catch((err) => console.error('send:', err)).finally(() => (sending = false));
  }, 30_000);
  const demoPeople = await seedDemo(app.store, CATALOG);
  const agencies = [...new Set(demoPeople.map((p) => p.agencyId))];
  // The Bimtek programme: registrants through the registration service, its form on the local forms server.
  const bimtek = await seedDemoProgramme({ setup: app.store, programmes: app.programme!.programmes, tokens: app.programme!.tokens, publicUrl: `http://127.0.0.1:${PORT}` });
  const people = [...demoPeople, ...bimtek.panitia];
  const forms = await startLocalForms(app, { agencies, port: FORMS_PORT, project: PROJECT, others: { forms: app.programme!.forms, made: [bimtek.form] } });
  const daftar = forms.forms.find((f) => f.formId === bimtek.form.form.id)!;
  const count = (o: string) => bimtek.registrations.outcomes[o] ?? 0;

  const server = await serve(createDevHandler({ api: app.api, signer, audience: AUDIENCE, people, preview: createPreviewHandler(), extra: forms.route }), PORT);

  // The programme's confirmation e-mails, queued while seeding, without waiting for the first 30 s round.
  void worker?.sweep().catch((err) => console.error('sweep:', err));
  mkdirSync('.local', { recursive: true });
  writeFileSync('.local/dev-staff.json', JSON.stringify(people, null, 2));
  const kabid = people.find((p) => p.agencyId === 'balangan' && p.role === 'kabid_perpustakaan') ?? people[0]!;
  console.log(`
Layanan SOP perpustakaan berjalan (lokal, emulator Firestore ${host}, proyek ${PROJECT})
  API:            ${server.url}
  Sidebar:        ${server.url}/preview  (pratinjau sidebar; pilih pegawai demo di "Masuk sebagai")
  Katalog SOP:    ${CATALOG.map((d) => d.id).join(', ')}
  Instansi demo:  balangan (WITA), sukoharjo (WIB), babel (WIB)
  Pegawai demo:   ${people.length} akun, daftar di ${server.url}/dev/staff dan .local/dev-staff.json
  Surat (.docx):  ${docsDir}
  E-mail (.eml):  ${outboxDir}

Formulir mitra (tiruan Google Formulir di ${forms.fakeUrl}; kiriman menjadi kasus dalam beberapa detik):
${forms.forms
  .filter((f) => f.mode === 'open' && f !== daftar)
  .map((f) => `  ${f.agencyId.padEnd(10)} ${f.formId.padEnd(21)} ${f.url}`)
  .join('\n')}
  Semua formulir (juga formulir jawaban): ${server.url}/dev/forms
  Tautan jawaban untuk sebuah kasus: di sidebar, bagian "Tautan formulir mitra" pada kasus itu

Bimtek (program ${bimtek.programme.id}, "${bimtek.programme.name}"; dimuat dalam ${bimtek.seconds.toFixed(1)} s):
  Pendaftaran:    ${daftar.url}
  Pendaftar:      ${bimtek.registrations.total} kiriman formulir: ${count('registered')} mendapat tempat, ${count('waiting')} daftar tunggu, ${count('merged')} digabung (telepon/e-mail sama), ${count('rejected')} ditolak${bimtek.registrations.replayed === bimtek.registrations.total ? ' (sudah ada dari start sebelumnya)' : ''}
  Kegiatan:       ${bimtek.programme.provinces.map((x) => x.code).join(', ')}; 2 pelatih per kegiatan; presensi sesi 1-${DEMO_PROGRAMME.attendance.sessions} sudah diisi untuk ${DEMO_PROGRAMME.attendance.event}
  Panitia (sidebar "Masuk sebagai"): ${bimtek.panitia.map((p) => p.email).join(', ')}
  Ringkasan:      TOKEN=$(curl -s "${server.url}/dev/token?email=${bimtek.panitia[0]!.email}" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
                  curl -s -H "Authorization: Bearer $TOKEN" ${server.url}/v1/agencies/${bimtek.panitia[0]!.agencyId}/programmes/${bimtek.programme.id}

Coba:
  TOKEN=$(curl -s "${server.url}/dev/token?email=${kabid.email}" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -s -H "Authorization: Bearer $TOKEN" ${server.url}/v1/agencies/${kabid.agencyId}/sops
  curl -s -H "Authorization: Bearer $TOKEN" ${server.url}/v1/agencies/${kabid.agencyId}/tasks
  curl -s -X POST -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: $(node -pe 'crypto.randomUUID()')" \\
       -H 'content-type: application/json' -d '{"sop":"pusling","partner":{"name":"SDN 1 Paringin"}}' \\
       ${server.url}/v1/agencies/balangan/cases      # dibuat oleh peran langkah awal (kasi_layanan)

Tekan Ctrl+C untuk berhenti.`);

  const stop = async () => {
    clearInterval(sweeper);
    clearInterval(sender);
    await forms.close();
    await server.close();
    await db.terminate();
    await emulator?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
