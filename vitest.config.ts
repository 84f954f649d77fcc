import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ for the tests that spawn the compiled bot, as `npm start` runs it.
    globalSetup: ['test/global-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
