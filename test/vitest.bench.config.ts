import { defineConfig } from 'vitest/config';

// `pnpm bench` only: figures, never part of the test command.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
