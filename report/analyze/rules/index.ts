import antivirusUnmanaged from "./antivirus-unmanaged.js";
import type { Rule } from "./define-rule.js";
import consumerFirewall from "./consumer-firewall.js";
import databaseExposed from "./database-exposed.js";
import eolOsEndingSoon from "./eol-os-ending-soon.js";
import eolOs from "./eol-os.js";
import expiredCertificate from "./expired-certificate.js";
import flatNetwork from "./flat-network.js";
import ftpAnonymous from "./ftp-anonymous.js";
import ftpOpen from "./ftp-open.js";
import httpAdminUnencrypted from "./http-admin-unencrypted.js";
import noBackupDetected from "./no-backup-detected.js";
import noEndpointProtection from "./no-endpoint-protection.js";
import noFirewallDetected from "./no-firewall-detected.js";
import noOffsiteBackup from "./no-offsite-backup.js";
import noServer from "./no-server.js";
import noUpsDetected from "./no-ups-detected.js";
import oldDomainFunctionalLevel from "./old-domain-functional-level.js";
import peerToPeer from "./peer-to-peer.js";
import pptpVpn from "./pptp-vpn.js";
import printerAdminOpen from "./printer-admin-open.js";
import rdpExposed from "./rdp-exposed.js";
import restoreNeverTested from "./restore-never-tested.js";
import rshRloginOpen from "./rsh-rlogin-open.js";
import selfSignedAdminCertificate from "./self-signed-admin-certificate.js";
import singleDomainController from "./single-domain-controller.js";
import smbSigningNotRequired from "./smb-signing-not-required.js";
import smb1Enabled from "./smb1-enabled.js";
import snmpDefaultCommunity from "./snmp-default-community.js";
import telnetOpen from "./telnet-open.js";
import tftpOpen from "./tftp-open.js";
import upnpOnGateway from "./upnp-on-gateway.js";
import upsOnBatteryOrLow from "./ups-on-battery-or-low.js";
import vncOpen from "./vnc-open.js";
import wanLatencyHigh from "./wan-latency-high.js";
import wanPacketLoss from "./wan-packet-loss.js";
import wifiOpenOrWep from "./wifi-open-or-wep.js";
import workstationsWithoutDomain from "./workstations-without-domain.js";

/** Every rule, explicitly listed (no auto-registration): adding a rule is one file plus one line here. */
export const RULES: readonly Rule[] = [
  antivirusUnmanaged,
  consumerFirewall,
  databaseExposed,
  eolOsEndingSoon,
  eolOs,
  expiredCertificate,
  flatNetwork,
  ftpAnonymous,
  ftpOpen,
  httpAdminUnencrypted,
  noBackupDetected,
  noEndpointProtection,
  noFirewallDetected,
  noOffsiteBackup,
  noServer,
  noUpsDetected,
  oldDomainFunctionalLevel,
  peerToPeer,
  pptpVpn,
  printerAdminOpen,
  rdpExposed,
  restoreNeverTested,
  rshRloginOpen,
  selfSignedAdminCertificate,
  singleDomainController,
  smbSigningNotRequired,
  smb1Enabled,
  snmpDefaultCommunity,
  telnetOpen,
  tftpOpen,
  upnpOnGateway,
  upsOnBatteryOrLow,
  vncOpen,
  wanLatencyHigh,
  wanPacketLoss,
  wifiOpenOrWep,
  workstationsWithoutDomain,
];
