#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine of our kind: installs what the tests need when it is
# missing, then runs every test project and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Real SMTP server for the appeal tests: Debian's aiosmtpd, run by Debian's own python3 (/usr/bin/python3).
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then need_apt+=(python3-aiosmtpd); fi
# Real IMAP server for the inbound-mail tests: Debian's Dovecot, started by the tests with a private config file.
if [ ! -x /usr/sbin/dovecot ]; then need_apt+=(dovecot-imapd); fi
# The font the delivery evidence's letter PDF is set in (PDFsharp finds no system fonts on Linux by itself).
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then need_apt+=(fonts-dejavu-core); fi
# Real browser for the browser tests: Debian's Chromium, driven by Playwright through /usr/bin/chromium
# (Playwright's own browser download cannot work on our machines).
if [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need_apt+=(postgresql); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing test prerequisites: ${need_apt[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}") >/tmp/campaignmanager-apt.log 2>&1 \
      || { echo "apt-get install failed, see /tmp/campaignmanager-apt.log"; tail -20 /tmp/campaignmanager-apt.log; }
  else
    echo "Missing test prerequisites (install as root): apt-get install -y ${need_apt[*]}"
  fi
fi

results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"
dotnet test CampaignManager.sln --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries so CI reads one closing line.
passed=0; failed=0; skipped=0
while read -r p f s; do passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s)); done < <(
  grep -hoE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/console.log" |
    sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+)/\2 \1 \3/')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test exited with $status (build error or crashed test host)"; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
