#!/usr/bin/env python3
"""Benchmark netexport's exports: `--version` (the floor: starting the process), one export
(`--locale es --format audio-script`) and `--all` (every document in every shipped locale and
every committed format), each a whole process, in alternating runs, with medians and ratios.

What it does (see benchmarks/export.md):

1. Builds the release netexport (`swift build -c release --product netexport
   --scratch-path .build-release`) unless --no-build.
2. With --baseline REV, builds REV too, in a git worktree in the temporary folder (or uses
   --baseline-binary PATH), and times it in the same runs.
3. Copies the project (netexport.yaml, Documents/, Locales/, Exports/) into a temporary folder
   so that `--all` writes there, not into the repository, and checks first that every binary
   writes exactly the committed exports (`--all --check`).
4. Runs each command --repeat times (default 15), alternating commands and binaries, each
   under /usr/bin/time (wall time from this script, CPU time and peak memory from GNU time),
   and prints medians, ratios to `--version`, and the baseline's `--all` over this build's.
5. With --callgrind, counts each command's instructions with valgrind (steadier than time on
   a busy machine).

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRATCH = ".build-release"
NETEXPORT = REPO / SCRATCH / "release" / "netexport"
TIME = "/usr/bin/time"
PROJECT_FILES = ["netexport.yaml", "Documents", "Locales", "Exports"]


@dataclass
class Run:
    wall: float
    cpu: float
    max_rss_kb: int


def commands(project: Path, out: Path) -> dict[str, list[str]]:
    return {
        "--version": ["--version"],
        "one export (es audio-script)": ["--project", str(project), "--locale", "es", "--format", "audio-script",
                                         "--document", "neuroendocrine-tumors", "--output", str(out)],
        "--all": ["--project", str(project), "--all"],
    }


def run(binary: Path, args: list[str], scratch: Path) -> Run:
    """One run: wall time from here, CPU time from the children's resource use (microseconds;
    GNU time's %U and %S count in hundredths), peak memory from GNU time (the program's own,
    not this script's: see benchmarks/README.md)."""
    timing = scratch / "time.txt"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([TIME, "-f", "%x %M", "-o", str(timing), str(binary), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    status, rss = timing.read_text().strip().split("\n")[-1].split()
    if int(status) != 0:
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"{binary} {' '.join(args)} failed with exit status {status}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, int(rss))


def instructions(binary: Path, args: list[str], scratch: Path) -> int:
    """Instructions under callgrind, on a copy without debug information (valgrind 3.19
    cannot read Swift 6's DWARF 5)."""
    stripped = scratch / (binary.parent.parent.parent.name + "-" + binary.name + "-stripped")
    if not stripped.exists():
        shutil.copy2(binary, stripped)
        subprocess.run(["strip", "--strip-debug", str(stripped)], check=True)
    out = scratch / "callgrind.out"
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", str(stripped), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in result.stderr.split("\n"):
        if "Collected :" in line:
            return int(line.split(":")[-1].strip().replace(",", ""))
    raise SystemExit(f"callgrind gave no count for {stripped} {' '.join(args)}:\n{result.stderr[-2000:]}")


def build(cwd: Path, scratch: str) -> None:
    argv = ["swift", "build", "-c", "release", "--product", "netexport", "--scratch-path", scratch]
    print(f"$ (cd {cwd} && {' '.join(argv)})", flush=True)
    started = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-6000:])
        raise SystemExit("the release build failed")
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def revision() -> str:
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", str(REPO), "diff", "--quiet", "HEAD", "--", "Sources", "Package.swift"]
                           ).returncode != 0
    return head + (" + uncommitted changes in Sources/ or Package.swift" if dirty else "")


