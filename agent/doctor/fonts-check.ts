import { defineCheck } from "./check.js";

const SANS_FONTS = [
  "Liberation Sans",
  "Noto Sans",
  "DejaVu Sans",
  "Arial",
  "Helvetica",
  "Roboto",
  "Open Sans",
  "Source Sans",
];

const FONT_INSTALL = {
  debian: "sudo apt-get install fontconfig fonts-liberation fonts-dejavu-core",
  macos: "brew install --cask font-liberation",
  windows: "(Windows ships Arial and Segoe UI)",
};

/** The PDF needs a sans-serif font Chromium can find through fontconfig (Linux). */
export const fontsCheck = defineCheck({
  id: "fonts",
  required: true,
  async run(probes) {
    if (probes.platform === "darwin" || probes.platform === "win32") {
      return { id: "fonts", status: "ok", message: "fonts: the system's own sans-serif fonts" };
    }
    const fcList = probes.which("fc-list");
    if (!fcList)
      return {
        id: "fonts",
        status: "fail",
        message: "fonts: fc-list (fontconfig) not found",
        install: FONT_INSTALL,
      };
    const output = await probes.run(fcList, [":", "family"]);
    const families = new Set(
      output.stdout
        .split("\n")
        .flatMap((line) => line.split(","))
        .map((f) => f.trim()),
    );
    const found = SANS_FONTS.filter((font) => families.has(font));
    if (found.length === 0) {
      return {
        id: "fonts",
        status: "fail",
        message: "fonts: no sans-serif font such as Liberation, Noto or DejaVu Sans",
        install: FONT_INSTALL,
      };
    }
    return { id: "fonts", status: "ok", message: `fonts: ${found.join(", ")}` };
  },
});
