# Shared by ./intercom (repository launcher) and bin/intercom (distribution launcher).
# Source it, then call intercom_find_java (or `intercom_find_java jdk` where a compiler is needed,
# as for building); it sets INTERCOM_JAVA_HOME and INTERCOM_JAVA_VERSION (feature number, e.g. 25)
# or prints why not and returns 1. Also intercom_jvm_flags.

INTERCOM_MIN_JAVA=21

# Prints the feature version of the JDK at $1 (e.g. 17, 21, 25), or nothing.
intercom_java_version() {
  local v
  [ -x "$1/bin/java" ] || return 0
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  v=${v#1.}
  printf '%s' "${v%%.*}"
}

# JAVA_HOME first if it qualifies; otherwise the newest qualifying Java in the usual places.
# With "jdk" as $1 only installations with javac qualify; running a built peer needs just java.
intercom_find_java() {
  local need_jdk="${1:-}" kind="Java runtime" candidates=() d v best="" bestv=0
  [ "$need_jdk" = jdk ] && kind=JDK
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates+=("$d")
  done
  if command -v java >/dev/null 2>&1; then
    d=$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)
    candidates+=("$d")
  fi
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/java" ] || continue
    [ "$need_jdk" != jdk ] || [ -x "$d/bin/javac" ] || continue
    v=$(intercom_java_version "$d")
    [ -n "$v" ] && [ "$v" -ge "$INTERCOM_MIN_JAVA" ] 2>/dev/null || continue
    if [ -n "${JAVA_HOME:-}" ] && [ "$d" = "$JAVA_HOME" ]; then best=$d; bestv=$v; break; fi
    if [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "intercom: needs a $kind $INTERCOM_MIN_JAVA or newer; none found (looked at JAVA_HOME, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks and the java on PATH). Install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME." >&2
    return 1
  fi
  INTERCOM_JAVA_HOME=$best
  INTERCOM_JAVA_VERSION=$bestv
}

# JVM flags that fit the JDK found (spec java-stack.md §3): quiet native access for the native
# libraries later planes load, and no sun.misc.Unsafe warnings on JDK 23+.
intercom_jvm_flags() {
  INTERCOM_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED -Dpolyglot.engine.WarnInterpreterOnly=false)
  if [ "$INTERCOM_JAVA_VERSION" -ge 23 ]; then
    INTERCOM_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  fi
}
