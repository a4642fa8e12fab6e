#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle on Linux and smoke-test it; each step prints PASS or FAIL.
#
#   packaging/build.sh               build, then test the bundle, the desktop files and the wheel
#   packaging/build.sh --no-build    test the bundle already in packaging/pyinstaller/dist
#
# Installs what it needs with apt-get when run as root (Xvfb, xdotool, binutils, validators).
# PyInstaller comes from PyPI through `uv run --with`, so the project's lock file is untouched.
# Exits 1 if any step failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2
APP_ID=io.github.hiptimer.HipTimer
SPEC=packaging/pyinstaller/hiptimer.spec
DIST=packaging/pyinstaller/dist
WORK=packaging/pyinstaller/build
BUNDLE="$DIST/hiptimer"
EXE="$BUNDLE/hiptimer"
PYINSTALLER_VERSION="${PYINSTALLER_VERSION:-pyinstaller>=6.10}"
WINDOW_TIMEOUT="${WINDOW_TIMEOUT:-30}"

BUILD=1
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

TMP="$(mktemp -d)"
XVFB_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

PASSED=()
FAILED=()
pass() { echo "PASS: $1"; PASSED+=("$1"); }
fail() { echo "FAIL: $1${2:+ - $2}"; FAILED+=("$1"); }
step() { echo; echo "== $1"; }

# ---------------------------------------------------------------- tools

