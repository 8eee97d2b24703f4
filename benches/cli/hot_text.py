#!/usr/bin/env python3
"""Regenerates runtime/ferroute-hot.ld, the list of functions the common listings run,
which runtime/build.rs hands to the linker for release builds of the ferroute binary.

Run as root from the repository root (needs valgrind and iproute2):

    python3 benches/cli/hot_text.py [--netns NAME] [--routes N]

It builds an unstripped release binary (same code and symbol names as the shipped one,
linked without the list) in target/hot-text, fills a throwaway namespace with a veth pair, addresses and 1,000
IPv4 routes, and runs each listing below under callgrind. The functions of the ferroute
binary that ran are written to the linker script in that order: the first command's
functions first (startup included), then what each later command adds. Symbol hashes
and crate disambiguators are replaced by wildcards, so the list survives rebuilds,
dependency updates and compiler upgrades; a function renamed or gone only drops out of
the list (it is then placed with the rest of the text), it never breaks the build.

Why: the kernel maps a file's pages 64 KiB at a time around each page a process touches
(fault-around), so a route listing whose few hundred KB of code were spread over the
1.5 MB text had most of the text resident. Gathered, they fill a few 64 KiB blocks.
"""
import argparse, os, re, subprocess, sys, tempfile

BIN = "target/hot-text/release/ferroute"
OUT = "runtime/ferroute-hot.ld"

# In priority order: route show first (issue 6 measures it), text and JSON.
COMMANDS = [
    ["-j", "route", "show"],
    ["route", "show"],
    ["-j", "link", "show"],
    ["link", "show"],
    ["-j", "address", "show"],
    ["address", "show"],
]


def sh(*a, **kw):
    return subprocess.run(a, check=True, **kw)


def executed(callgrind_out):
    """Mangled names of the functions of the ferroute object, in first-seen order."""
    obs, fns, seen, cur = {}, {}, [], None
    pat = re.compile(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$")
    for line in open(callgrind_out):
        m = pat.match(line.rstrip("\n"))
        if not m:
            continue
        kind, idx, name = m.groups()
        table = obs if kind.endswith("ob") else fns
        if name is not None:
            table[idx] = name
        if kind == "ob":
            cur = obs[idx]
        elif kind == "fn" and cur and os.path.basename(cur) == "ferroute":
            f = fns[idx]
            if f not in seen:
                seen.append(f)
    return seen


def pattern(sym):
    """A section-name glob for a symbol, free of hashes and crate disambiguators. None
    for addresses callgrind could not name."""
    if sym.startswith("0x") or not re.fullmatch(r"[A-Za-z0-9_.$]+", sym):
        return None
    sym = re.sub(r"\.(llvm\.)?[0-9]+$", "", sym)  # LTO's numbered copies of local functions
    m = re.fullmatch(r"_ZN(.*)17h[0-9a-f]{16}E", sym)
    if m:  # legacy mangling: the path without its hash
        return ".text*" + m.group(1) + "*"
    if sym.startswith("_R"):  # v0 mangling: crate ids and back-references vary
        p = re.sub(r"Cs[0-9A-Za-z]+_", "Cs*_", sym[2:])
        p = re.sub(r"B[0-9A-Za-z]*_", "B*_", p)
        return re.sub(r"\*+", "*", ".text*" + p + "*")
    return ".text." + sym


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--netns", default=f"ferroute-t-hot-{os.getpid()}")
    ap.add_argument("--routes", type=int, default=1000)
    a = ap.parse_args()
    # Unstripped, and without the current list: valgrind names only the functions in the
    # .text output section, not those already moved to .text.hot.
    env = dict(os.environ, CARGO_PROFILE_RELEASE_STRIP="false", FERROUTE_NO_HOT_TEXT="1")
    sh("cargo", "build", "--release", "-p", "ferroute", "--target-dir", "target/hot-text", env=env)
    ns = a.netns
    sh("ip", "netns", "add", ns)
    try:
        sh("ip", "-n", ns, "link", "set", "lo", "up")
        sh("ip", "-n", ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
        sh("ip", "-n", ns, "link", "set", "v0", "up")
        sh("ip", "-n", ns, "link", "set", "v1", "up")
        sh("ip", "-n", ns, "addr", "add", "10.0.0.1/8", "dev", "v0")
        sh("ip", "-n", ns, "addr", "add", "fd00::1/64", "dev", "v0")
        with tempfile.NamedTemporaryFile("w", suffix=".batch") as f:
            for i in range(a.routes):
                f.write(f"route add 172.16.{i // 256}.{i % 256}/32 via 10.0.0.2\n")
            f.flush()
            sh("ip", "-n", ns, "-batch", f.name)
        groups, done = [], set()
        with tempfile.TemporaryDirectory() as d:
            for k, cmd in enumerate(COMMANDS):
                out = os.path.join(d, f"cg.{k}")
                sh("valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}",
                   BIN, "-n", ns, *cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                pats = []
                for sym in executed(out):
                    p = pattern(sym)
                    if p and p not in done:
                        done.add(p)
                        pats.append(p)
                groups.append((cmd, pats))
    finally:
        subprocess.run(["ip", "netns", "del", ns])
    with open(OUT, "w") as f:
        f.write("/* Generated by benches/cli/hot_text.py: do not edit. The functions the ferroute\n")
        f.write("   binary runs for common listings, gathered at the start of the text (see\n")
        f.write("   runtime/build.rs). Patterns that match nothing are ignored by the linker. */\n")
        f.write("SECTIONS\n{\n  .text.hot :\n  {\n")
        for cmd, pats in groups:
            f.write(f"    /* ferroute -n NS {' '.join(cmd)} */\n")
            for p in pats:
                f.write(f"    *({p})\n")
        f.write("  }\n}\nINSERT BEFORE .text;\n")
    print(f"{OUT}: {sum(len(p) for _, p in groups)} patterns "
          + ", ".join(f"{' '.join(c)}: {len(p)}" for c, p in groups))


if __name__ == "__main__":
    if os.geteuid() != 0:
        sys.exit("run as root (namespaces)")
    main()
