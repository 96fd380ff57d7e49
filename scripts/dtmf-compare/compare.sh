#!/usr/bin/env bash
# Side-by-side comparison of our DTMF detector (dtmf-lab) and spandsp 0.0.6's dtmf_rx.
#
# Builds the spandsp driver (gcc, -lspandsp -lm) and dtmf-lab (release), generates the
# Q.24 conformance set, converts the Asterisk prompts, an espeak-ng sample and a sox-made
# music-like sample to raw s16le 8 kHz, runs both detectors on everything and prints one
# table. Usage: scripts/dtmf-compare/compare.sh [PACKAGE_DIR]   (default: the repo root;
# pass the staging package when working from a staging tree).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package="${1:-$(cd "$here/../.." && pwd)}"
sounds="${ASTERISK_SOUNDS:-/usr/share/asterisk/sounds/en/}"
bench_reps="${BENCH_REPS:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/dtmf-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "building spandsp driver and dtmf-lab (release)..." >&2
gcc -O2 -Wall -o "$work/spandsp_driver" "$here/spandsp_driver.c" -lspandsp -lm
(cd "$package" && swift build -c release --product dtmf-lab >&2)
lab="$(cd "$package" && swift build -c release --product dtmf-lab --show-bin-path)/dtmf-lab"
spandsp="$work/spandsp_driver"

echo "generating the conformance set..." >&2
"$lab" generate "$work/q24" >&2
"$spandsp" "$work"/q24/*.raw > "$work/spandsp-q24.txt"

echo "converting talk-off material..." >&2
mkdir -p "$work/prompts" "$work/other"
to_raw() { sox "$1" -t raw -e signed-integer -b 16 -r 8000 -c 1 -L "$2" "${@:3}"; }
prompt_count=0
while IFS= read -r -d '' wav; do
    name="$(printf '%s' "${wav#"$sounds"}" | tr '/' '_')"
    to_raw "$wav" "$work/prompts/${name%.wav}.raw"
    prompt_count=$((prompt_count + 1))
done < <(find "$sounds" -name '*.wav' -print0 2>/dev/null)

if command -v espeak-ng >/dev/null; then
    espeak-ng -w "$work/speech.wav" -s 160 \
        "Thank you for calling. For sales, press one. For support, press two. To hear these options again, press star. \
         Please enter your account number followed by the pound key. Your call is important to us; please stay on the line. \
         Zero one two three four five six seven eight nine. Four, seven, nine, pound, star, hash, A B C D." >/dev/null
    to_raw "$work/speech.wav" "$work/other/espeak.raw"
    espeak-ng -w "$work/speech2.wav" -v en+f3 -p 70 -s 140 \
        "Good morning. Mmm, hmm, la la la laaa. Beep beep. One moment please while I transfer your call." >/dev/null
    to_raw "$work/speech2.wav" "$work/other/espeak-high.raw"
fi
# Music-like (sox synth): a sine chord, plucked chords, a sweep, square and sawtooth
# chords (rich in harmonics), and a plucked F major chord (F5 = 698.5 Hz sits on 697 Hz).
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/music1.wav" \
    synth 3 sine 440 sine 554.37 sine 659.25 sine 880 remix - gain -n -6 \
    : synth 3 pluck C4 pluck E4 pluck G4 pluck C5 remix - gain -n -6 \
    : synth 4 sine 300-3000 gain -n -8 \
    : synth 3 square 220 square 330 remix - gain -n -12 \
    : synth 3 sawtooth 174.61 sawtooth 261.63 sawtooth 349.23 remix - gain -n -10 \
    : synth 3 pluck F4 pluck A4 pluck C5 pluck F5 remix - gain -n -6 >/dev/null 2>&1
to_raw "$work/music1.wav" "$work/other/music.raw"

count_ours() { "$lab" talkoff "$@" | awk '/^talk-off:/ {print $2}'; }
count_spandsp() { "$spandsp" "$@" | awk '$2 != "-" {n += length($2)} END {print n + 0}'; }

prompt_files=("$work"/prompts/*.raw)
other_files=("$work"/other/*.raw)
ours_prompts="$(count_ours "${prompt_files[@]}")"
theirs_prompts="$(count_spandsp "${prompt_files[@]}")"
ours_other="$(count_ours "${other_files[@]}")"
theirs_other="$(count_spandsp "${other_files[@]}")"
minutes="$(cat "${prompt_files[@]}" | wc -c | awk '{printf "%.1f", $1 / 16000 / 60}')"

echo "benchmarking (${bench_reps} passes over all prompts)..." >&2
cat "${prompt_files[@]}" > "$work/all-prompts.raw"
ours_speed="$("$lab" bench "$work/all-prompts.raw" "$bench_reps" | awk '{print $1}')"
theirs_speed="$("$spandsp" --bench "$work/all-prompts.raw" "$bench_reps" | awk '{print $1}')"
ours_speed2="$("$lab" bench "$work/all-prompts.raw" "$bench_reps" | awk '{print $1}')"
theirs_speed2="$("$spandsp" --bench "$work/all-prompts.raw" "$bench_reps" | awk '{print $1}')"
# Best of two interleaved runs each, so a busy machine penalises both alike.
ours_speed=$(( ours_speed > ours_speed2 ? ours_speed : ours_speed2 ))
theirs_speed=$(( theirs_speed > theirs_speed2 ? theirs_speed : theirs_speed2 ))

echo
"$lab" compare "$work/q24" "$work/spandsp-q24.txt" "spandsp"
row() { printf '| %-30s | %-9s | %-9s |\n' "$1" "$2" "$3"; }
row "talk-off ${prompt_count} prompts, ${minutes} min" "$ours_prompts false" "$theirs_prompts false"
row "talk-off espeak-ng + music" "$ours_other false" "$theirs_other false"
row "speed (samples/s)" "$(awk -v s="$ours_speed" 'BEGIN {printf "%.3g", s}')" "$(awk -v s="$theirs_speed" 'BEGIN {printf "%.3g", s}')"
row "speed ratio (ours / spandsp)" "$(awk -v a="$ours_speed" -v b="$theirs_speed" 'BEGIN {printf "%.2fx", a / b}')" "1.00x"
