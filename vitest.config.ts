import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the core and UI in happy-dom; `integration` runs the real client
// against the real reference server on 127.0.0.1 in Node. Browser e2e lives in test/e2e and
// runs through playwright-core, outside vitest.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30000,
          hookTimeout: 30000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60000,
          hookTimeout: 60000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
          // On CI a browser test that fails is run once more, as Playwright's own default does:
          // two shared cores sometimes stall a page past a wait. A real bug fails both times, and
          // a pass on the second try is still listed in the JSON report (`retryCount`).
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
