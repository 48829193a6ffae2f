#!/usr/bin/env bash
# Install dl-exam into ./.venv: the pinned CPU build of torch, then the grader in editable
# mode. `./setup.sh --test` also installs what the test suite needs.
#   PYTHON=python3.12 ./setup.sh        use another interpreter (3.11 or newer)
#   TORCH_INDEX_URL=https://download.pytorch.org/whl/cu128 ./setup.sh   a CUDA build instead
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-python3}
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "error: dl-exam needs Python 3.11 or newer ($python is $("$python" --version 2>&1))" >&2
    exit 2
fi
# apt_install PACKAGE...: install Debian/Ubuntu packages when we may (root, or sudo without a password)
apt_install() {
    if ! command -v apt-get >/dev/null; then return 1; fi
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
        sudo -n true 2>/dev/null || return 1
        sudo=(sudo -n)
    fi
    "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    if ! apt_install python3-venv; then
        echo "error: $python has no venv module; install it (Debian/Ubuntu: apt-get install python3-venv)" >&2
        exit 2
    fi
fi

# PDF papers (grade tickets/sheet) are printed by WeasyPrint, which needs Pango and HarfBuzz's
# subsetter (reproducible font subsets), in the DejaVu fonts the papers are set in.
if command -v dpkg-query >/dev/null; then
    missing=()
    for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ] && ! apt_install "${missing[@]}"; then
        echo "warning: PDF output needs: sudo apt-get install ${missing[*]} (HTML and Markdown work without)" >&2
    fi
fi
# The static site's browser tests (--test) drive Debian's chromium through Playwright, which
# then downloads no browser of its own.
if [ -n "$extras" ] && ! command -v chromium >/dev/null && ! apt_install chromium; then
    echo "warning: the site's browser tests need Chromium at /usr/bin/chromium (Debian/Ubuntu: apt-get install chromium)" >&2
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check -q)

# torch alone first (its dependencies come from PyPI below): from a local wheel when
# pip's configuration has one, else from PyTorch's CPU index, because PyPI's default
# Linux build is a multi-GB CUDA build.
if ! .venv/bin/python -c 'import torch' 2>/dev/null; then
    if [ -n "${TORCH_INDEX_URL:-}" ]; then
        "${pip[@]}" install -c constraints.txt --no-deps torch --index-url "$TORCH_INDEX_URL"
    elif ! "${pip[@]}" install -c constraints.txt --no-deps --no-index torch 2>/dev/null; then
        "${pip[@]}" install -c constraints.txt --no-deps torch --index-url https://download.pytorch.org/whl/cpu
    fi
fi
"${pip[@]}" install -c constraints.txt -e ".$extras"
echo "dl-exam is installed in .venv (grade: .venv/bin/grade)"
