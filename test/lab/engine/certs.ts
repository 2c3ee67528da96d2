import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runOk } from "./run.js";

export interface CertFiles {
  cert: string;
  key: string;
}

/**
 * A self-signed certificate for an admin page. "expired" is signed with `openssl ca -selfsign`
 * and explicit start/end dates, the one way openssl 3.0 writes a notAfter in the past.
 */
export async function makeCert(
  dir: string,
  name: string,
  kind: "self-signed" | "expired",
  subject: { cn: string; org?: string },
): Promise<CertFiles> {
  await mkdir(dir, { recursive: true });
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  const subj = `/CN=${subject.cn}${subject.org ? `/O=${subject.org}` : ""}`;
  if (kind === "self-signed") {
    await runOk([
      "openssl",
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "825",
      "-subj",
      subj,
    ]);
    return { cert, key };
  }
  const csr = join(dir, `${name}.csr`);
  const caDir = join(dir, `${name}-ca`);
  await mkdir(caDir, { recursive: true });
  await writeFile(join(caDir, "index.txt"), "");
  await writeFile(join(caDir, "serial"), "1000\n");
  const conf = join(caDir, "ca.cnf");
  await writeFile(
    conf,
    [
      "[ ca ]",
      "default_ca = lab",
      "[ lab ]",
      `database = ${caDir}/index.txt`,
      `new_certs_dir = ${caDir}`,
      `serial = ${caDir}/serial`,
      "default_md = sha256",
      "policy = anything",
      "unique_subject = no",
      "[ anything ]",
      "commonName = supplied",
      "organizationName = optional",
      "",
    ].join("\n"),
  );
  await runOk([
    "openssl",
    "req",
    "-new",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    key,
    "-out",
    csr,
    "-subj",
    subj,
  ]);
  await runOk([
    "openssl",
    "ca",
    "-batch",
    "-config",
    conf,
    "-selfsign",
    "-keyfile",
    key,
    "-in",
    csr,
    "-out",
    cert,
    "-startdate",
    "20210301000000Z",
    "-enddate",
    "20230301000000Z",
    "-notext",
  ]);
  return { cert, key };
}
