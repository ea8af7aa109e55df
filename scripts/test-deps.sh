#!/usr/bin/env bash
# Installs the Debian packages the tests drive (Chromium, poppler, qpdf, LibreOffice Calc) when missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if ((${#need[@]})); then
  echo "installing test tools: ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
