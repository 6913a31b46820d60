#!/usr/bin/env bash
# Configures and builds digestkit. BUILD_DIR (default build), BUILD_TYPE
# (default Release), CXX_FLAGS and EXTRA_CMAKE_ARGS adjust it; JOBS defaults to 2.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DDIGESTKIT_STRICT=ON \
  ${CXX_FLAGS:+"-DCMAKE_CXX_FLAGS=$CXX_FLAGS"} ${EXTRA_CMAKE_ARGS:-}
cmake --build "$build_dir" -j "${JOBS:-2}"