can_apt() { [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
    if [ -z "${APT_UPDATED:-}" ]; then
        apt-get update -qq >/dev/null && APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need_apt() {
    # need_apt COMMAND PACKAGE...: install the packages if COMMAND is missing and we may.
    local command="$1"; shift
    command -v "$command" >/dev/null 2>&1 && return 0
    if ! can_apt; then
        echo "build.sh: $command is missing; install: $*" >&2
        return 1
    fi
    apt_install "$@"
}

step "tools"
TOOLS_OK=1
need_apt objdump binutils || TOOLS_OK=0  # PyInstaller and the library check use it
need_apt Xvfb xvfb xauth || TOOLS_OK=0
need_apt xdotool xdotool || TOOLS_OK=0
need_apt xprop x11-utils || TOOLS_OK=0
need_apt desktop-file-validate desktop-file-utils || TOOLS_OK=0
need_apt appstreamcli appstream || TOOLS_OK=0
# The X libraries Qt's xcb platform plugin loads from the system.
if can_apt && ! ldconfig -p | grep -q libxcb-cursor.so.0; then
    apt_install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 \
        libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
        libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 || true
fi
command -v uv >/dev/null 2>&1 || TOOLS_OK=0
if [ "$TOOLS_OK" -eq 1 ]; then pass "tools"; else fail "tools" "see the messages above"; fi

# ---------------------------------------------------------------- build

if [ "$BUILD" -eq 1 ]; then
    step "build (PyInstaller, one folder)"
    rm -rf "$BUNDLE"
    if uv run --with "$PYINSTALLER_VERSION" pyinstaller --noconfirm --log-level WARN \
        --distpath "$DIST" --workpath "$WORK" "$SPEC" >"$TMP/pyinstaller.log" 2>&1; then
        grep -E "^hiptimer.spec:" "$TMP/pyinstaller.log"
        pass "build"
    else
        tail -30 "$TMP/pyinstaller.log"
        fail "build" "pyinstaller failed"
    fi
fi

if [ ! -x "$EXE" ]; then
    fail "bundle exists" "no $EXE"
    echo; echo "passed ${#PASSED[@]}, failed ${#FAILED[@]}: ${FAILED[*]}"
    exit 1
fi

step "size"
du -sh "$BUNDLE"
echo "largest in _internal:"
du -sh "$BUNDLE"/_internal/* | sort -h | tail -10

# ---------------------------------------------------------------- libraries

step "libraries resolve"
# Every ELF file in the bundle must find its libraries in the bundle or on this system.
# Wayland's client libraries come from the user's desktop, as with any Wayland app.
: >"$TMP/missing"
while IFS= read -r -d '' file; do
    LD_LIBRARY_PATH="$BUNDLE/_internal" ldd "$file" 2>/dev/null | grep "not found" \
        | sed "s|^|${file#"$BUNDLE"/}: |" >>"$TMP/missing"
done < <(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -name hiptimer \) -print0)
grep -v "libwayland-" "$TMP/missing" | sort -u >"$TMP/missing.real"
if [ -s "$TMP/missing.real" ]; then
    head -20 "$TMP/missing.real"
    fail "libraries resolve" "$(wc -l <"$TMP/missing.real") unresolved"
else
    [ -s "$TMP/missing" ] && echo "(wayland libraries left to the desktop: $(grep -c . "$TMP/missing") references)"
    pass "libraries resolve"
fi

# ---------------------------------------------------------------- command line

step "--version"
WANT="hiptimer $(sed -n 's/^__version__ = "\(.*\)"/\1/p' hiptimer/__init__.py)"
GOT="$("$EXE" --version 2>&1)"
if [ "$GOT" = "$WANT" ]; then pass "--version ($GOT)"; else fail "--version" "got '$GOT', want '$WANT'"; fi

step "validate the bundled built-in routines"
# (not the translations in routines/<language>/: those are overlays, not routines)
mapfile -t ROUTINES < <(find "$BUNDLE/_internal/hiptimer/resources/routines" -maxdepth 1 -name '*.json' | sort)
if [ "${#ROUTINES[@]}" -eq 0 ]; then
    fail "validate" "no routines in the bundle"
elif "$EXE" --data-dir "$TMP/data-validate" validate "${ROUTINES[@]}"; then
    pass "validate (${#ROUTINES[@]} routines)"
else
    fail "validate"
fi

step "list finds the built-in routines"
if "$EXE" --data-dir "$TMP/data-list" list >"$TMP/list.txt" 2>&1 \
    && [ "$(grep -c "built-in" "$TMP/list.txt")" -eq "${#ROUTINES[@]}" ]; then
    cat "$TMP/list.txt"
    pass "list"
else
    cat "$TMP/list.txt"
    fail "list" "expected ${#ROUTINES[@]} built-in routines"
fi

# ---------------------------------------------------------------- the window

free_display() {
    local n
    for n in $(seq 90 140); do
        [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ] && { echo "$n"; return 0; }
    done
    return 1
}

step "window opens under Xvfb and closes on Ctrl+Q, Q"
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
    fail "window" "Xvfb or xdotool missing"
else
    DISPLAY_NUMBER="$(free_display)"
    Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break; sleep 0.1; done
    export DISPLAY=":$DISPLAY_NUMBER"
    # No session bus here: Qt would wait for one; the app must cope without it.
    QT_QPA_PLATFORM=xcb "$EXE" --data-dir "$TMP/data-window" >"$TMP/window.out" 2>"$TMP/window.err" &
    APP_PID=$!
    WID=""
    for _ in $(seq "$((WINDOW_TIMEOUT * 2))"); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
        WID="$(xdotool search --onlyvisible --name HipTimer 2>/dev/null | head -1)"
        [ -n "$WID" ] && break
        sleep 0.5
    done
    if [ -z "$WID" ]; then
        if kill -0 "$APP_PID" 2>/dev/null; then
            fail "window" "no window named HipTimer within ${WINDOW_TIMEOUT}s"
            kill "$APP_PID" 2>/dev/null
        else
            wait "$APP_PID"
            fail "window" "hiptimer exited with $? before showing a window: $(tail -3 "$TMP/window.err" | tr '\n' ' ')"
        fi
        APP_PID=""
    else
        echo "window $WID: $(xdotool getwindowname "$WID")"
        if command -v import >/dev/null && import -version 2>/dev/null | grep -q ImageMagick; then
            import -window root "$DIST/window.png" 2>/dev/null && echo "screenshot: $DIST/window.png"
        fi
        WM_CLASS="$(xprop -id "$WID" WM_CLASS 2>/dev/null | sed 's/.*= //')"
        WANT_CLASS="$(sed -n 's/^StartupWMClass=//p' "packaging/linux/$APP_ID.desktop")"
        if echo "$WM_CLASS" | grep -q "\"$WANT_CLASS\""; then
            pass "window class $WM_CLASS matches StartupWMClass"
        else
            fail "window class" "WM_CLASS is $WM_CLASS; the .desktop file says StartupWMClass=$WANT_CLASS"
        fi
        # Qt publishes QGuiApplication.desktopFileName here on X11 and as the app id on
        # Wayland, where the desktop finds the window's icon and name by it.
        DESKTOP_NAME="$(xprop -id "$WID" _KDE_NET_WM_DESKTOP_FILE 2>/dev/null | sed -n 's/.*= "\(.*\)"/\1/p')"
        if [ "$DESKTOP_NAME" = "$APP_ID" ]; then
            pass "desktop file name $DESKTOP_NAME"
        else
            fail "desktop file name" "the window says '${DESKTOP_NAME}'; want $APP_ID (app.setDesktopFileName)"
        fi
        xdotool windowfocus --sync "$WID" 2>/dev/null
        xdotool key --clearmodifiers ctrl+q
        # Ctrl+Q asks first ("Quit HipTimer?"); Q answers Quit. With no window manager here
        # nothing gives the question the keyboard, so it is given it by name.
        ASKED=""
        for _ in $(seq 20); do
            ASKED="$(xdotool search --onlyvisible --name "^Quit\?" 2>/dev/null | head -1)"
            [ -n "$ASKED" ] && break
            sleep 0.25
        done
        if [ -n "$ASKED" ]; then
            xdotool windowfocus --sync "$ASKED" 2>/dev/null
            xdotool key --clearmodifiers q
        else
            fail "quit question" "Ctrl+Q showed no window named 'Quit? ...'"
        fi
        CODE=""
        for _ in $(seq 20); do
            if ! kill -0 "$APP_PID" 2>/dev/null; then
                wait "$APP_PID"; CODE=$?; break
            fi
            sleep 0.5
        done
        if [ -z "$CODE" ]; then
            fail "window closes" "still running 10 s after Ctrl+Q"
            kill "$APP_PID" 2>/dev/null
        elif [ "$CODE" -ne 0 ]; then
            fail "window closes" "exit status $CODE: $(tail -3 "$TMP/window.err" | tr '\n' ' ')"
        else
            pass "window opens and closes cleanly"
        fi
        APP_PID=""
    fi
    if [ -s "$TMP/window.err" ]; then
        echo "stderr of the window run:"
        sed 's/^/  /' "$TMP/window.err" | head -20
    fi
    kill "$XVFB_PID" 2>/dev/null
    XVFB_PID=""
fi

step "the window in Spanish: HipTimer's catalog and Qt's own"
# The spec prunes Qt's translations but for the languages in resources/locale; without
# qtbase_es.qm, Qt's own buttons ("Cancel") stayed in English and the log says so.
for LANG_DIR in resources/locale/*/; do
    CODE_LANG="$(basename "$LANG_DIR")"
    for FILE in "_internal/hiptimer/resources/locale/$CODE_LANG/LC_MESSAGES/hiptimer.mo" \
        "_internal/PySide6/Qt/translations/qtbase_$CODE_LANG.qm"; do
        if [ -f "$BUNDLE/$FILE" ]; then pass "bundled $FILE"; else fail "bundled $FILE" "missing"; fi
    done
done
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    DISPLAY_NUMBER="$(free_display)"
    Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >"$TMP/xvfb-es.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break; sleep 0.1; done
    export DISPLAY=":$DISPLAY_NUMBER"
    LANG=es_ES.UTF-8 LC_ALL= LANGUAGE= QT_QPA_PLATFORM=xcb \
        "$EXE" --data-dir "$TMP/data-es" >"$TMP/es.out" 2>"$TMP/es.err" &
    APP_PID=$!
    WID=""
    for _ in $(seq "$((WINDOW_TIMEOUT * 2))"); do
        kill -0 "$APP_PID" 2>/dev/null || break
        WID="$(xdotool search --onlyvisible --name HipTimer 2>/dev/null | head -1)"
        [ -n "$WID" ] && break
        sleep 0.5
    done
    if [ -z "$WID" ]; then
        fail "Spanish window" "no window named HipTimer: $(tail -3 "$TMP/es.err" | tr '\n' ' ')"
    else
        sleep 1  # the notice's text, laid out
        if command -v import >/dev/null && import -version 2>/dev/null | grep -q ImageMagick; then
            import -window root "$DIST/window-es.png" 2>/dev/null && echo "screenshot: $DIST/window-es.png"
        fi
        if grep -q -e "no Qt catalog" -e "translation (" "$TMP/es.err"; then
            fail "Spanish catalogs load" "$(grep -e "no Qt catalog" -e "translation (" "$TMP/es.err" | head -2 | tr '\n' ' ')"
        else
            pass "Spanish catalogs load (HipTimer's and Qt's qtbase)"
        fi
    fi
    kill "$APP_PID" 2>/dev/null
    wait "$APP_PID" 2>/dev/null
    APP_PID=""
    kill "$XVFB_PID" 2>/dev/null
    XVFB_PID=""
fi

# ---------------------------------------------------------------- desktop files

step "desktop entry and AppStream metadata"
if desktop-file-validate "packaging/linux/$APP_ID.desktop"; then
    pass "desktop-file-validate"
else
    fail "desktop-file-validate"
fi
if appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml"; then
    pass "appstreamcli validate --no-net"
else
    fail "appstreamcli validate --no-net"
fi

# ---------------------------------------------------------------- the wheel

step "wheel installs into a new virtual environment and finds its routines"
if uv build --wheel --quiet --out-dir "$TMP/wheel" \
    && uv venv --quiet "$TMP/venv" \
    && uv pip install --quiet --python "$TMP/venv/bin/python" "$TMP"/wheel/hiptimer-*.whl; then
    BUILTIN="$(cd "$TMP" && "$TMP/venv/bin/python" -c 'from hiptimer import paths; print(paths.builtin_routines_dir())')"
    case "$BUILTIN" in
        "$TMP/venv/"*) ;;
        *) fail "wheel" "built-in routines resolved outside the venv: $BUILTIN" ;;
    esac
    if (cd "$TMP" && "$TMP/venv/bin/hiptimer" --data-dir "$TMP/data-wheel" validate "$BUILTIN"/*.json); then
        pass "wheel"
    else
        fail "wheel" "validate failed in the installed wheel"
    fi
else
    fail "wheel" "could not build or install the wheel"
fi

# ---------------------------------------------------------------- summary

echo
echo "bundle: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
echo "passed ${#PASSED[@]}, failed ${#FAILED[@]}${FAILED[*]:+: ${FAILED[*]}}"
[ "${#FAILED[@]}" -eq 0 ]
