import snmp from "net-snmp";

export interface FakeScalar {
  name: string;
  oid: string;
  type: snmp.ObjectType;
  value: unknown;
}

/** A net-snmp agent on 127.0.0.1 answering v1/v2c GETs for the given scalars (OIDs without ".0"). */
export async function startFakeSnmpAgent(
  port: number,
  community: string,
  scalars: FakeScalar[],
): Promise<{ close(): Promise<void> }> {
  const agent = snmp.createAgent({ port, address: "127.0.0.1", transport: "udp4" }, () => undefined);
  agent.getAuthorizer().addCommunity(community);
  const mib = agent.getMib();
  for (const s of scalars) {
    mib.registerProvider({
      name: s.name,
      type: snmp.MibProviderType.Scalar,
      oid: s.oid,
      scalarType: s.type,
      maxAccess: snmp.MaxAccess["read-only"],
    });
    mib.setScalarValue(s.name, s.value);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { close: () => new Promise<void>((resolve) => agent.close(() => resolve())) };
}

export const SYSTEM_SCALARS: FakeScalar[] = [
  {
    name: "sysDescr",
    oid: "1.3.6.1.2.1.1.1",
    type: snmp.ObjectType.OctetString,
    value: "FortiGate-60F v7.2.5,build1517 (GA)",
  },
  {
    name: "sysObjectID",
    oid: "1.3.6.1.2.1.1.2",
    type: snmp.ObjectType.OID,
    value: "1.3.6.1.4.1.12356.101.1.60",
  },
  { name: "sysUpTime", oid: "1.3.6.1.2.1.1.3", type: snmp.ObjectType.TimeTicks, value: 12345678 },
  { name: "sysContact", oid: "1.3.6.1.2.1.1.4", type: snmp.ObjectType.OctetString, value: "it@example.test" },
  { name: "sysName", oid: "1.3.6.1.2.1.1.5", type: snmp.ObjectType.OctetString, value: "fw-office" },
  { name: "sysLocation", oid: "1.3.6.1.2.1.1.6", type: snmp.ObjectType.OctetString, value: "Server closet" },
];

export const UPS_SCALARS: FakeScalar[] = [
  {
    name: "upsIdentManufacturer",
    oid: "1.3.6.1.2.1.33.1.1.1",
    type: snmp.ObjectType.OctetString,
    value: "Eaton",
  },
  {
    name: "upsIdentModel",
    oid: "1.3.6.1.2.1.33.1.1.2",
    type: snmp.ObjectType.OctetString,
    value: "5PX 1500",
  },
  { name: "upsBatteryStatus", oid: "1.3.6.1.2.1.33.1.2.1", type: snmp.ObjectType.Integer, value: 3 },
  {
    name: "upsEstimatedMinutesRemaining",
    oid: "1.3.6.1.2.1.33.1.2.3",
    type: snmp.ObjectType.Integer,
    value: 7,
  },
  {
    name: "upsEstimatedChargeRemaining",
    oid: "1.3.6.1.2.1.33.1.2.4",
    type: snmp.ObjectType.Integer,
    value: 18,
  },
  { name: "upsOutputSource", oid: "1.3.6.1.2.1.33.1.4.1", type: snmp.ObjectType.Integer, value: 5 },
];
