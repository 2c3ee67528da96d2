import { describe, expect, it } from "vitest";
import { csvCell, inventoryCsv } from "../../../report/render/csv-inventory.js";
import { handMadeAssessment } from "./fixtures.js";

describe("inventory CSV", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1 503 555", "'+1 503 555"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["line\nbreak", "line break"],
    ["", ""],
  ])("cell %j → %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("has a header and one row per device, with services joined", () => {
    const assessment = handMadeAssessment();
    const lines = inventoryCsv(assessment).trimEnd().split("\r\n");
    expect(lines[0]).toBe("ip,mac,vendor,name,role,confidence,os,services");
    expect(lines).toHaveLength(assessment.devices.length + 1);
    expect(lines[1]).toBe(
      "192.168.10.1,00:1b:21:01:4a:10,Fortinet,gw-fortigate,firewall,0.95,FortiOS 6.4.9,443/tcp https; 22/tcp ssh",
    );
  });
});
