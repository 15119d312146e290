// Bimtek benchmark: certificate rendering throughput (10,000 certificates stamped with pdf-lib on
// the built-in template, QR code included; total time and per-certificate median) and the paced
// send schedule of 10,000 e-mails over the 34 provinces' accounts against the theoretical minimum
// under Gmail's limits (the schedule the mailing runner follows; test/programme/mailing.test.ts
// runs it against the fake Gmail). No emulator needed.
import { createCertificateRenderer, defaultTemplatePdf } from '../functions/src/programme/certificates.ts';
import { nationalProgramme } from '../functions/src/programme/demo.ts';
import { GMAIL_LIMITS, minimumFinish, nextSlot } from '../functions/src/programme/mailing.ts';
import { certificateNumber, createProgrammeTokens } from '../functions/src/programme/tokens.ts';
import { programmeSchema } from '../functions/src/model/programme.ts';

const N = Number(process.env.BENCH_CERTIFICATES ?? 10_000);
const p = programmeSchema.parse(nationalProgramme());
const tokens = createProgrammeTokens('bench-secret-0123456789abcdef0123456789');
const renderer = await createCertificateRenderer({ template: await defaultTemplatePdf(p), programme: p, verifyUrl: (n) => `https://api.example.go.id/v/${n}` });
const times: number[] = [];
const started = performance.now();
let bytes = 0;
for (let i = 0; i < N; i++) {
  const t = performance.now();
  const out = await renderer.render({ number: certificateNumber(tokens, p.certificatePrefix, i + 1), programmeId: p.id, programmeName: p.name, participantId: `p${i}`, hostAgencyId: 'babel', name: `Peserta Nomor ${i}`, library: `TBM Pelangi Desa ${i}`, eventId: 'babel-1', eventLabel: 'Gelombang 1, Kepulauan Bangka Belitung (luring)', start: '2024-05-19', end: '2024-05-22', jp: 30, date: '2024-05-22', issuedAt: '', revoked: false });
  bytes += out.bytes.length;
  times.push(performance.now() - t);
}
const total = performance.now() - started;
times.sort((a, b) => a - b);
console.log(`certificates: ${N} rendered in ${(total / 1000).toFixed(1)} s (target < 120 s), median ${times[Math.floor(N / 2)]!.toFixed(2)} ms, p95 ${times[Math.floor(N * 0.95)]!.toFixed(2)} ms, ${(bytes / N / 1024).toFixed(1)} KiB each`);

// The send schedule: 10,000 e-mails split by province as the national quotas split them.
const counts = p.provinces.map((pr) => Object.values(p.quotas[pr.code] ?? {}).reduce((a, b) => a + b, 0));
let finish = 0;
for (const n of counts) {
  const ledger: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) ledger.push((t = nextSlot(ledger, t, GMAIL_LIMITS)));
  finish = Math.max(finish, t);
}
const minimum = Math.max(...counts.map((n) => minimumFinish(n, 0, GMAIL_LIMITS)));
const evenMinimum = minimumFinish(Math.ceil(counts.reduce((a, b) => a + b, 0) / counts.length), 0, GMAIL_LIMITS);
const oneAccount = minimumFinish(counts.reduce((a, b) => a + b, 0), 0, GMAIL_LIMITS);
console.log(`sending: ${counts.reduce((a, b) => a + b, 0)} e-mails over ${counts.length} accounts at ${GMAIL_LIMITS.perMinute}/min and ${GMAIL_LIMITS.perDay}/day each: last send after ${(finish / 1000).toFixed(0)} s; ratio to the minimum for this split ${(finish / minimum).toFixed(3)}, to an even split ${(finish / evenMinimum).toFixed(3)}; one account alone would need ${(oneAccount / 86_400_000).toFixed(2)} days`);
