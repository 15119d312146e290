// Shared by the tests of the add-on's Apps Script server code (test/addon/): the fakes of Google's
// globals installed with the API's URL set, and the ApiError a server function throws.
import { expect } from 'vitest';
import type { ApiError } from '../../sheets-addon/src/contract.ts';
import { GasFakes, type GasFakesOptions } from './gas-fakes/index.ts';

export const API = 'https://asia-southeast2-sop-test.cloudfunctions.net/api';
/** The routes of the agency the tests' spreadsheet works for. */
export const A = `${API}/v1/agencies/balangan`;

/** New fakes on globalThis, with the Script Property API_URL set; `uninstall` restores the globals. */
export function installFakes(opts: GasFakesOptions = {}): { fakes: GasFakes; uninstall: () => void } {
  const fakes = new GasFakes(opts);
  const uninstall = fakes.install();
  fakes.scriptProperties.data.set('API_URL', API);
  return { fakes, uninstall };
}

/** The ApiError a server function throws: google.script.run hands the sidebar its JSON as the message. */
export function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(Error);
    return JSON.parse((err as Error).message) as ApiError;
  }
  throw new Error('expected a throw');
}
