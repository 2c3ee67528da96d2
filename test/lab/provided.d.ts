import type { ProvidedLabs } from "./lab-types.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Scenarios the lab global setup brought up: agent namespace, ground-truth file, run id. */
    labs: ProvidedLabs;
  }
}
