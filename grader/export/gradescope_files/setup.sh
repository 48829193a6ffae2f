#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image: it installs the
# bundled student edition of dl-exam (dl-exam/) with that edition's own setup.sh, i.e. the
# pinned CPU build of torch and the grader, into /autograder/source/dl-exam/.venv.
set -euo pipefail
cd "$(dirname "$0")/dl-exam"

python=python3
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    # older Ubuntu images (22.04 has Python 3.10): the distribution's Python 3.11
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3.11 python3.11-venv >/dev/null
    python=python3.11
fi
PYTHON=$python ./setup.sh
