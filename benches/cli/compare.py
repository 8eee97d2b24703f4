#!/usr/bin/env python3
"""Side-by-side comparison of the ferroute tool and iproute2's ip on the same kernel state.

Run as root from the repository root after `cargo build --release -p ferroute`:

    python3 benches/cli/compare.py [--routes 100000] [--runs 7]

In a throwaway network namespace it
  1. loads N IPv4 routes with `ip -batch` and with `ferroute -batch` (same file, fresh
     namespace each time) and compares wall time;
  2. lists them with `ip -j route show` and `ferroute -j route show`, compares wall time
     (stdout a pipe this script reads, and stdout /dev/null) and peak RSS (GNU time's %M),
     and checks both print the same JSON bytes;
  3. looks up one link by name among 1000 links with `ferroute`'s kernel GET
     (runtime/examples/lookup.rs) and prints the time per lookup.
Medians of --runs runs are reported, with ratios (ferroute / ip). Nothing is asserted:
numbers are for the README and the closing note, never for a test.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

FR = os.path.abspath("target/release/ferroute")


def sh(*a, **kw):
    return subprocess.run(a, check=True, **kw)


def timed(cmd):
    """Wall seconds of one run, and its stdout."""
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{cmd}: exit {p.returncode}: {p.stderr.decode()[:500]}")
    return wall, p.stdout


def timed_null(cmd):
    """Wall seconds of one run with stdout to /dev/null (no reader to keep up with)."""
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{cmd}: exit {p.returncode}: {p.stderr.decode()[:500]}")
    return wall


def peak_rss(cmd):
    """Peak RSS (KiB) of one run, from GNU time's %M (a forked Python child would count
    the interpreter's own pages before exec)."""
    p = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"{cmd}: status {p.returncode}: {p.stderr[-300:]}")
    return int(p.stderr.strip().splitlines()[-1])


class Netns:
    def __init__(self, tag):
        self.name = f"ferroute-t-bench-{tag}-{os.getpid()}"
        sh("ip", "netns", "add", self.name)

    def __enter__(self):
        return self

    def __exit__(self, *a):
        subprocess.run(["ip", "netns", "del", self.name])


def setup_links(ns):
    sh("ip", "-n", ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
    sh("ip", "-n", ns, "link", "set", "v0", "up")
    sh("ip", "-n", ns, "link", "set", "v1", "up")
    sh("ip", "-n", ns, "addr", "add", "10.0.0.1/8", "dev", "v0")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--routes", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    if not os.path.exists(FR):
        sys.exit("build first: cargo build --release -p ferroute")
    ipbin = subprocess.run(["which", "ip"], capture_output=True, text=True).stdout.strip()
    lines = [f"route add 172.{16 + i // 65536}.{(i // 256) % 256}.{i % 256}/32 via 10.0.0.2" for i in range(a.routes)]
    batch = tempfile.NamedTemporaryFile("w", suffix=".batch", delete=False)
    batch.write("\n".join(lines) + "\n")
    batch.close()

    # 1. loading
    load = {"ip": [], "ferroute": []}
    for r in range(a.runs):
        for tool in ("ip", "ferroute"):
            with Netns(f"load{tool}{r}") as ns:
                setup_links(ns.name)
                cmd = [ipbin, "-n", ns.name, "-batch", batch.name] if tool == "ip" else [FR, "-n", ns.name, "-batch", batch.name]
                w, _ = timed(cmd)
                load[tool].append(w)
                n = len(json.loads(subprocess.run(["ip", "-n", ns.name, "-j", "route", "show", "via", "10.0.0.2"], capture_output=True).stdout))
                assert n == a.routes, (tool, n)

    # 2. listing
    show = {"ip": [], "ferroute": []}
    null = {"ip": [], "ferroute": []}
    rss = {"ip": [], "ferroute": []}
    with Netns("show") as ns:
        setup_links(ns.name)
        sh(ipbin, "-n", ns.name, "-batch", batch.name)
        cmds = {"ip": [ipbin, "-n", ns.name, "-j", "route", "show"], "ferroute": [FR, "-n", ns.name, "-j", "route", "show"]}
        outs = {}
        for r in range(a.runs):
            for tool, cmd in cmds.items():
                w, out = timed(cmd)
                show[tool].append(w)
                outs[tool] = out
                null[tool].append(timed_null(cmd))
                rss[tool].append(peak_rss(cmd))
        same = outs["ip"] == outs["ferroute"]

    med = lambda v: statistics.median(v)
    # the median of each run's ferroute/ip ratio: paired, so load that changes during the
    # run does not favour either tool
    paired = lambda d: med([f / i for f, i in zip(d["ferroute"], d["ip"])])
    print(f"routes: {a.routes}, runs: {a.runs} (medians; ratio = median of per-run ferroute/ip)")
    print(f"load   ip -batch {med(load['ip']):.3f} s   ferroute -batch {med(load['ferroute']):.3f} s   ratio {paired(load):.2f}")
    print(f"show   ip -j     {med(show['ip']):.3f} s   ferroute -j     {med(show['ferroute']):.3f} s   ratio {paired(show):.2f}  (stdout a pipe read by this script)")
    print(f"show   ip -j     {med(null['ip']):.3f} s   ferroute -j     {med(null['ferroute']):.3f} s   ratio {paired(null):.2f}  (stdout /dev/null)")
    print(f"rss    ip -j     {med(rss['ip'])} KiB   ferroute -j     {med(rss['ferroute'])} KiB   ratio {paired(rss):.2f}")
    print(f"same JSON bytes: {same}")

    # 3. lookup
    ex = os.path.abspath("target/release/examples/lookup")
    if os.path.exists(ex):
        print(subprocess.run([ex], capture_output=True, text=True).stdout.strip())
    os.unlink(batch.name)


if __name__ == "__main__":
    main()
