import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // A poll often waits on a round trip through the dashboard, the API and PostgreSQL: more than a second on a busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
