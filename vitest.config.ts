import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Tests never read or write the consultant's real client store.
const env = { SWEETSPOT_STORE: join(tmpdir(), `sweetspot-test-store-${process.pid}`) };
process.on("exit", () => rmSync(env.SWEETSPOT_STORE, { recursive: true, force: true }));

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
          env,
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "lab",
          env,
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
