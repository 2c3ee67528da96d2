import { growing } from "./growing.js";
import { hostile } from "./hostile.js";
import { office } from "./office.js";
import { officeNextQuarter } from "./office-next-quarter.js";
import { shop } from "./shop.js";
import type { ScenarioSpec } from "./types.js";

export const SCENARIOS: Record<ScenarioSpec["name"], ScenarioSpec> = {
  office,
  shop,
  growing,
  "office-next-quarter": officeNextQuarter,
  hostile,
};
