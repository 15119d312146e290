// The programme's public pages, plain phone-sized HTML in Bahasa Indonesia, everything escaped,
// loading nothing: the certificate verification page (GET /v/<number>: valid or not, name,
// programme, date; nothing else), the registrant's status page (/r/<token>, with a button to
// withdraw) and the check-in page of a session (/h/<token>).
import { createHash } from 'node:crypto';
import { esc } from '../forms/status-page.ts';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#202124;background:#f1f3f4;overflow-wrap:anywhere}
main{max-width:560px;margin:0 auto;padding:18px 14px;background:#fff;min-height:100vh}
h1{font-size:21px;margin:4px 0 12px}
.ok{padding:10px 14px;border-radius:8px;background:#e6f4ea;border-left:4px solid #188038;font-weight:700}
.no{padding:10px 14px;border-radius:8px;background:#fce8e6;border-left:4px solid #c5221f;font-weight:700}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px}
dt{color:#5f6368}dd{margin:0;font-weight:600}
@media (max-width:480px){dl{display:block}dt{font-size:14px;margin-top:10px}dd{font-size:17px}}
a.back{display:block;text-align:center;padding:12px;color:#1a73e8;font-weight:600}
p.verdict{font-size:26px;text-align:center;letter-spacing:.04em;padding:14px}.ok.verdict{color:#0d652d}.no.verdict{color:#a50e0e}
form{margin:20px 0 0}
button{display:block;width:100%;min-height:48px;font:inherit;font-weight:700;padding:12px 16px;border-radius:8px;border:2px solid #c5221f;background:#fff;color:#c5221f;cursor:pointer}
button.go{border-color:#188038;color:#fff;background:#188038;font-size:18px;min-height:56px}
`;

/** No script, no images, no fetch; forms post back to this service only. */
export const PROGRAMME_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function dl(rows: [string, string][]): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

export interface Verification {
  valid: boolean;
  number: string;
  name?: string;
  programme?: string;
  date?: string;
}

export function verificationPage(v: Verification): string {
  if (!v.valid) {
    return page('Sertifikat tidak sah', `<h1>Verifikasi sertifikat</h1><p class="no verdict">TIDAK SAH</p><p>Nomor ${esc(v.number.slice(0, 80))} tidak terdaftar sebagai sertifikat yang sah. Periksa kembali nomornya, atau hubungi penyelenggara.</p>`);
  }
  return page('Sertifikat sah', `<h1>Verifikasi sertifikat</h1><p class="ok verdict">SAH</p>${dl([['Nomor', v.number], ['Nama', v.name!], ['Program', v.programme!], ['Tanggal', v.date!]])}`);
}

export { esc };
