# Sourced by the benchmarks: times two commands against each other in
# alternating rounds.  One hyperfine run of 20 times A then 20 times B puts
# A and B under different loads when others use the machine; here each
# round runs both (hyperfine -N, one warm-up, RUNS times each), the order
# swapped every round, and the medians are taken over every run of all
# rounds, so a change of load falls on both.
#
#   paired TMPDIR NAME ROUNDS RUNS COMMAND_A COMMAND_B
#
# sets p_wall_a, p_wall_b (median seconds), p_ratio (a / b, 2 decimals),
# p_cpu_a, p_cpu_b (median user + system seconds of a run) and p_cpu_ratio.
paired() {
	_dir=$1 _name=$2 _rounds=$3 _runs=$4 _a=$5 _b=$6
	_r=1
	while [ "$_r" -le "$_rounds" ]; do
		if [ $((_r % 2)) -eq 1 ]; then
			hyperfine -N --warmup 1 --runs "$_runs" --export-json "$_dir/$_name-$_r.json" \
				--command-name a "$_a" --command-name b "$_b" >/dev/null 2>&1
		else
			hyperfine -N --warmup 1 --runs "$_runs" --export-json "$_dir/$_name-$_r.json" \
				--command-name b "$_b" --command-name a "$_a" >/dev/null 2>&1
		fi
		_r=$((_r + 1))
	done
	# shellcheck disable=SC2046
	set -- $(python3 - "$_dir/$_name-"*.json <<'EOF'
import json, statistics, sys
wall = {"a": [], "b": []}
cpu = {"a": [], "b": []}
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        wall[r["command"]] += r["times"]
        # hyperfine gives the user and system times as means per round.
        cpu[r["command"]].append(r["user"] + r["system"])
m = {k: statistics.median(v) for k, v in wall.items()}
c = {k: statistics.median(v) for k, v in cpu.items()}
print(m["a"], m["b"], "%.2f" % (m["a"] / m["b"]), c["a"], c["b"], "%.2f" % (c["a"] / c["b"]))
EOF
)
	p_wall_a=$1 p_wall_b=$2 p_ratio=$3 p_cpu_a=$4 p_cpu_b=$5 p_cpu_ratio=$6
}
