// What the sidebar browser tests share: per test file, the API stack on the run's Firestore emulator
// (its own project), the local dev server with the sidebar preview, and one headless Chromium
// (Debian's package, driven by playwright-core); per test, a fresh browser context and page, so no
// test inherits another's identity, page or session storage. Screenshots go to
// test-output/sidebar/<area>/<test>-NN-<name>.png (areas: walk, cases, reading-desk, kiriman).
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { DEMO_AGENCIES, type DemoAgencyId } from '../../functions/src/dev/demo.ts';
import { createDevHandler } from '../../functions/src/dev/dev-routes.ts';
import { serve, type Served } from '../../functions/src/dev/serve.ts';
import { createLocalDocBackend } from '../../functions/src/documents/local.ts';
import { createLocalMailSender } from '../../functions/src/mail/local.ts';
import { createPreviewHandler } from '../../sheets-addon/preview/preview.ts';
import { AUDIENCE, startStack, type Stack } from '../support/stack.ts';

const CHROMIUM = '/usr/bin/chromium';
/** Playwright's waits; vitest.config.ts gives expect.poll the same 10 s, so both wait alike. */
const WAIT_MS = 10_000;
export const AGENCY = 'babel';

// No skip when Chromium is missing: .ci/run installs Debian's package, and a silent skip would hide it.
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see .ci/run)`);

export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Registers the file's beforeAll/afterAll: a stack whose letters are rendered as the local stack
 * does (.docx files, so the sidebar shows them ready), the dev server and Chromium.
 */
export function sidebarHarness(area: string, opts: { /** The preview's local Drive: a folder of .docx files (Impor SOP). */ driveDir?: string } = {}) {
  const out = resolve('test-output/sidebar', area);
  let s: Stack | undefined;
  let served: Served | undefined;
  let browser: Browser | undefined;
  const drains = new Set<Promise<unknown>>();
  /** The API's clock runs this far from the real one (a case can be opened in the past, to be late). */
  let clockOffsetMs = 0;

  beforeAll(async () => {
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const started = await startStack({
      clock: () => new Date(Date.now() + clockOffsetMs),
      documents: {
        backendFor: () => createLocalDocBackend({ templatesDir: resolve('functions/templates'), outDir: join(out, 'dokumen') }),
        mailerFor: () => createLocalMailSender({ dir: join(out, 'outbox') }),
      },
      notify: async (agencyId, ids) => {
        const p = Promise.all(ids.map((id) => started.app.worker!.drain(agencyId, id))).catch((err) => console.error('worker:', err));
        drains.add(p);
        void p.finally(() => drains.delete(p));
      },
    });
    s = started;
    served = await serve(createDevHandler({ api: started.app.api, signer: started.signer, audience: AUDIENCE, people: started.people, preview: createPreviewHandler({ driveDir: opts.driveDir }) }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...drains]);
    await served?.close();
    await s?.close();
  });

  const stack = (): Stack => {
    if (!s) throw new Error('the stack is not started (beforeAll failed?)');
    return s;
  };

  function person(role: string, agency: string = AGENCY) {
    const p = stack().people.find((x) => x.agencyId === agency && x.role === role);
    if (!p) throw new Error(`no demo staff with role ${role} at ${agency}`);
    return p;
  }

  /**
   * A fresh browser context (its own profile, storage and cookies) on the preview page, closed when
   * the test ends; a failed test leaves a full-page screenshot, <test>-failed.png.
   */
  async function open(test: string) {
    const context = await browser!.newContext({ viewport: { width: 1100, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    onTestFinished(async ({ task }) => {
      if (task.result?.state === 'fail') await page.screenshot({ path: join(out, `${test}-failed.png`), fullPage: true }).catch(() => undefined);
      await context.close();
    });
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (err) => console.error('browser error:', err.message));
    await page.goto(`${served!.url}/preview`);
    return sidebar(page, test);
  }

  /**
   * A phone (its own context, `width` px wide, touch) on a page the API serves itself, such as a
   * partner's status page /p/<token>; `shot` takes the whole page.
   */
  async function phone(test: string, path: string, width = 360) {
    const context = await browser!.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    onTestFinished(async () => void (await context.close()));
    page.setDefaultTimeout(WAIT_MS);
    const response = await page.goto(stack().url + path);
    let shotNo = 0;
    const shot = async (name: string) => void (await page.screenshot({ path: join(out, `${test}-${String(++shotNo).padStart(2, '0')}-${name}.png`), fullPage: true }));
    return { page, response, shot };
  }

  function sidebar(page: Page, test: string) {
    let shotNo = 0;
    const file = (name: string) => join(out, `${test}-${String(++shotNo).padStart(2, '0')}-${name}.png`);

    /** Picks the identity in the preview's top bar (the page reloads) and waits for "Tugas saya". */
    async function actAs(role: string, agency: string = AGENCY): Promise<void> {
      const p = person(role, agency);
      const select = page.locator('#preview-identity');
      await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
      if ((await select.inputValue()) !== p.email) {
        await Promise.all([page.waitForEvent('load'), select.selectOption(p.email)]);
      }
      await expect.poll(() => page.locator('#who .who-name').textContent()).toBe(p.name);
      await expect.poll(() => page.locator('#who .who-agency').textContent()).toBe(DEMO_AGENCIES[agency as DemoAgencyId].shortName);
      await page.locator('#view h2', { hasText: 'Tugas saya' }).waitFor();
    }

    async function expectStep(step: number): Promise<void> {
      await expect.poll(() => page.locator('#current-step .step-no').textContent()).toBe(`Langkah ${step}`);
    }

    return {
      page,
      actAs,
      expectStep,
      /** The sidebar column as it appears at 300 px. */
      shot: async (name: string) => void (await page.locator('#sidebar').screenshot({ path: file(name) })),
      /** One part of the sidebar (a section), at its real size. */
      shotOf: async (selector: string, name: string) => void (await page.locator(selector).screenshot({ path: file(name) })),
      /** The whole preview page: top bar, sidebar and the stand-in "Kasus" sheet. */
      fullShot: async (name: string) => void (await page.screenshot({ path: file(name), fullPage: true })),
      async openTask(nomor: string, step: number): Promise<void> {
        const card = page.locator('#task-list .card', { hasText: nomor });
        await expect.poll(() => card.textContent()).toContain(`Langkah ${step}:`);
        await card.click();
        await expectStep(step);
      },
      submit: () => page.locator('#step-actions button').first().click(),
      /** The id of the element that has the keyboard focus. */
      activeId: () => page.evaluate<string | undefined>('document.activeElement?.id'),
      field: (key: string) => page.locator(`[data-field="${key}"]`),
    };
  }

  return {
    get s(): Stack {
      return stack();
    },
    person,
    open,
    phone,
    /** A POST to the API with its clock `days` days behind, e.g. a request that came in a month ago. */
    async postDaysAgo(days: number, path: string, o: { as: string; body: unknown }) {
      clockOffsetMs = -days * 86_400_000;
      try {
        return await stack().call('POST', path, o);
      } finally {
        clockOffsetMs = 0;
      }
    },
    /** The case and its events, read through the API by the Kepala Bidang. */
    async caseState(caseId: string, agency: string = AGENCY) {
      const r = await stack().call('GET', `/v1/agencies/${agency}/cases/${caseId}`, { as: person('kabid_perpustakaan', agency).email });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    },
  };
}

export type SidebarHarness = ReturnType<typeof sidebarHarness>;
export type Sidebar = Awaited<ReturnType<SidebarHarness['open']>>;
