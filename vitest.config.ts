import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in parallel workers but each uses its own Firestore projectId.
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    // No GCE metadata server here: without this the emulator clients' credential probe warns on every file.
    env: { METADATA_SERVER_DETECTION: 'none' },
  },
});
