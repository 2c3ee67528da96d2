#!/usr/bin/env node
// V8's tier-up budget is set before any command code runs (lib/v8-tuning.ts says why).
import { tuneV8ForShortRuns } from "../dist/lib/v8-tuning.js";

tuneV8ForShortRuns();
await import("../dist/cli/main.js");
