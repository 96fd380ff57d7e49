#!/usr/bin/env bash
# The demo call: a caller phones the bank line, picks English, enters account 1234567 and PIN 4711, hears the
# balance and the last transactions, and hangs up. Everything goes through audio: the caller's DTMF is generated
# into a WAV, decoded by the detector, run through the interpreter, and what the caller heard is written out.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-output}
mkdir -p "$out"
rm -f "$out/bank.sqlite" "$out/bank.sqlite-wal" "$out/bank.sqlite-shm"

swift build --product ivr >/dev/null
ivr=$(swift build --show-bin-path)/ivr

"$ivr" check Dialplans/*.conf
"$ivr" run Dialplans/bank-seed.conf --context seed --astdb "$out/bank.sqlite" --quiet
# 1 = English (2 s), account number and PIN each ended with #, then 1 = balance and 2 = transactions.
"$ivr" dtmf generate '1@4s 1234567#@9s 4711#@15s 1@21s 2@41s' "$out/caller.wav" --length 75s
"$ivr" run Dialplans/bank.conf --context bank-incoming --callerid 5551234 --astdb "$out/bank.sqlite" \
  --caller-audio "$out/caller.wav" --heard "$out/heard.wav" --trace "$out/call.jsonl" --cdr "$out/Master.csv" \
  --now 2026-11-23T10:00:00Z --tz UTC
echo
echo "caller audio: $out/caller.wav   heard audio: $out/heard.wav"
echo "trace: $out/call.jsonl   CDR: $out/Master.csv   AstDB: $out/bank.sqlite"
