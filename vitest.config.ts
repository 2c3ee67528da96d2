import { defineConfig } from "vitest/config";

/**
 * Two projects:
 * - unit: pure code and recorded fixtures; no network, no root.
 * - lab: integration tests against the emulated office networks of test/lab (Linux network
 *   namespaces; needs root). Its global setup brings the scenarios up and tears them down, and
 *   fails loudly when it cannot: these tests never fall back to a real network.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "lab",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/lab/global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
