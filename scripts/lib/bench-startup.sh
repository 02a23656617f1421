# shellcheck shell=bash
# scripts/bench --startup: what a fresh process pays for its first REQ/REP round trip over tcp
# (one context, REP bound to tcp://127.0.0.1:*, REQ connected, one request, one reply, closed),
# side by side in one run: an empty JVM (the floor), the Foreign Function API alone (a plain-JDK
# program making one downcall, and one making the round trip's downcalls: BareFfmVersion,
# BareFfmRoundTrip), zmq-ffm on the class path and on the module path, JeroMQ, libzmq from C, and
# the bare round trip and the two JVM libraries again with the JDK's AOT cache (JDK 25+:
# -XX:AOTCacheOutput/-XX:AOTCache; older JDKs: a dynamic AppCDS archive).
# hyperfine runs each command WARMUP + RUNS times (default 3 + 20; wall time and CPU time).
# ZMQFFM_STARTUP_BASELINE=/path/to/zmq-ffm.jar adds that jar's round trip as a row of its own
# (e.g. main's build, to measure a change side by side).
# Writes target/bench/startup/: startup.json (hyperfine's raw export), startup.md (the table),
# classes.md (classes each JVM row loads, from -Xlog:class+load: independent of machine load),
# environment.txt. Sourced by scripts/bench after lib/setup.sh; needs the project built.

