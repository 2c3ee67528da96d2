import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { renderHtml } from "../../../report/render/html.js";
import { TAGGED_PDF_MAX_DEVICES } from "../../../report/render/pdf.js";
import { toViewModel } from "../../../report/render/view-model.js";
import { writeReport } from "../../../report/render/write-report.js";
import { Progress } from "../../../lib/progress.js";
import type { Assessment } from "../../../schema/assessment.js";
import { HOSTILE, handMadeAssessment, hostileAssessment } from "./fixtures.js";

/** The hand-made office with its devices copied under new addresses up to `count` devices. */
function officeOf(count: number): Assessment {
  const a = handMadeAssessment();
  const source = a.devices;
  a.devices = Array.from({ length: count }, (_, i) => {
    const device = structuredClone(source[i % source.length] as Assessment["devices"][number]);
    if (i >= source.length) {
      device.ip = `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      device.name = device.name ? `${device.name}-${i}` : undefined;
    }
    return device;
  });
  return a;
}

function withRisky(a: Assessment, service: string, port: number, hosts: number): Assessment {
  for (let i = 0; i < hosts; i++)
    a.environment.riskyServices.push({
      ip: `10.8.0.${i + 1}`,
      name: `ws${i + 1}`,
      port,
      protocol: "tcp",
      service,
    });
  return a;
}

describe("risky services", () => {
  it("are one row per service, most widespread first, each device named once", () => {
    const a = withRisky(handMadeAssessment(), "rdp", 3389, 3);
    // The same host and service reported twice is one device, not two.
    a.environment.riskyServices.push({
      ip: "10.8.0.1",
      name: "ws1",
      port: 3389,
      protocol: "tcp",
      service: "rdp",
    });
    const rows = toViewModel(a, DEFAULT_BRAND).security.riskyServices;
    expect(rows.map((row) => [row.service, row.port, row.count])).toEqual([
      ["rdp", "3389/tcp", 4],
      ["telnet", "23/tcp", 1],
      ["SMB1 (NT LM 0.12)", "445/tcp", 1],
    ]);
    expect(rows[0]?.hosts.map((host) => host.ip)).toEqual([
      "10.8.0.1",
      "10.8.0.2",
      "10.8.0.3",
      "192.168.10.11",
    ]);
    expect(rows[0]?.hosts[3]?.name).toBe("FS01");
    expect(rows[0]?.more).toBe(0);
  });

  it("name at most 16 devices per service and count the rest", () => {
    const html = renderHtml(withRisky(handMadeAssessment(), "rdp", 3389, 40), DEFAULT_BRAND);
    const security = html.slice(html.indexOf('id="security"'), html.indexOf('id="network"'));
    expect(security).toContain(">41<");
    expect(security).toContain("and 25 more");
    expect(security).toContain("ws16");
    expect(security).not.toContain("ws17<");
  });
});

describe("device inventory", () => {
  it("keeps the detailed table (MAC under the vendor, every service) for a normal office", () => {
    const vm = toViewModel(handMadeAssessment(), DEFAULT_BRAND);
    expect(vm.inventory.compact).toBe(false);
    const html = renderHtml(handMadeAssessment(), DEFAULT_BRAND);
    expect(html).not.toContain(`class="inventory-lines"`);
    expect(html).toContain("Vendor / MAC");
  });

  it("prints one line per device above 100 devices: columns aligned, services that do not fit counted", () => {
    expect(toViewModel(officeOf(100), DEFAULT_BRAND).inventory.compact).toBe(false);
    const a = officeOf(101);
    const first = a.devices[0] as Assessment["devices"][number];
    a.devices[0] = {
      ...first,
      services: ["1/tcp a", "2/tcp b", "3/tcp c", "4/tcp d", "5/tcp e", "6/tcp f", "7/tcp g"],
    };
    const vm = toViewModel(a, DEFAULT_BRAND);
    expect(vm.inventory.compact).toBe(true);
    expect(vm.inventory.lines).toHaveLength(101);
    // Every line, and the header, has the same width: the columns line up in a monospaced font.
    const width = Array.from(vm.inventory.lineHeader).length;
    expect(width).toBeLessThanOrEqual(124);
    for (const line of vm.inventory.lines) expect(Array.from(`${line.name} ${line.rest}`).length).toBe(width);
    const line = vm.inventory.lines.find((l) => l.rest.startsWith(first.ip));
    expect(line?.name.trim()).toBe("gw-fortigate");
    expect(line?.rest).toContain("1/tcp a, 2/tcp b +5 ");
    expect(line?.all).toBe("1/tcp a, 2/tcp b, 3/tcp c, 4/tcp d, 5/tcp e, 6/tcp f, 7/tcp g");

    const html = renderHtml(a, DEFAULT_BRAND);
    const inventory = html.slice(html.indexOf('id="inventory"'), html.indexOf('id="method"'));
    expect(inventory).toContain('class="inventory-lines"');
    expect(inventory).toContain("--csv");
    expect(inventory.match(/<tr>/g)).toHaveLength(102); // header + one line per device
  });

  it("cuts long values with an ellipsis and keeps the count of services readable", () => {
    const a = handMadeAssessment();
    const first = a.devices[0] as Assessment["devices"][number];
    a.devices[0] = {
      ...first,
      name: "a-very-long-device-name-indeed",
      services: [`8443/tcp ${"x".repeat(80)}`, "22/tcp ssh"],
    };
    const line = toViewModel(a, DEFAULT_BRAND, { compactInventoryAbove: 0 }).inventory.lines.find((l) =>
      l.rest.startsWith(first.ip),
    );
    expect(line?.name).toBe("a-very-long-de…");
    expect(line?.rest).toMatch(/8443\/tcp x+… \+1 /);
  });

  it("stays inert with hostile strings, in the cells and in their title attributes", () => {
    const html = renderHtml(hostileAssessment(), DEFAULT_BRAND, { compactInventoryAbove: 0 });
    const inventory = html.slice(html.indexOf('id="inventory"'), html.indexOf('id="method"'));
    expect(inventory).toContain(`class="inventory-lines"`);
    expect(inventory).not.toMatch(/<script|<img|\son\w+\s*=\s*["']?[a-z]/i);
    // Cut to its column before escaping: an entity is never split.
    expect(inventory).toContain("&lt;img src&#x3D;x onerror&#x3D;&quot;a…");
    expect(inventory).toContain(
      'title="443/tcp https, 22/tcp ssh, &lt;img src&#x3D;&quot;http://127.0.0.1:9/leak.png&quot;&gt;',
    );
    expect(inventory).not.toContain(HOSTILE.long.slice(0, 200));
  });
});

describe("PDF tagging", () => {
  const dir = mkdtempSync(join(tmpdir(), "sweetspot-tagging-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const printed = async (devices: number) => {
    let tagged: boolean | undefined;
    await writeReport(
      officeOf(devices),
      DEFAULT_BRAND,
      { pdf: join(dir, `r${devices}.pdf`) },
      new Progress({ quiet: true }),
      {
        printPdf: async (_html, options) => {
          tagged = options.tagged;
          return {
            pdf: Buffer.from("%PDF-1.4 /Type /Pages /Count 1 >>"),
            refusedRequests: 0,
            refusedUrls: [],
          };
        },
      },
    );
    return tagged;
  };

  it(`is on up to ${TAGGED_PDF_MAX_DEVICES} devices and off above (it would dominate the print)`, async () => {
    expect(await printed(31)).toBe(true);
    expect(await printed(TAGGED_PDF_MAX_DEVICES)).toBe(true);
    expect(await printed(TAGGED_PDF_MAX_DEVICES + 1)).toBe(false);
  });
});
