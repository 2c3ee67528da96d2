import type { Brand } from "./brand-schema.js";

/** Used when no --brand is given: neutral, so the report can go out as it is. */
export const DEFAULT_BRAND: Brand = {
  company: "Independent IT Assessment",
  colors: { primary: "#1f3a5f", accent: "#2a9d8f" },
  font: "Liberation Sans",
  contact: {},
  footer: "Confidential — prepared for the client named on the cover",
  disclaimer:
    "This assessment reflects what could be observed from the office network during the visit and the answers given in the interview. It is not a penetration test: no passwords were tried and no vulnerabilities were exploited. Prices are estimates for planning and become binding only in a signed agreement.",
  paper: "Letter",
};