zmqffm_bench_startup() {
  local out="$ZMQFFM_ROOT/target/bench/startup" runs=${ZMQFFM_STARTUP_RUNS:-20} warmup=${ZMQFFM_STARTUP_WARMUP:-3}
  local java="$JAVA_HOME/bin/java" major repo="${HOME}/.m2/repository"
  mkdir -p "$out"
  if ! command -v hyperfine >/dev/null 2>&1; then
    zmqffm_ensure_packages hyperfine || return 1
  fi
  major=$(zmqffm_jdk_major "$JAVA_HOME")

  # Jars only: the AOT cache refuses directories on the class path, and a user runs jars.
  local jar lib="$out/lib" classes="$ZMQFFM_ROOT/target/test-classes"
  jar=$(ls "$ZMQFFM_ROOT"/target/zmq-ffm-*.jar | grep -v -e sources -e javadoc | head -n 1)
  rm -rf "$lib" && mkdir -p "$lib"
  cp "$jar" "$lib/zmq-ffm.jar"
  local baseline=()
  if [ -n "${ZMQFFM_STARTUP_BASELINE:-}" ]; then
    cp "$ZMQFFM_STARTUP_BASELINE" "$lib/zmq-ffm-baseline.jar" || return 1
  fi
  cp "$repo/org/zeromq/jeromq/0.6.0/jeromq-0.6.0.jar" "$repo/eu/neilalexander/jnacl/1.0.0/jnacl-1.0.0.jar" "$lib/"
  (cd "$classes" && "$JAVA_HOME/bin/jar" --create --file "$lib/startup-bench.jar" \
    dev/zmqffm/bench/EmptyMain.class dev/zmqffm/bench/StartupRoundTrip.class dev/zmqffm/bench/JeroStartupRoundTrip.class \
    dev/zmqffm/bench/BareFfmVersion.class dev/zmqffm/bench/BareFfmRoundTrip.class)
  cc -O2 -Wall -o "$out/startup-c" "$ZMQFFM_ROOT/src/bench/c/startup.c" -lzmq || return 1

  local bench="$lib/startup-bench.jar" na=--enable-native-access=ALL-UNNAMED
  local ffm_cp="$bench:$lib/zmq-ffm.jar" jero_cp="$bench:$lib/jeromq-0.6.0.jar:$lib/jnacl-1.0.0.jar"
  local empty=("$java" -cp "$bench" dev.zmqffm.bench.EmptyMain)
  local bare_version=("$java" "$na" -cp "$bench" dev.zmqffm.bench.BareFfmVersion)
  local bare=("$java" "$na" -cp "$bench" dev.zmqffm.bench.BareFfmRoundTrip)
  local ffm=("$java" "$na" -cp "$ffm_cp" dev.zmqffm.bench.StartupRoundTrip)
  # On the module path the main class stays on the class path (it is not a module); zmq-ffm is one.
  local ffm_mod=("$java" --enable-native-access=dev.zmqffm -p "$lib/zmq-ffm.jar" --add-modules dev.zmqffm
    -cp "$bench" dev.zmqffm.bench.StartupRoundTrip)
  local jero=("$java" -cp "$jero_cp" dev.zmqffm.bench.JeroStartupRoundTrip)
  local rows=()
  if [ -n "${ZMQFFM_STARTUP_BASELINE:-}" ]; then
    baseline=("$java" "$na" -cp "$bench:$lib/zmq-ffm-baseline.jar" dev.zmqffm.bench.StartupRoundTrip)
    rows=(-n "zmq-ffm baseline jar, class path" "${baseline[*]}")
  fi

  # One training run each makes the cache (the same command line, as the JDK requires).
  local ffm_aot=() jero_aot=() bare_aot=()
  rm -f "$out"/*.aot "$out"/*.jsa
  if [ "$major" -ge 25 ]; then
    "$java" "$na" -XX:AOTCacheOutput="$out/ffm.aot" -cp "$ffm_cp" dev.zmqffm.bench.StartupRoundTrip >/dev/null 2>&1 || return 1
    "$java" -XX:AOTCacheOutput="$out/jeromq.aot" -cp "$jero_cp" dev.zmqffm.bench.JeroStartupRoundTrip >/dev/null 2>&1 || return 1
    "$java" "$na" -XX:AOTCacheOutput="$out/bare.aot" -cp "$bench" dev.zmqffm.bench.BareFfmRoundTrip >/dev/null 2>&1 || return 1
    bare_aot=("$java" "$na" -XX:AOTCache="$out/bare.aot" -cp "$bench" dev.zmqffm.bench.BareFfmRoundTrip)
    ffm_aot=("$java" "$na" -XX:AOTCache="$out/ffm.aot" -cp "$ffm_cp" dev.zmqffm.bench.StartupRoundTrip)
    jero_aot=("$java" -XX:AOTCache="$out/jeromq.aot" -cp "$jero_cp" dev.zmqffm.bench.JeroStartupRoundTrip)
  else
    "$java" "$na" -XX:ArchiveClassesAtExit="$out/ffm.jsa" -cp "$ffm_cp" dev.zmqffm.bench.StartupRoundTrip >/dev/null 2>&1 || return 1
    "$java" -XX:ArchiveClassesAtExit="$out/jeromq.jsa" -cp "$jero_cp" dev.zmqffm.bench.JeroStartupRoundTrip >/dev/null 2>&1 || return 1
    "$java" "$na" -XX:ArchiveClassesAtExit="$out/bare.jsa" -cp "$bench" dev.zmqffm.bench.BareFfmRoundTrip >/dev/null 2>&1 || return 1
    bare_aot=("$java" "$na" -XX:SharedArchiveFile="$out/bare.jsa" -cp "$bench" dev.zmqffm.bench.BareFfmRoundTrip)
    ffm_aot=("$java" "$na" -XX:SharedArchiveFile="$out/ffm.jsa" -cp "$ffm_cp" dev.zmqffm.bench.StartupRoundTrip)
    jero_aot=("$java" -XX:SharedArchiveFile="$out/jeromq.jsa" -cp "$jero_cp" dev.zmqffm.bench.JeroStartupRoundTrip)
  fi

  # Every command must succeed before it is timed (a failing one would time its error path).
  local c
  for c in "${bare_version[*]}" "${bare[*]}" "${ffm[*]}" "${ffm_mod[*]}" "${jero[*]}" "${bare_aot[*]}" "${ffm_aot[*]}" \
      "${jero_aot[*]}" "$out/startup-c" "${baseline[*]}"; do
    [ -z "$c" ] && continue
    $c || { zmqffm_say "bench --startup: '$c' failed"; return 1; }
  done

  {
    echo "machine: $(nproc) cores, $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -r)"
    echo "java: $("$java" -version 2>&1 | head -n 1)"
    echo "libzmq: $(dpkg-query -W -f='${Version}' libzmq5 2>/dev/null || echo unknown)"
    echo "hyperfine: $(hyperfine --version), $warmup warm-up + $runs runs per command, the commands one after another"
    [ -n "${ZMQFFM_STARTUP_BASELINE:-}" ] && echo "baseline jar: $ZMQFFM_STARTUP_BASELINE"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "uptime before: $(uptime)"
  } > "$out/environment.txt"
  cat "$out/environment.txt"

  # Classes loaded by one run of each JVM row: all, generated LambdaForms, downcall stubs. Not
  # timed, and unlike time independent of the machine's load (a race can add one stub: a receive
  # that finds its message only after a DONTWAIT attempt links the blocking handle too).
  {
    echo "| one run, -Xlog:class+load | classes | of them LambdaForms | downcall stubs | from the CDS archive or AOT cache |"
    echo "|---|---|---|---|---|"
    local name cmd log="$out/class-load.log"
    for name in "empty JVM" "bare FFM, zmq_version only" "bare FFM, same downcalls" "zmq-ffm, class path" \
        ${baseline[0]:+"zmq-ffm baseline jar, class path"} \
        "JeroMQ 0.6.0" "bare FFM + AOT cache" "zmq-ffm + AOT cache" "JeroMQ + AOT cache"; do
      case "$name" in
        "zmq-ffm baseline jar, class path") cmd=("${baseline[@]}") ;;
        "empty JVM") cmd=("${empty[@]}") ;;
        "bare FFM, zmq_version only") cmd=("${bare_version[@]}") ;;
        "bare FFM, same downcalls") cmd=("${bare[@]}") ;;
        "zmq-ffm, class path") cmd=("${ffm[@]}") ;;
        "JeroMQ 0.6.0") cmd=("${jero[@]}") ;;
        "bare FFM + AOT cache") cmd=("${bare_aot[@]}") ;;
        "zmq-ffm + AOT cache") cmd=("${ffm_aot[@]}") ;;
        *) cmd=("${jero_aot[@]}") ;;
      esac
      "${cmd[0]}" -Xlog:class+load:file="$log" "${cmd[@]:1}" || return 1
      echo "| $name | $(grep -c . "$log") | $(grep -c 'LambdaForm\$[A-Za-z]*/' "$log") | $(grep -c 'DowncallStub' "$log") |" \
        "$(grep -c -e 'shared objects file' -e 'AOT cache' "$log") |"
    done
  } > "$out/classes.md"
  cat "$out/classes.md"

  hyperfine -N --style basic -w "$warmup" -r "$runs" --export-json "$out/startup.json" \
    -n "empty JVM" "${empty[*]}" \
    -n "C (libzmq)" "$out/startup-c" \
    -n "bare FFM, zmq_version only" "${bare_version[*]}" \
    -n "bare FFM, same downcalls" "${bare[*]}" \
    -n "zmq-ffm, class path" "${ffm[*]}" \
    "${rows[@]}" \
    -n "zmq-ffm, module path" "${ffm_mod[*]}" \
    -n "JeroMQ 0.6.0" "${jero[*]}" \
    -n "bare FFM + AOT cache" "${bare_aot[*]}" \
    -n "zmq-ffm + AOT cache" "${ffm_aot[*]}" \
    -n "JeroMQ + AOT cache" "${jero_aot[*]}" || return 1

  # The table: mean and median wall time, mean CPU time (user + system), and the distances to the empty JVM.
  python3 - "$out/startup.json" "$out/startup.md" <<'PY' || return 1
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = next(r for r in results if r["command"] == "empty JVM")
rows = ["| first REQ/REP round trip, fresh process | mean wall | median wall | min–max | CPU (user + sys) | wall − empty JVM | CPU − empty JVM |",
        "|---|---|---|---|---|---|---|"]
cpu = lambda r: r["user"] + r["system"]
for r in results:
    ms = lambda v: f"{v * 1000:.0f} ms"
    rows.append(f"| {r['command']} | {ms(r['mean'])} | {ms(r['median'])} | {ms(r['min'])}–{ms(r['max'])} | "
                f"{ms(cpu(r))} | {'—' if r is floor else ms(r['median'] - floor['median'])} | "
                f"{'—' if r is floor else ms(cpu(r) - cpu(floor))} |")
open(sys.argv[2], "w").write("\n".join(rows) + "\n")
print("\n".join(rows))
PY
  echo "Wrote $out/startup.md, $out/classes.md and $out/startup.json"
}
