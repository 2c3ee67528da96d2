/** SNMPv2-MIB system group (instance .0). */
export const SYSTEM_OIDS = {
  sysDescr: "1.3.6.1.2.1.1.1.0",
  sysObjectID: "1.3.6.1.2.1.1.2.0",
  sysUpTime: "1.3.6.1.2.1.1.3.0",
  sysContact: "1.3.6.1.2.1.1.4.0",
  sysName: "1.3.6.1.2.1.1.5.0",
  sysLocation: "1.3.6.1.2.1.1.6.0",
} as const;

/** UPS-MIB (RFC 1628), 1.3.6.1.2.1.33.1: identity, battery and output groups. */
export const UPS_MIB_OIDS = {
  upsIdentManufacturer: "1.3.6.1.2.1.33.1.1.1.0",
  upsIdentModel: "1.3.6.1.2.1.33.1.1.2.0",
  upsIdentUPSSoftwareVersion: "1.3.6.1.2.1.33.1.1.3.0",
  upsIdentName: "1.3.6.1.2.1.33.1.1.5.0",
  upsBatteryStatus: "1.3.6.1.2.1.33.1.2.1.0",
  upsSecondsOnBattery: "1.3.6.1.2.1.33.1.2.2.0",
  upsEstimatedMinutesRemaining: "1.3.6.1.2.1.33.1.2.3.0",
  upsEstimatedChargeRemaining: "1.3.6.1.2.1.33.1.2.4.0",
  upsOutputSource: "1.3.6.1.2.1.33.1.4.1.0",
  upsOutputPercentLoad: "1.3.6.1.2.1.33.1.4.4.1.5.1",
} as const;

/** APC PowerNet-MIB (enterprise 318) scalars that answer the same questions on APC cards. */
export const APC_OIDS = {
  upsBasicIdentModel: "1.3.6.1.4.1.318.1.1.1.1.1.1.0",
  upsBasicBatteryStatus: "1.3.6.1.4.1.318.1.1.1.2.1.1.0",
  upsAdvBatteryCapacity: "1.3.6.1.4.1.318.1.1.1.2.2.1.0",
  upsAdvBatteryRunTimeRemaining: "1.3.6.1.4.1.318.1.1.1.2.2.3.0",
  upsBasicOutputStatus: "1.3.6.1.4.1.318.1.1.1.4.1.1.0",
  upsAdvOutputLoad: "1.3.6.1.4.1.318.1.1.1.4.2.3.0",
} as const;

export const APC_ENTERPRISE = "1.3.6.1.4.1.318";
