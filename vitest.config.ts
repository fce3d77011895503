// Unit and golden tests; e2e tests run separately under node --test against a real build.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/sites/**/*.test.ts'],
    environment: 'node',
    // One pinned fast-check seed for every property test (tests/setup/fast-check-seed.ts).
    setupFiles: ['tests/setup/fast-check-seed.ts'],
    // Property tests run hundreds of cases; a loaded 2-core CI machine must not turn them into timeouts.
    testTimeout: 30_000,
  },
});
