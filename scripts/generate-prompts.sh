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
#
# German: the same script also writes the German set, by default into de/ beside the English folder (Prompts/de),
# or into a second argument:
#
#   scripts/generate-prompts.sh [output-directory [german-output-directory]]
#   PROMPT_LANGUAGES=de scripts/generate-prompts.sh     (only German; PROMPT_LANGUAGES=en only English)
#
# It uses the espeak-ng voice `de` with the same speed, pitch, amplitude and sox pipeline, and holds every file the
# German Say rules of Sources/Dialplan/Functions/SayFilesGerman.swift can name (main/say.c's
# ast_say_number_full_de and ast_say_enumeration_full_de: digits/1N "ein", digits/1F "eine", digits/1-and
# "einund", digits/and, millions, milliard(s), the ordinals h-N with the gender variants h-NF and h-NN, ...; the
# engine's money lists: euro, dollar, pfund, cent, penny, pence, and), the German SayUnixTime words
# (ast_say_date_with_format_de: digits/oclock "Uhr", minute(s), second(s), today, yesterday, a-m, p-m) plus German
# versions of what Dialplans/bank.conf plays.
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

# --- German (Prompts/de) ------------------------------------------------------------------------------------------
# Defined here and run after the English set (or alone with PROMPT_LANGUAGES=de); `say` and `tone` see the local
# VOICE and out of this function.
PROMPT_LANGUAGES="${PROMPT_LANGUAGES:-en de}"
de_out="${2:-$(dirname "$out")/de}"

