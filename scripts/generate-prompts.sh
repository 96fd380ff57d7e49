#!/usr/bin/env bash
# Generates the English prompt set in Prompts/en with espeak-ng and sox.
#
#   scripts/generate-prompts.sh [output-directory]      (default: Prompts/en next to this script's parent)
#
# Every file is 8 kHz mono signed 16-bit PCM WAV, named as Asterisk names its sounds (digits/1, letters/a,
# phonetic/a_p, vm-intro, ...): the digits, letters and words Asterisk's English Say functions play, and the
# prompts the engine's applications and the example dialplans in Dialplans/ play.
#
# Reproducible: a fixed espeak-ng voice, speed, pitch and amplitude, and sox without dither (-D), so the same
# espeak-ng and sox versions give the same bytes. Each phrase is spoken at 22.05 kHz, trimmed of leading and
# trailing silence, normalised to -3 dBFS, resampled to 8 kHz and given 40 ms of silence before and 60 ms after.
# `beep` is a 1000 Hz tone of 250 ms made by sox. Files with names the script does not make are left alone, so
# recorded prompts can sit beside the generated ones (or replace them: rerunning overwrites only its own names).
#
# Needs: espeak-ng, sox (Debian: apt-get install espeak-ng sox).
set -euo pipefail

VOICE=en-us      # espeak-ng voice
SPEED=150        # words per minute
PITCH=45         # 0-99
AMPLITUDE=100    # 0-200 (levels are normalised afterwards anyway)
RATE=8000

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../Prompts/en}"

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "generate-prompts: $tool is not installed" >&2; exit 1; }
done

mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

count=0

# say NAME TEXT: speaks TEXT into $out/NAME.wav.
say() {
    local name="$1" text="$2"
    local target="$out/$name.wav"
    mkdir -p "$(dirname "$target")"
    espeak-ng -v "$VOICE" -s "$SPEED" -p "$PITCH" -a "$AMPLITUDE" -w "$work/speech.wav" -- "$text"
    sox -D -V1 "$work/speech.wav" -r "$RATE" -c 1 -b 16 -e signed-integer "$work/phrase.wav" \
        silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse \
        gain -n -3 rate -v "$RATE" pad 0.04 0.06
    mv "$work/phrase.wav" "$target"
    count=$((count + 1))
}

# tone NAME SECONDS FREQUENCY: a sine tone with 5 ms fades, at -6 dBFS.
tone() {
    local name="$1" seconds="$2" frequency="$3"
    sox -D -V1 -n -r "$RATE" -c 1 -b 16 -e signed-integer "$out/$name.wav" \
        synth "$seconds" sine "$frequency" fade t 0.005 "$seconds" 0.005 gain -6
    count=$((count + 1))
}

# --- digits/: SayDigits, SayNumber, SayOrdinal, SayUnixTime -------------------------------------------------
cardinals=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
           sixteen seventeen eighteen nineteen)
ordinals=(zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
          fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth)
tens=([20]=twenty [30]=thirty [40]=forty [50]=fifty [60]=sixty [70]=seventy [80]=eighty [90]=ninety)
tenths=([20]=twentieth [30]=thirtieth [40]=fortieth [50]=fiftieth [60]=sixtieth [70]=seventieth
        [80]=eightieth [90]=ninetieth)

for n in $(seq 0 19); do say "digits/$n" "${cardinals[$n]}"; done
for n in $(seq 1 19); do say "digits/h-$n" "${ordinals[$n]}"; done
for n in 20 30 40 50 60 70 80 90; do
    say "digits/$n" "${tens[$n]}"
    say "digits/h-$n" "${tenths[$n]}"
done
for word in hundred thousand million billion; do
    say "digits/$word" "$word"
    say "digits/h-$word" "${word}th"
done
say digits/minus "minus"
say digits/star "star"
say digits/pound "pound"
say digits/oh "oh"
say digits/at "at"
say digits/a-m "A M"
say digits/p-m "P M"
say digits/oclock "o'clock"
say digits/today "today"
say digits/yesterday "yesterday"
say digits/tomorrow "tomorrow"
say digits/dollars "dollars"

days=(Sunday Monday Tuesday Wednesday Thursday Friday Saturday)
for n in $(seq 0 6); do say "digits/day-$n" "${days[$n]}"; done
months=(January February March April May June July August September October November December)
for n in $(seq 0 11); do say "digits/mon-$n" "${months[$n]}"; done

# --- letters/: SayAlpha -----------------------------------------------------------------------------------------
# Spelled the way the letter's name sounds, so espeak-ng does not read "a" as the article.
letter_names=(ay bee see dee ee eff gee aitch eye jay kay ell em en oh pee cue are ess tee you vee
              "double you" ex why zee)
i=0
for letter in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
    say "letters/$letter" "${letter_names[$i]}"
    i=$((i + 1))
