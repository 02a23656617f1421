# shellcheck shell=bash
# Shared set-up for scripts/demo, scripts/test, scripts/sample and scripts/bench: finds a JDK 22+,
# makes sure Maven and the native packages are there (installing them with apt-get when running
# as root on Debian/Ubuntu, otherwise saying exactly what to install), and builds the project.
# Source it; every function returns non-zero with a message on stderr when it cannot do its job.

ZMQFFM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ZMQFFM_ROOT

zmqffm_say() { printf '%s\n' "$*" >&2; }

# Major version of the JDK at $1, or nothing.
zmqffm_jdk_major() {
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  printf '%s' "$v"
}

# Exports JAVA_HOME (and PATH) for a JDK >= 22: $JAVA_HOME, else the newest under /usr/lib/jvm,
# else the one `java` on PATH belongs to.
zmqffm_find_jdk() {
  local candidates=() best="" best_major=0 c m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in "${candidates[@]}"; do
    m=$(zmqffm_jdk_major "$c")
    [ -n "$m" ] || continue
    if [ -n "${JAVA_HOME:-}" ] && [ "$c" = "$JAVA_HOME" ] && [ "$m" -ge 22 ]; then
      best=$c; best_major=$m; break                     # an explicit JAVA_HOME wins if good enough
    fi
    if [ "$m" -ge 22 ] && [ "$m" -gt "$best_major" ]; then best=$c; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    zmqffm_say "No JDK 22 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/*, and java on PATH)."
    zmqffm_say "Install one, e.g. Temurin 25 from https://adoptium.net (apt: temurin-25-jdk from"
    zmqffm_say "packages.adoptium.net), then set JAVA_HOME to it and run this again."
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven 3.8's bundled Guava uses sun.misc.Unsafe; keep JDK 24+ from warning about it on every run.
  if [ "$best_major" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

# Installs missing Debian packages (as root), or says how to.
zmqffm_ensure_packages() {
  local missing=() p
  if ! command -v dpkg-query >/dev/null 2>&1; then
    if [ -n "$(ldconfig -p 2>/dev/null | grep 'libzmq\.so\.5')" ] || [ -e /opt/homebrew/lib/libzmq.5.dylib ] \
        || [ -e /usr/local/lib/libzmq.5.dylib ]; then
      return 0
    fi
    zmqffm_say "libzmq 4.x is needed: 'dnf install zeromq zeromq-devel' (Fedora), 'brew install zeromq' (macOS),"
    zmqffm_say "or build it from https://github.com/zeromq/libzmq. Also needed for the tests: gcc, make, pyzmq."
    return 1
  fi
  for p in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    zmqffm_say "Installing ${missing[*]} with apt-get ..."
    if [ -z "${ZMQFFM_APT_UPDATED:-}" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || { zmqffm_say "apt-get update failed"; return 1; }
      export ZMQFFM_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { zmqffm_say "apt-get install ${missing[*]} failed"; return 1; }
    return 0
  fi
  zmqffm_say "Missing packages: ${missing[*]}. Install them with:"
  zmqffm_say "  sudo apt-get install ${missing[*]}"
  return 1
}

zmqffm_ensure_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  zmqffm_ensure_packages maven
}

# The packages each script needs: the runtime library, and the C compiler and header for the
# blog's C programs; the tests add pyzmq as an independent interop peer.
ZMQFFM_DEMO_PACKAGES=(libzmq5 libzmq3-dev gcc make libc6-dev)
ZMQFFM_TEST_PACKAGES=("${ZMQFFM_DEMO_PACKAGES[@]}" python3 python3-zmq)

# All set-up for a script: JDK, Maven, packages. Usage: zmqffm_setup demo|test
zmqffm_setup() {
  zmqffm_find_jdk || return 1
  zmqffm_ensure_maven || return 1
  if [ "$1" = test ]; then
    zmqffm_ensure_packages "${ZMQFFM_TEST_PACKAGES[@]}" || return 1
  else
    zmqffm_ensure_packages "${ZMQFFM_DEMO_PACKAGES[@]}" || return 1
  fi
}

# Builds the jar and compiles the samples (test sources), skipping the tests.
zmqffm_build() {
  (cd "$ZMQFFM_ROOT" && mvn -B -q -DskipTests test-compile package "$@") || {
    zmqffm_say "Build failed (mvn -DskipTests package in $ZMQFFM_ROOT)."
    return 1
  }
}
