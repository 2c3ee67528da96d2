import { describe, expect, it } from "vitest";
import type { CommandOutput, DoctorCheck, DoctorProbes } from "../../../agent/doctor/check.js";
import { DOCTOR_CHECKS } from "../../../agent/doctor/checks.js";
import { doctor, formatDoctor, runDoctor } from "../../../agent/doctor/run-doctor.js";
import { FailError } from "../../../lib/errors.js";

/** A machine described as data: which programs exist and what they print. */
function fakeMachine(
  overrides: Partial<DoctorProbes> & { programs?: Record<string, CommandOutput | undefined> } = {},
): DoctorProbes {
  const programs: Record<string, CommandOutput | undefined> = {
    "/usr/bin/nmap": {
      ok: true,
      stdout: "Nmap version 7.93 ( https://nmap.org )\nPlatform: x86_64-pc-linux-gnu\n",
      stderr: "",
    },
    "/usr/bin/chromium": {
      ok: true,
      stdout: "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n",
      stderr: "",
    },
    "/usr/bin/fc-list": {
      ok: true,
      stdout: "DejaVu Sans\nDejaVu Serif\nNoto Sans,Noto Sans Regular\n",
      stderr: "",
    },
    "/usr/bin/ping": { ok: true, stdout: "", stderr: "" },
    "/usr/sbin/getcap": { ok: true, stdout: "", stderr: "" },
    ...overrides.programs,
  };
  return {
    platform: "linux",
    nodeVersion: "20.19.0",
    isRoot: true,
    env: {},
    which: (name) => Object.keys(programs).find((path) => path.endsWith(`/${name}`) && programs[path]),
    run: async (file) => programs[file] ?? { ok: false, stdout: "", stderr: "not found" },
    findChromium: () =>
      programs["/usr/bin/chromium"] ? { path: "/usr/bin/chromium", via: "PATH", tried: [] } : { tried: [] },
    ...overrides,
  };
}

describe("sweetspot doctor", () => {
  it("prints one ✓ line per check and is ready when everything is there", async () => {
    const report = await runDoctor(DOCTOR_CHECKS, fakeMachine());
    expect(report.missing).toEqual([]);
    expect(formatDoctor(report)).toEqual([
      "✓ Node.js 20.19.0 (20.19 or newer needed)",
      "✓ nmap 7.93 at /usr/bin/nmap",
      "✓ raw sockets: running as root, SYN scan and OS detection possible",
      "✓ Chromium 156.0.8078.108 at /usr/bin/chromium (via PATH)",
      "✓ fonts: Noto Sans, DejaVu Sans",
      "✓ ping at /usr/bin/ping",
      "· snmpget not installed (optional: sweetspot reads SNMP itself)",
      "",
      "Ready: everything sweetspot needs is here.",
    ]);
  });

  it("marks what is missing with ✗ and the install command for Debian/Ubuntu, macOS and Windows", async () => {
    const machine = fakeMachine({
      nodeVersion: "20.18.1",
      programs: { "/usr/bin/nmap": undefined, "/usr/bin/chromium": undefined },
    });
    const report = await runDoctor(DOCTOR_CHECKS, machine);
    expect(report.missing.map((r) => r.id)).toEqual(["node", "nmap", "chromium"]);
    const lines = formatDoctor(report);
    const nmap = lines.indexOf("✗ nmap not found on PATH (needed to scan)");
    expect(lines.slice(nmap, nmap + 4)).toEqual([
      "✗ nmap not found on PATH (needed to scan)",
      "    Debian/Ubuntu: sudo apt-get install nmap",
      "    macOS:         brew install nmap",
      "    Windows:       winget install Insecure.Nmap",
    ]);
    expect(lines).toContain("✗ Node.js 20.18.1 is too old (20.19 or newer needed)");
    expect(lines.find((l) => l.startsWith("✗ Chromium"))).toBe(
      "✗ Chromium/Chrome not found (needed for the PDF report)",
    );
    expect(lines.at(-1)).toBe("Missing: node, nmap, chromium (install commands above).");
  });

  it("tells raw-socket privilege apart: root, CAP_NET_RAW on nmap, neither (a warning, not a failure)", async () => {
    const line = async (machine: DoctorProbes) => formatDoctor(await runDoctor(DOCTOR_CHECKS, machine))[2];
    expect(
      await line(
        fakeMachine({
          isRoot: false,
          programs: {
            "/usr/sbin/getcap": {
              ok: true,
              stdout: "/usr/bin/nmap cap_net_admin,cap_net_raw=eip\n",
              stderr: "",
            },
          },
        }),
      ),
    ).toBe(
      "✓ raw sockets: nmap has CAP_NET_RAW, SYN scan and OS detection possible (with nmap --privileged)",
    );
    const unprivileged = await runDoctor(DOCTOR_CHECKS, fakeMachine({ isRoot: false }));
    expect(unprivileged.missing).toEqual([]);
    expect(formatDoctor(unprivileged)[2]).toMatch(
      /^! raw sockets: not root .* falls back to a TCP connect scan without OS detection$/,
    );
    expect(await line(fakeMachine({ platform: "win32", isRoot: undefined }))).toMatch(
      /^· raw sockets \(Windows\): .*Administrator.*Npcap/,
    );
  });

  it("fails the fonts check when no sans-serif font is installed", async () => {
    const machine = fakeMachine({
      programs: { "/usr/bin/fc-list": { ok: true, stdout: "Bitstream Charter\n", stderr: "" } },
    });
    const report = await runDoctor(DOCTOR_CHECKS, machine);
    expect(report.missing.map((r) => r.id)).toEqual(["fonts"]);
  });

  it("counts a check that throws as failed instead of crashing", async () => {
    const broken: DoctorCheck = {
      id: "broken",
      required: true,
      run: async () => {
        throw new Error("boom\nstack");
      },
    };
    const report = await runDoctor([broken], fakeMachine());
    expect(formatDoctor(report)[0]).toBe("✗ broken: the check itself failed (boom)");
    expect(report.missing).toHaveLength(1);
  });

  it("exits 0 when ready and 1 (FailError) when a required piece is missing, after printing the report", async () => {
    let printed = "";
    await expect(doctor(DOCTOR_CHECKS, fakeMachine(), (t) => (printed += t))).resolves.toBeUndefined();
    expect(printed).toContain("Ready:");
    printed = "";
    const failing = doctor(
      DOCTOR_CHECKS,
      fakeMachine({ programs: { "/usr/bin/nmap": undefined } }),
      (t) => (printed += t),
    );
    await expect(failing).rejects.toThrow(FailError);
    await expect(failing).rejects.toThrow("doctor: 1 required check failed (nmap)");
    expect(printed).toContain("✗ nmap not found on PATH");
  });
});
