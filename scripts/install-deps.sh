#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for building, running and testing ivr (the Swift toolchain aside).
# Safe to run again: it installs only what is missing. Used by the README's commands and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# SQLite (AstDB), libsndfile (audio files), pkg-config (system-library targets), Python venv (the AGI library
# used by the tests), and for the audio tests and the DTMF comparison: espeak-ng (speech), Asterisk's recorded
# prompts (talk-off on real speech), sox (conversions), spandsp (the reference detector), lcov (genhtml renders
# dialplan coverage), graphviz (ivr graph --format svg).
packages=(libsqlite3-dev libsndfile1-dev pkg-config python3 python3-venv espeak-ng asterisk-core-sounds-en-wav sox
          libspandsp-dev lcov graphviz)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
fi

# A real AGI library nobody here wrote (panoramisk, from PyPI), for the FastAGI tests.
if [ ! -x .build/agi-venv/bin/python ]; then
  mkdir -p .build
  python3 -m venv .build/agi-venv
  .build/agi-venv/bin/pip install --quiet panoramisk==1.4
fi
