import type { Question } from "../../../schema/assessment.js";

/** Every question the environment can raise, by id: what to ask the client and why. */
export const QUESTIONS = {
  firewall: {
    id: "firewall",
    topic: "firewall",
    question:
      "What protects your internet connection: the internet provider's router, or a firewall of your own (brand)?",
    why: "The scan could not identify the device at the edge of the network; a business firewall behind the provider's router is invisible from inside.",
    answersField: "hasFirewall",
  },
  backupOnsite: {
    id: "backup-onsite",
    topic: "backup",
    question: "What backs up your server and PCs today (software, NAS, USB drive, cloud service)?",
    why: "No backup product answered on the network, but USB drives and cloud backup agents are invisible to a scan.",
    answersField: "offsiteBackup",
  },
  offsiteBackup: {
    id: "offsite-backup",
    topic: "backup",
    question: "Is a copy of your backups kept away from the office or in the cloud? With which provider?",
    why: "A scan cannot see offsite or cloud copies; without one, a fire, theft or ransomware takes the backups with the originals.",
    answersField: "offsiteBackup",
  },
  restoreTest: {
    id: "restore-test",
    topic: "backup",
    question: "When did you last restore a file or a whole machine from backup to check that it works?",
    why: "A backup that has never been restored is a hope, not a backup; only the client can tell.",
    answersField: "lastRestoreTest",
  },
  ups: {
    id: "ups",
    topic: "power",
    question: "Are the server, firewall and switches plugged into a UPS (battery backup)? Which one?",
    why: "No UPS answered on the network, but a UPS connected by USB to one server is invisible to a scan.",
    answersField: "hasUps",
  },
  antivirus: {
    id: "antivirus",
    topic: "endpoint-protection",
    question:
      "Which antivirus or endpoint protection runs on your PCs, and does someone manage it centrally?",
    why: "PCs that expose no services say nothing about their antivirus; no management console answered on the network.",
    answersField: "antivirus",
  },
  employees: {
    id: "employees",
    topic: "business",
    question: "How many people work here, and how many of them use a computer?",
    why: "Size drives both the cost of downtime and the monthly fee; the scan only counts devices.",
    answersField: "employees",
  },
  downtimeCost: {
    id: "downtime-cost",
    topic: "downtime",
    question:
      "What does an hour of an employee's time cost you (wages plus overhead), and how much revenue stops when systems are down?",
    why: "The cost of an hour of downtime is what justifies spending on IT; the scan cannot see it.",
    answersField: "hourlyCostPerEmployee",
  },
  currentSupport: {
    id: "current-support",
    topic: "business",
    question:
      "Who looks after your IT today: nobody, a friend or relative, a moonlighter, a break-fix shop, an MSP or staff?",
    why: "The current arrangement shapes the proposal and who to hand over from.",
    answersField: "currentSupport",
  },
  industry: {
    id: "industry",
    topic: "business",
    question: "What industry is the business in (medical, dental, legal, finance, accounting, insurance…)?",
    why: "Regulated industries carry legal duties for data protection and backups.",
    answersField: "industry",
  },
  directory: {
    id: "directory",
    topic: "directory",
    question:
      "Do staff sign in with a company account (Active Directory / Microsoft Entra ID) or with a separate account on each PC?",
    why: "No domain controller or workgroup name answered on the network.",
  },
} satisfies Record<string, Question>;
