import { defineConfig } from 'vitest/config';

// `pnpm test:faults`, and part of `pnpm test`: the server against stopped and crashed databases,
// cut-off uploads and mutations, and SIGTERM. Its tests run in order, each on what the last left.
export default defineConfig({
  test: {
    include: ['faults/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
