// The Sheets sidebar: my tasks, every case of the agency (searchable), a case with its history and
// documents, the form of the current step generated from its kelengkapan, new cases and cancellation,
// the partners' form submissions ("Kiriman mitra"), and the reading desk (guest book, books read,
// monthly recap). Runs in the browser (inside
// Google Sheets, or the local preview) and talks only through google.script.run
// (sheets-addon/src/contract.ts). Everything the user reads is in Bahasa Indonesia.
//
// The entry point that build.ts bundles; the only module that does anything when loaded.
import { $ } from './dom.ts';
import { showBimtek } from './views/bimtek.ts';
import { showCases } from './views/cases.ts';
import { showDesk } from './views/desk.ts';
import { showNewCase } from './views/new-case.ts';
import { showReport } from './views/report.ts';
import { pickAgency, start } from './views/start.ts';
import { showSopImport } from './views/sop-import.ts';
import { showSubmissions } from './views/submissions.ts';
import { showTasks } from './views/tasks.ts';

function init(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('#nav [data-nav]')) {
    b.addEventListener('click', () => {
      if (b.dataset.nav === 'new') void showNewCase();
      else if (b.dataset.nav === 'cases') void showCases();
      else if (b.dataset.nav === 'desk') void showDesk();
      else if (b.dataset.nav === 'submissions') void showSubmissions();
      else if (b.dataset.nav === 'sopimport') void showSopImport();
      else if (b.dataset.nav === 'bimtek') void showBimtek();
      else if (b.dataset.nav === 'report') void showReport();
      else void showTasks();
    });
  }
  // Tabs appear as the user's roles and agency are read (Impor SOP, Laporan, Bimtek, Meja baca):
  // beyond five they no longer fit one row of 300 px, so the bar is told to wrap into rows.
  const nav = $('nav');
  const fit = () => nav.toggleAttribute('data-rows', nav.querySelectorAll('.tab:not([hidden])').length > 5);
  new MutationObserver(fit).observe(nav, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  fit();
  $('switch-agency').addEventListener('click', () => void pickAgency());
  void start();
}

init();