german_prompts() {
    local VOICE=de
    local out
    mkdir -p "$de_out"
    out="$(cd "$de_out" && pwd)"
    local start=$count n

    # digits/: ast_say_number_full_de. `1` is "eins"; `1N` "ein" (before hundert and tausend); `1F` "eine"
    # (eine Million, and SayNumber's gender f); `N-and` the ones before the tens ("einund" zwanzig).
    local cardinals=(null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn
                     sechzehn siebzehn achtzehn neunzehn)
    local ones=([1]=ein [2]=zwei [3]=drei [4]=vier [5]=fünf [6]=sechs [7]=sieben [8]=acht [9]=neun)
    local tens=([20]=zwanzig [30]=dreißig [40]=vierzig [50]=fünfzig [60]=sechzig [70]=siebzig [80]=achtzig
                [90]=neunzig)
    for n in $(seq 0 19); do say "digits/$n" "${cardinals[$n]}"; done
    for n in 20 30 40 50 60 70 80 90; do say "digits/$n" "${tens[$n]}"; done
    for n in $(seq 1 9); do say "digits/$n-and" "${ones[$n]}und"; done
    say digits/1N "ein"
    say digits/1F "eine"
    say digits/hundred "hundert"
    say digits/thousand "tausend"
    say digits/million "Million"
    say digits/millions "Millionen"
    say digits/milliard "Milliarde"
    say digits/milliards "Milliarden"
    say digits/minus "minus"
    say digits/and "und"

    # Ordinals (ast_say_enumeration_full_de): h-N without a gender (or m) is masculine "erster", h-NF feminine
    # "erste", h-NN neuter "erstes".
    local stems=([1]=erst [2]=zweit [3]=dritt [4]=viert [5]=fünft [6]=sechst [7]=siebt [8]=acht [9]=neunt
                 [10]=zehnt [11]=elft [12]=zwölft [13]=dreizehnt [14]=vierzehnt [15]=fünfzehnt [16]=sechzehnt
                 [17]=siebzehnt [18]=achtzehnt [19]=neunzehnt [20]=zwanzigst [30]=dreißigst [40]=vierzigst
                 [50]=fünfzigst [60]=sechzigst [70]=siebzigst [80]=achtzigst [90]=neunzigst)
    local key
    for key in $(seq 1 19) 20 30 40 50 60 70 80 90 hundred thousand million milliard last; do
        local stem
        case "$key" in
            hundred) stem=hundertst ;;
            thousand) stem=tausendst ;;
            million) stem=millionst ;;
            milliard) stem=milliardst ;;
            last) stem=letzt ;;
            *) stem="${stems[$key]}" ;;
        esac
        say "digits/h-$key" "${stem}er"
        say "digits/h-${key}F" "${stem}e"
        say "digits/h-${key}N" "${stem}es"
    done

    # SayUnixTime's month and weekday names (Dialplans/bank.conf says transaction dates with dBY in German).
    local days=(Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag)
    for n in $(seq 0 6); do say "digits/day-$n" "${days[$n]}"; done
    local months=(Januar Februar März April Mai Juni Juli August September Oktober November Dezember)
    for n in $(seq 0 11); do say "digits/mon-$n" "${months[$n]}"; done

    # SayMoney (the engine's German lists; Asterisk has US dollars only): "zwölf Euro und vierunddreißig Cent".
    say euro "Euro"
    say cent "Cent"
    say and "und"

    # SayMoney in other currencies: "zwei Dollar", "ein Pfund und ein Penny", "zwei Pfund und fünf Pence".
    say dollar "Dollar"
    say pfund "Pfund"
    say penny "Penny"
    say pence "Pence"

    # SayUnixTime's German words (ast_say_date_with_format_de): "zehn Uhr fünf Minuten und eine Sekunde".
    say digits/oclock "Uhr"
    say digits/minute "Minute"
    say digits/minutes "Minuten"
    say digits/second "Sekunde"
    say digits/seconds "Sekunden"
    say digits/today "heute"
    say digits/yesterday "gestern"
    say digits/a-m "vormittags"
    say digits/p-m "nachmittags"

    # Dialplans/bank.conf
    say goodbye "Auf Wiederhören."
    say option-is-invalid "Diese Auswahl ist leider ungültig."
    say bank-welcome "Willkommen bei der Beispielbank."
    say bank-language "Für Deutsch, drücken Sie die 2. For English, press 1."
    say bank-closed-self-service "Unsere Berater erreichen Sie montags bis freitags von 8 bis 18 Uhr und samstags vormittags. Der Selbstservice ist geöffnet."
    say bank-enter-account "Bitte geben Sie Ihre siebenstellige Kontonummer ein, gefolgt von der Rautetaste."
    say bank-account-invalid "Diese Kontonummer ist nicht gültig."
    say bank-enter-pin "Bitte geben Sie Ihre PIN ein, gefolgt von der Rautetaste."
    say bank-pin-invalid "Diese PIN ist nicht korrekt."
    say bank-account-locked "Zu Ihrer Sicherheit ist dieses Konto gesperrt. Bitte versuchen Sie es später noch einmal, oder besuchen Sie eine Filiale."
    say bank-menu-options "Für Ihren Kontostand drücken Sie die 1. Für Ihre letzten Umsätze drücken Sie die 2. Um eine verlorene Karte zu sperren, drücken Sie die 3. Für einen Rückruf drücken Sie die 4. Um mit einem Berater zu sprechen, drücken Sie die 5. Für die Vermittlung drücken Sie die 0. Um diese Auswahl noch einmal zu hören, drücken Sie die Sterntaste."
    say bank-agents-closed "Unsere Berater sind zurzeit nicht erreichbar."
    say bank-transfer-agent "Bitte bleiben Sie am Apparat, wir verbinden Sie mit einem Berater."
    say bank-agents-busy "Alle Berater sind im Gespräch."
    say bank-transfer-operator "Bitte bleiben Sie am Apparat, wir verbinden Sie mit der Vermittlung."
    say bank-your-balance-is "Ihr Kontostand beträgt"
    say bank-balance-unavailable "Ihr Kontostand ist im Moment leider nicht verfügbar. Bitte versuchen Sie es später noch einmal."
    say bank-last-transactions "Ihre letzten Umsätze:"
    say bank-debit "eine Belastung von"
    say bank-credit "eine Gutschrift von"
    say bank-confirm-block-card "Um Ihre Karte zu sperren, drücken Sie die 1. Um zurückzugehen, drücken Sie die 2."
    say bank-card-not-blocked "Ihre Karte wurde nicht gesperrt."
    say bank-card-blocked "Ihre Karte ist jetzt gesperrt."
    say bank-callback-which "Für einen Rückruf unter dieser Nummer drücken Sie die 1. Um eine andere Nummer einzugeben, drücken Sie die 2."
    say bank-enter-callback-number "Bitte geben Sie die Rückrufnummer ein, gefolgt von der Rautetaste."
    say bank-number-invalid "Diese Nummer ist nicht gültig."
    say bank-callback-confirmed "Vielen Dank. Wir rufen Sie zurück."

    echo "generate-prompts: wrote $((count - start)) German prompts to $out ($(du -sh "$out" | cut -f1))"
}

if [[ " $PROMPT_LANGUAGES " != *" en "* ]]; then
    [[ " $PROMPT_LANGUAGES " == *" de "* ]] && german_prompts
    exit 0
fi

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
# Other currencies (the engine's English lists; US dollars keep Asterisk's names above).
say euro "euro"
say euros "euros"
say pound "pound"
say pounds "pounds"
say penny "penny"
say pence "pence"

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
say bank-balance-unavailable "Sorry, your balance is not available right now. Please try again later."
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

if [[ " $PROMPT_LANGUAGES " == *" de "* ]]; then
    german_prompts
fi
