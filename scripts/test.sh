#!/usr/bin/env bash
# Install everything the test suite needs (idempotently) and run all of it:
# lint, type check, the browser client's build check, then pytest (unit, conformance over every
# installed backend, security, plugin, end-to-end in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PY="$VENV/bin/python"

step() { printf '\n== %s ==\n' "$*"; }

step "system packages (chromium, nginx and redis-server for the end-to-end and scale-out tests)"
# nginx installs to /usr/sbin, which is not on every user's PATH (the tests look there too).
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
missing=()
have chromium || missing+=(chromium)
have nginx || missing+=(nginx)
have redis-server || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
chromium --version
"$(command -v nginx || echo /usr/sbin/nginx)" -v
redis-server --version

step "python environment ($VENV)"
[ -x "$PY" ] || python3 -m venv "$VENV"
"$PY" -m pip install -q --upgrade pip
# Every backend plugin of the repository, and the fixture backend of the plugin tests.
plugins=()
for dir in plugins/*/ tests/plugin/*/; do
  if [ -f "$dir/pyproject.toml" ]; then plugins+=(-e "$dir"); fi
done
"$PY" -m pip install -q -r requirements-test.txt -r requirements-docs.txt -e . "${plugins[@]}"

step "browser client: rebuild and compare with the committed bundle"
(cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent typecheck && npm run --silent build)
if ! git diff --exit-code --stat -- webio_core/static; then
  echo "webio_core/static differs from a fresh build of frontend/: run 'npm run build' in frontend/ and commit." >&2
  exit 1
fi

step "generated protocol files (scripts/gen_protocol.py --check)"
"$PY" scripts/gen_protocol.py --check

step "lint and type check"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"

step "documentation site (Sphinx, warnings as errors: a broken link or reference fails)"
"$PY" -m sphinx -E -W --keep-going -n -q -b html docs build/docs

step "install like a user: wheels, each extra in a fresh venv, a page on every backend"
"$PY" scripts/install_check.py

step "tests"
# The conformance suite (webio_core/testing/conformance) runs over every installed backend.
"$PY" -m pytest --webio-backend=all "$@"
