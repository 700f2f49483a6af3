#!/usr/bin/env bash
# The image's HEALTHCHECK: GET one path of the app on its own port and succeed only on a 2xx answer.
# The ASP.NET runtime image has no curl or wget, and installing them for one request adds a package
# manager run and a network tool to every image; bash's /dev/tcp does the same with what is there.
# Usage: campaignmanager-healthcheck /health/live     (port: first of ASPNETCORE_HTTP_PORTS, else 8080)
set -euo pipefail
path="${1:-/health/live}"
ports="${ASPNETCORE_HTTP_PORTS:-8080}"
port="${ports%%[;,]*}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
# HTTP/1.0 so the app closes the connection after one answer; the status line is all we read.
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 5 _version status _reason <&3 || exit 1
exec 3>&-
[[ "$status" == 2?? ]] || { echo "GET $path answered ${status:-nothing}" >&2; exit 1; }
