# Shared by the benchmark scripts (sourced, not run): where things go, how they report, how a build step runs.
# Expects $root (the checkout) to be set; defines $work, say, fail, step and require_built.

work="$root/target/bench"
mkdir -p "$work"

say() { echo "[bench $(date +%H:%M:%S)] $*"; }
fail() { echo "[bench $(date +%H:%M:%S)] FAILED: $*" >&2; exit 1; }

# Runs "$@" with its output in $work/<log>, a line every 5 s while it runs; on failure shows the log's end.
step_pid=""
trap '[[ -n "$step_pid" ]] && kill "$step_pid" 2>/dev/null; true' EXIT
step() {
  local what="$1" log="$work/$2"
  shift 2
  say "$what (log: $log)"
  "$@" >"$log" 2>&1 &
  step_pid=$!
  local started=$SECONDS next=5
  while kill -0 "$step_pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS - started >= next )); then
      say "  ... $what: $((SECONDS - started)) s"
      next=$((next + 5))
    fi
  done
  if ! wait "$step_pid"; then
    step_pid=""
    echo "---- the end of $log ----" >&2
    tail -n 60 "$log" >&2
    fail "$what (see $log)"
  fi
  step_pid=""
}

# Fails unless every given file exists and is not empty.
require_built() {
  local needed
  for needed in "$@"; do
    [[ -s "$needed" ]] || fail "$needed is missing: run without BENCH_NO_BUILD to build it"
  done
}

# Runs the benchmark's Java main; a nonzero exit is reported with where the logs are and passed on.
run_benchmark() {
  java "$@" || {
    local status=$?
    echo "[bench $(date +%H:%M:%S)] FAILED: the benchmark ended with exit code $status (logs in $work and target/process-logs)" >&2
    exit "$status"
  }
}
