// Who is signed in, and for which agency this spreadsheet works: the first view, and the agency
// picker ("Ganti instansi", or the server's CHOOSE_AGENCY when the user is staff of several).
import type { Me, Membership } from '../../contract.ts';
import { $, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { call } from '../script-run.ts';
import { canCreate, roleIds } from '../logic/roles.ts';
import { app, busy, enterView, errorPanel, type Flash, loadSops, renderLoading, setView, showBanner } from '../shell.ts';
import { refreshBimtekTab } from './bimtek.ts';
import { refreshDeskTab } from './desk.ts';
import { refreshReportTab } from './report.ts';
import { showNewCase } from './new-case.ts';
import { refreshSopImportTab } from './sop-import.ts';
import { showTasks } from './tasks.ts';

export async function start(): Promise<void> {
  renderLoading('Memuat…');
  let me: Me;
  try {
    me = await busy('Memuat…', () => call('whoAmI'));
  } catch (e) {
    const err = parseFailure(e);
    if (err.code === 'CHOOSE_AGENCY') return pickAgency();
    setView(errorPanel(err, () => void start()));
    return;
  }
  signedIn(me);
  openStartView(me);
}

/** "Kasus baru" from the add-on menu opens the sidebar at the new-case form; otherwise my tasks. */
function openStartView(me: Me, flash?: Flash): void {
  if (me.initialView === 'new-case') void showNewCase(flash);
  else void showTasks(flash);
}

function signedIn(me: Me): void {
  app.me = me;
  const roles = me.roles.map((r) => r.label).join(', ');
  $('who').replaceChildren(
    h('div', { class: 'who-agency' }, me.agency.shortName || me.agency.name),
    h('div', { class: 'who-name' }, me.name || me.email),
    h('div', { class: 'who-roles muted small' }, roles || 'tanpa peran'),
  );
  $('nav').hidden = false;
  delete $('nav').dataset.actions;
  void refreshDeskTab();
  void refreshSopImportTab();
  void refreshBimtekTab();
  void refreshReportTab();
  void refreshActions(me);
}

/**
 * Only what works is offered: "Kasus baru" when one of the user's roles may open a case of some
 * SOP, "Ganti instansi" when the user is staff of more than one agency. Both are read after the
 * first view is drawn; until then they stay hidden.
 */
async function refreshActions(me: Me): Promise<void> {
  const newTab = document.querySelector<HTMLElement>('#nav [data-nav="new"]');
  try {
    const sops = await loadSops();
    if (app.me === me && newTab) newTab.hidden = !sops.some((s) => canCreate(s, roleIds(me)));
  } catch {
    // The SOPs could not be read: keep the tab, its view says why.
  }
  try {
    const list = await call('listMemberships');
    if (app.me === me) $('footer').hidden = list.length < 2;
  } catch {
    $('footer').hidden = true;
  }
  // Says the actions shown are final (the browser tests wait for it).
  if (app.me === me) $('nav').dataset.actions = 'ready';
}

export async function pickAgency(flash?: Flash): Promise<void> {
  enterView('agency', null, flash, 'Memuat daftar instansi…');
  let list: Membership[];
  try {
    list = await busy('Memuat…', () => call('listMemberships'));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void pickAgency()));
    return;
  }
  if (!list.length) {
    setView(h('div', { class: 'panel' }, h('h2', null, 'Belum terdaftar'), h('p', null, 'Akun Anda belum terdaftar sebagai pegawai aktif di instansi mana pun. Hubungi admin instansi Anda.')));
    return;
  }
  setView(
    h('h2', null, 'Pilih instansi'),
    h(
      'p',
      null,
      app.me
        ? `Spreadsheet ini bekerja untuk ${app.me.agency.name}. Pilih instansi lain bila spreadsheet ini melayani instansi lain:`
        : 'Spreadsheet ini belum terhubung ke instansi. Pilih instansi tempat Anda bekerja:',
    ),
    h('ul', { class: 'cards' }, ...list.map((m) => h('li', null, agencyCard(m)))),
  );
}

function agencyCard(m: Membership): HTMLElement {
  // The API names the roles as the agency's SOPs do; an older API sends ids only.
  const roles = (Array.isArray(m.roleLabels) && m.roleLabels.length === m.roles.length ? m.roleLabels : m.roles.map((r) => r.replace(/_/g, ' '))).join(', ');
  return h('button', { type: 'button', class: 'card', onclick: () => void chooseAgency(m) }, h('strong', null, m.agencyName), h('span', { class: 'muted small' }, `Peran: ${roles}`));
}

/** Another agency: what was read or typed for the previous one no longer applies. */
async function chooseAgency(m: Membership): Promise<void> {
  try {
    const me = await busy('Menghubungkan…', () => call('chooseAgency', m.agencyId));
    app.sops = null;
    app.desk = null;
    $('desk-tab').hidden = true;
    $('bimtek-tab').hidden = true;
    $('report-tab').hidden = true;
    app.casesQuery = '';
    signedIn(me);
    openStartView(me, { kind: 'ok', text: `Spreadsheet ini kini bekerja untuk ${m.agencyName}.` });
  } catch (e) {
    showBanner({ kind: 'error', text: parseFailure(e).message });
  }
}
