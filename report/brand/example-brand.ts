/** What `sweetspot brand --init` writes: every field, commented. */
export const EXAMPLE_BRAND_YAML = `# sweetspot brand file — used with: sweetspot report audit.json --brand brand.yaml
# Every field except "company" is optional. Paths are relative to this file.

# Your firm's name, shown on the cover and in the footer.
company: Northwind IT Partners

# Your logo: PNG, SVG or JPEG. It is embedded in the report (nothing is loaded at print time).
# logo: ./logo.png

# Colours as hex: primary for headings and the cover band, accent for highlights.
colors:
  primary: "#1f3a5f"
  accent: "#2a9d8f"

# A font family installed on the machine that prints the PDF (e.g. "Liberation Sans", "Noto Sans").
font: Liberation Sans

# Who the client should call. Shown on the cover and the last page.
contact:
  name: Alex Morgan
  email: alex@northwind-it.example
  phone: "+1 503 555 0142"
  website: northwind-it.example

# A short line at the bottom of every page.
footer: Confidential — prepared for the client named on the cover

# The small print at the end of the report.
disclaimer: >-
  This assessment reflects what could be observed from the office network during the visit
  and the answers given in the interview. It is not a penetration test. Prices are estimates
  and become binding only in a signed agreement.

# Paper size: Letter or A4.
paper: Letter
`;
