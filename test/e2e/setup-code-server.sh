#!/usr/bin/env bash
# Installs code-server (a real VS Code, server + web build) OUTSIDE the repository for the e2e suite,
# using only the npm registry and the Debian archive. Follows shared/docs/harness-code-server.md:
# code-server's own postinstall would download ripgrep from GitHub, so its steps are done by hand.
# Idempotent: a marker file written at the very end makes later runs return at once.
set -euo pipefail
D=${ZOS_TLS_E2E_DIR:-/tmp/zos-tls-e2e}
CS_VERSION=4.100.3 # the newest code-server whose engines.node accepts Node 20
MARKER="$D/.code-server-$CS_VERSION.installed"
CS_ENTRY="$D/node_modules/code-server/out/node/entry.js"

if [ -f "$MARKER" ] && [ -f "$CS_ENTRY" ]; then
  echo "code-server $CS_VERSION already installed in $D"
  exit 0
fi

# Keep code-server's config.yaml (it holds a generated password) and caches out of the home directory.
export XDG_CONFIG_HOME=$D/xdg/config XDG_DATA_HOME=$D/xdg/data XDG_CACHE_HOME=$D/xdg/cache
export npm_config_nodedir=/usr   # node-gyp uses /usr/include/node instead of downloading headers
export npm_config_yes=true       # node-pty's postinstall runs `npx node-gyp`; npx must not prompt
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
mark() { echo "[setup-code-server t=${SECONDS}s] $*"; }

# Debian packages: toolchain for the native modules, ripgrep (Quick Open), the browser.
need=()
for cmd in g++ make python3 pkg-config rg chromium; do
  command -v "$cmd" >/dev/null 2>&1 || need+=("$cmd")
done
for hdr in /usr/include/krb5.h /usr/include/X11/Xlib.h /usr/include/X11/extensions/XKBfile.h \
  /usr/include/libsecret-1/libsecret/secret.h; do
  [ -f "$hdr" ] || need+=("$hdr")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    mark "installing Debian packages (missing: ${need[*]})"
    export DEBIAN_FRONTEND=noninteractive
    timeout 900 apt-get install -y -qq --no-install-recommends \
      build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev \
      ripgrep chromium >/dev/null
  else
    echo "setup-code-server: missing ${need[*]}; install the Debian packages build-essential python3 pkg-config" >&2
    echo "  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium (as root)" >&2
    exit 1
  fi
fi

# Node's own headers (the nodejs package ships them) let node-gyp build without nodejs.org.
[ -f /usr/include/node/node.h ] || echo "setup-code-server: warning: /usr/include/node/node.h missing; node-gyp will try nodejs.org" >&2

mkdir -p "$D"
cd "$D"
[ -f package.json ] || echo '{"name":"zos-tls-e2e","private":true}' >package.json

# 1. code-server without lifecycle scripts; argon2 falls back to a source build by itself.
timeout 600 npm install --ignore-scripts --no-save "code-server@$CS_VERSION"
timeout 600 npm rebuild argon2
mark "code-server + argon2 done"

# 2. What code-server's postinstall.sh does, minus the GitHub download of ripgrep.
cd node_modules/code-server/lib/vscode
timeout 600 npm install --omit=dev --ignore-scripts
# @vscode/ripgrep's postinstall exits early when bin/ exists; Debian's rg is a drop-in.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
timeout 900 npm rebuild # kerberos, node-pty, spdlog, ...: prebuild download fails, node-gyp builds
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && timeout 600 npm install --omit=dev)
mark "lib/vscode dependencies done"
cd "$D"
node "$CS_ENTRY" --version
touch "$MARKER"
mark "code-server $CS_VERSION ready in $D"
