// The sidebar's only way to the server: google.script.run (Apps Script, or the preview's shim),
// wrapped in a promise and typed by the add-on's contract.
import type { SidebarCallName, SidebarCalls } from '../contract.ts';

interface ScriptRunner {
  withSuccessHandler(f: (value: unknown) => void): ScriptRunner;
  withFailureHandler(f: (error: unknown) => void): ScriptRunner;
}
declare const google: { script: { run: ScriptRunner } };

/** Resolves with the call's result; rejects as google.script.run does, with the JSON of an ApiError as the message. */
export function call<K extends SidebarCallName>(name: K, ...args: Parameters<SidebarCalls[K]>): Promise<ReturnType<SidebarCalls[K]>> {
  return new Promise((resolve, reject) => {
    let runner: ScriptRunner;
    try {
      runner = google.script.run.withSuccessHandler((v) => resolve(v as ReturnType<SidebarCalls[K]>)).withFailureHandler(reject);
    } catch (e) {
      reject(new Error(JSON.stringify({ code: 'CONFIG', message: 'google.script.run tidak tersedia: buka sidebar dari menu add-on di Google Sheets.' })));
      return;
    }
    const fn = (runner as unknown as Record<string, (...a: unknown[]) => void>)[name];
    if (typeof fn !== 'function') {
      reject(new Error(JSON.stringify({ code: 'CONFIG', message: `Fungsi server "${name}" tidak ada.` })));
      return;
    }
    fn.apply(runner, args);
  });
}
