# Sourced by the load scripts: quiet waits until the whole machine has been idle (under 5 % of its
# CPU busy) for two seconds in a row, so that a measurement does not pay for the background work
# of what ran before it (MariaDB's purge and page flushing after a load, a JIT still compiling).
quiet() {
  local calm=0 a b
  while [ "$calm" -lt 2 ]; do
    a=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
    sleep 1
    b=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
    if awk -v a="$a" -v b="$b" 'BEGIN {split(a, x, " "); split(b, y, " ");
        exit !((y[1] - x[1]) / (y[2] - x[2]) < 0.05)}'; then calm=$((calm + 1)); else calm=0; fi
  done
}
