#!/usr/bin/env bash
# Sets up sweetspot on Debian/Ubuntu: system packages, npm dependencies, build, `sweetspot` on PATH.
#   scripts/setup.sh          what a consultant needs (nmap, Chromium, fonts, ping)
#   scripts/setup.sh --lab    also what the test lab needs (Samba AD, snmpd, NUT, nginx, ...)
set -euo pipefail
cd "$(dirname "$0")/.."

lab=0
[ "${1:-}" = "--lab" ] && lab=1

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

runtime_packages=(nmap chromium fonts-liberation2 fonts-noto-core iputils-ping iproute2 poppler-utils ca-certificates)
lab_packages=(samba samba-ad-dc samba-ad-provision smbclient winbind krb5-user ldb-tools snmpd snmp nut-server nut-client
  nginx-light openssl inetutils-telnetd busybox dnsmasq-base bind9-dnsutils ldap-utils tcpdump
  arp-scan hyperfine procps util-linux psmisc)

packages=("${runtime_packages[@]}")
[ "$lab" -eq 1 ] && packages+=("${lab_packages[@]}")

# Lab daemons must never start in this machine's own network namespace (Samba's nmbd would
# broadcast on the real LAN): keep package post-install scripts from starting any service.
created_policy=0
if [ "$lab" -eq 1 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
  created_policy=1
fi

echo "sweetspot setup: installing ${#packages[@]} system packages"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null

if [ "$lab" -eq 1 ]; then
  # Stop and disable anything a package managed to start anyway (systemd hosts ignore policy-rc.d).
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    for unit in samba-ad-dc smbd nmbd winbind snmpd nut-server nut-monitor nginx; do
      "${sudo_cmd[@]}" systemctl disable --now "$unit" >/dev/null 2>&1 || true
    done
  fi
  [ "$created_policy" -eq 1 ] && "${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d
fi

echo "sweetspot setup: installing npm dependencies"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
if [ "$(id -u)" -eq 0 ] || [ -w "$(npm prefix -g)/bin" ]; then
  npm link --no-audit --no-fund --loglevel=error >/dev/null
  echo "sweetspot setup: done; \`sweetspot\` is on your PATH"
else
  echo "sweetspot setup: done; run sweetspot as: node $(pwd)/bin/sweetspot.js"
fi