done
say letters/at "at"
say letters/dash "dash"
say letters/dot "dot"
say letters/dollar "dollar"
say letters/dollar_ "dollar"
say letters/equals "equals"
say letters/exclaimation-point "exclamation point"
say letters/plus "plus"
say letters/slash "slash"
say letters/space "space"
say uppercase "uppercase"
say lowercase "lowercase"

# --- phonetic/: SayPhonetic -------------------------------------------------------------------------------------
alphabet=(alfa bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa
          quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu)
i=0
for letter in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
    say "phonetic/${letter}_p" "${alphabet[$i]}"
    i=$((i + 1))
done
say phonetic/9_p "niner"

# --- SayMoney ---------------------------------------------------------------------------------------------------
say dollars "dollars"
say cent "cent"
say cents "cents"
say and "and"
say vm-and "and"

# --- Application prompts (Authenticate, VoiceMail, Record, AGI) -------------------------------------------------
tone beep 0.25 1000
say agent-pass "Please enter your password, followed by the pound key."
say auth-thankyou "Thank you."
say auth-incorrect "That password is incorrect. Please try again."
say vm-intro "Please leave your message after the tone. When you are done, hang up, or press the pound key."
say vm-goodbye "Goodbye."
say vm-theperson "The person at extension"
say vm-isunavail "is unavailable."
say vm-isonphone "is on the phone."
say vm-mailboxfull "Sorry, the mailbox is full. No message can be left."
say goodbye "Goodbye."
say invalid "Invalid."

# --- Dialplans/demo-menu.conf ------------------------------------------------------------------------------------
say example-welcome "Thank you for calling Example Company."
say main-menu "For sales, press 1. For support, press 2. To enter your account number, press 3. For the operator, press 0. If you know your party's extension, you may dial it at any time."
say example-closed "Our offices are now closed. Our business hours are Monday to Friday, 8 A M to 6 P M."
say transferring-to-sales "Please hold while we transfer you to sales."
say transferring-to-support "Please hold while we transfer you to support."
say option-is-invalid "Sorry, that is not a valid option."
say enter-account-number "Please enter your account number, followed by the pound key."

# --- Dialplans/attendant.conf --------------------------------------------------------------------------------------
say attendant-welcome "Thank you for calling Example Incorporated."
say attendant-menu "For sales, press 1. For support, press 2. For billing, press 3. For the company directory, press 9. For the operator, press 0. If you know your party's four digit extension, you may dial it at any time."
say attendant-connecting "Please hold while we connect you."
say attendant-department-busy "Everyone in this department is busy. Please leave a message."
say attendant-directory-intro "Please enter the first three letters of the person's last name."
say attendant-directory-connecting "Connecting you now."
say attendant-directory-no-match "There is no one by that name."
say attendant-closed "Our offices are closed. Our business hours are Monday to Friday, 8 A M to 6 P M. Please leave a message."
say attendant-holiday "Our offices are closed for the holiday. Please leave a message."

# --- Dialplans/bank.conf -------------------------------------------------------------------------------------------
say bank-welcome "Welcome to Example Bank."
say bank-language "For English, press 1. Für Deutsch, drücken Sie die 2."
say bank-closed-self-service "Our agents are available Monday to Friday from 8 A M to 6 P M, and Saturday mornings. Self service is open."
say bank-enter-account "Please enter your seven digit account number, followed by the pound key."
say bank-account-invalid "That account number is not valid."
say bank-enter-pin "Please enter your PIN, followed by the pound key."
say bank-pin-invalid "That PIN is not correct."
say bank-account-locked "For your security, this account is locked. Please try again later, or visit a branch."
say bank-menu-options "For your balance, press 1. For your last transactions, press 2. To block a lost card, press 3. To request a callback, press 4. To speak to an agent, press 5. For the operator, press 0. To hear these options again, press star."
say bank-agents-closed "Our agents are not available now."
say bank-transfer-agent "Please hold while we connect you to an agent."
say bank-agents-busy "All agents are busy."
say bank-transfer-operator "Please hold for the operator."
say bank-your-balance-is "Your balance is"
say bank-last-transactions "Your last transactions are:"
say bank-debit "a debit of"
say bank-credit "a credit of"
say bank-confirm-block-card "To block your card, press 1. To go back, press 2."
say bank-card-not-blocked "Your card was not blocked."
say bank-card-blocked "Your card is now blocked."
say bank-callback-which "To be called back at this number, press 1. To enter another number, press 2."
say bank-enter-callback-number "Please enter the number to call, followed by the pound key."
say bank-number-invalid "That number is not valid."
say bank-callback-confirmed "Thank you. We will call you back."

echo "generate-prompts: wrote $count prompts to $out ($(du -sh "$out" | cut -f1))"
