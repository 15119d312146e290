import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits as long as Playwright's waits in test/browser (10 s) instead of 1 s: on a busy
    // two-core machine a page or a worker can take seconds. Passing polls still return at once.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: files run in parallel workers but each uses its own Firestore projectId.
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    // No GCE metadata server here: without this the emulator clients' credential probe warns on every file.
    env: { METADATA_SERVER_DETECTION: 'none' },
  },
});
