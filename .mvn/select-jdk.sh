# Sourced by ./mvnw and .ci/run (POSIX sh): makes sure Maven runs on a JDK 21 or newer.
#
# JAVA_HOME is kept when it is a JDK 21+, and so is the `javac` on PATH when JAVA_HOME is unset.
# Otherwise (unset and an older default, or JAVA_HOME pointing at an older JDK) the newest JDK 21+
# found in the usual places is exported as JAVA_HOME, and a line on stderr says so. When none is
# found nothing changes, and the build's enforcer rule says what to install.

weft_jdk_feature() { # prints the feature version (17, 21, 25...) of the JDK home $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  fi
}

weft_path_jdk_home() { # prints the JDK home of the javac on PATH, or nothing
  weft_javac=$(command -v javac 2>/dev/null) || return 0
  weft_javac=$(readlink -f "$weft_javac" 2>/dev/null || printf %s "$weft_javac")
  dirname "$(dirname "$weft_javac")"
}

weft_describe() { # "JDK 17" for a version, "not a JDK" for nothing
  if [ -n "$1" ]; then echo "JDK $1"; else echo "not a JDK"; fi
}

weft_select_jdk() {
  weft_why=""
  if [ -n "${JAVA_HOME-}" ]; then
    weft_v=$(weft_jdk_feature "$JAVA_HOME")
    [ -n "$weft_v" ] && [ "$weft_v" -ge 21 ] && return 0
    weft_why="JAVA_HOME=$JAVA_HOME is $(weft_describe "$weft_v")"
  else
    weft_home=$(weft_path_jdk_home)
    if [ -n "$weft_home" ]; then
      weft_v=$(weft_jdk_feature "$weft_home")
      [ -n "$weft_v" ] && [ "$weft_v" -ge 21 ] && return 0
      weft_why="JAVA_HOME is unset and the default javac is $(weft_describe "$weft_v")"
    else
      weft_why="JAVA_HOME is unset and no javac is on PATH"
    fi
  fi
  weft_best="" weft_best_v=0
  case $- in *f*) weft_glob_was_off=1; set +f ;; *) weft_glob_was_off=0 ;; esac
  for weft_c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/*; do
    [ -d "$weft_c" ] || continue
    weft_v=$(weft_jdk_feature "$weft_c")
    [ -n "$weft_v" ] || continue
    if [ "$weft_v" -ge 21 ] && [ "$weft_v" -gt "$weft_best_v" ]; then
      weft_best="$weft_c" weft_best_v="$weft_v"
    fi
  done
  [ "$weft_glob_was_off" = 0 ] || set -f
  if [ -n "$weft_best" ]; then
    JAVA_HOME="$weft_best"
    export JAVA_HOME
    echo "weft: $weft_why; using JDK $weft_best_v at $JAVA_HOME (set JAVA_HOME to a JDK 21+ to choose)" >&2
  else
    echo "weft: $weft_why, and no JDK 21+ was found in /usr/lib/jvm, /usr/java, /opt or ~/.sdkman: install one (for example Temurin 21 or 25) and set JAVA_HOME" >&2
  fi
}

weft_select_jdk
