#!/usr/bin/env bash
# Installs every Debian package digestkit needs to build, test, fuzz and benchmark.
# Idempotent: packages already present are not fetched again.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config git
  tao-pegtl-dev libicu-dev libcli11-dev libfmt-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  rapidjson-dev libarchive-dev libsqlite3-dev sqlite3 zlib1g-dev libdtl-dev libtomlplusplus-dev libxxhash-dev libmimalloc-dev libxml2-dev libgit2-dev
  python3 python3-jsonschema python3-jsonpatch python3-yaml python3-dev pybind11-dev python3-pytest python3-dask python3-distributed
  python3-pip python3-setuptools python3-wheel
  clang libclang-rt-14-dev clang-format
  time
  chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