def baseline_binary(rev: str, base: Path) -> Path:
    """REV built in a git worktree of this repository under `base`."""
    tree = base / f"baseline-{rev}"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), rev], check=True,
                   stdout=subprocess.DEVNULL)
    build(tree, ".build")
    return tree / ".build" / "release" / "netexport"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15, help="runs of each command (default: %(default)s)")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    parser.add_argument("--netexport", type=Path, default=NETEXPORT, help="the netexport binary to time")
    parser.add_argument("--baseline", metavar="REV", help="also build and time this commit (e.g. 0e8a338)")
    parser.add_argument("--baseline-binary", type=Path, help="also time this netexport binary as the baseline")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions with valgrind")
    parser.add_argument("--one-core", action="store_true", help="run everything on core 0 (taskset -c 0)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not Path(TIME).exists():
        raise SystemExit(f"{TIME} (GNU time) is not installed: sudo apt-get install -y time")

    base = Path(tempfile.mkdtemp(prefix="netexport-export-bench-"))
    worktree = None
    try:
        if not args.no_build:
            sources = revision()
            build(REPO, SCRATCH)
            print(f"  sources: {sources}", flush=True)
        binaries = {"this build": args.netexport}
        if args.baseline:
            binaries[f"baseline {args.baseline}"] = baseline_binary(args.baseline, base)
            worktree = base / f"baseline-{args.baseline}"
        elif args.baseline_binary:
            binaries["baseline"] = args.baseline_binary
        for binary in binaries.values():
            if not binary.exists():
                raise SystemExit(f"no netexport binary at {binary}; run without --no-build")
        if args.one_core:
            os.sched_setaffinity(0, {0})
        project = base / "project"
        project.mkdir()
        for name in PROJECT_FILES:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, project / name)
            else:
                shutil.copy2(source, project / name)
        for label, binary in binaries.items():
            check = subprocess.run([str(binary), "--project", str(project), "--all", "--check"], capture_output=True,
                                   text=True)
            if check.returncode != 0:
                raise SystemExit(f"{label} does not write the committed exports:\n{check.stderr[-3000:]}")
        cpu_model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().split("\n")
                          if line.startswith("model name")), "unknown CPU")
        version = subprocess.run([str(args.netexport), "--version"], capture_output=True, text=True).stdout.strip()
        print(f"netexport export benchmark: {version}; {os.cpu_count()} CPUs ({cpu_model})"
              f"{', pinned to core 0' if args.one_core else ''}; {args.repeat} alternating runs of each command",
              flush=True)
        for label, binary in binaries.items():
            print(f"  {label}: {binary}", flush=True)

        out = base / "es.script.txt"
        runs: dict[tuple[str, str], list[Run]] = {}
        for _ in range(args.repeat):
            for name, argv in commands(project, out).items():
                for label, binary in binaries.items():
                    runs.setdefault((label, name), []).append(run(binary, argv, base))

        print("\nMedians (wall time from this script, and its fastest run; CPU = user + system of the process "
              "and GNU time around it):")
        print(f"  {'binary':<22}  {'command':<30}  {'wall ms':>8}  {'fastest':>8}  {'CPU ms':>7}  {'x --version':>11}  "
              f"{'peak MB':>7}")
        medians: dict[tuple[str, str], float] = {}
        for (label, name), measured in runs.items():
            medians[(label, name)] = statistics.median(r.wall for r in measured)
        for (label, name), measured in runs.items():
            wall = medians[(label, name)]
            cpu = statistics.median(r.cpu for r in measured)
            peak = max(r.max_rss_kb for r in measured) / 1024
            fastest = min(r.wall for r in measured)
            print(f"  {label:<22}  {name:<30}  {wall * 1000:>8.1f}  {fastest * 1000:>8.1f}  {cpu * 1000:>7.1f}  "
                  f"{wall / medians[(label, '--version')]:>11.2f}  {peak:>7.1f}")
        if len(binaries) > 1:
            baseline = [label for label in binaries if label != "this build"][0]
            for name in ("one export (es audio-script)", "--all"):
                print(f"  {name}: {baseline} / this build = "
                      f"{medians[(baseline, name)] / medians[('this build', name)]:.2f}x")

        if args.callgrind:
            print("\nInstructions (valgrind --tool=callgrind, one run each):")
            counts: dict[tuple[str, str], int] = {}
            for name, argv in commands(project, out).items():
                for label, binary in binaries.items():
                    counts[(label, name)] = instructions(binary, argv, base)
                    print(f"  {label:<22}  {name:<30}  {counts[(label, name)]:>14,}  "
                          f"({counts[(label, name)] / counts[(label, '--version')]:.1f}x --version)", flush=True)
    finally:
        if worktree is not None:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(worktree)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
