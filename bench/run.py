#!/usr/bin/env python3
"""Benchmark backman against `tar | zstd -3 -T2` and restic, on the same corpora, in one run.

Usage:
    bench/run.py [--runs N] [--presets mixed,small] [--work DIR] [--corpus-tools DIR] [--no-restic]

Builds the corpora once with make_corpus.py (presets `mixed` and `small`) into the work directory, then, for
each run, copies the corpus to a directory of that run's own, and measures each tool in turn on that copy (alternating, so that drift of this
noisy machine hits all tools alike; backman goes first in odd runs and restic in even ones):

    full backup (backman tar.zst, backman zip, restic, tar | zstd)
    no-change backup (backman, restic)
    backup after the 1 % mutation of mutate_corpus.py (backman, restic)
    full restore of the latest backup (backman, restic)

Every timed command starts after a sync, so that no tool pays for writing back what the step before wrote, and
each restore goes into a new directory of its own. Nothing the benchmark makes by the thousand (corpus copies,
restored trees) is removed before its last measurement: they all go at the very end (about 16 GB for both presets).
A file system without a journal (ext4 here) will not reuse an inode for a while after it was freed, and the files
created after many were deleted make its inode allocator walk past all of them: a restore that came a minute after
a corpus copy or another restore was removed paid for that removal, in system time, whichever tool it was. What
they hold is dropped from the page cache instead once they are done with (written back first, then
posix_fadvise DONTNEED per file; no privileges needed): left there, the 6-7 GB a run of `mixed` writes filled this
machine's memory by the third run, and every page a later step wrote had to be reclaimed first.

Every process is timed whole (JVM start included) with /usr/bin/time, which also gives the peak RSS. The
table shows medians over the runs and the ratios backman/restic and backman/(tar | zstd). backman backs up
the whole corpus (hidden files, no exclusions, no size limit) so that it does the same work as restic.

The corpus tools are looked up in --corpus-tools (default: $BACKMAN_CORPUS_TOOLS, else ../shared/bench next
to the repository). restic is used when it is on the PATH (`apt-get install restic`).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BACKMAN = ROOT / "backman"
CONFIG = "exclude_patterns: []\ninclude_hidden: true\nmax_file_size_mb: 0\nretention_days: 0\n"


def timed(cmd, cwd=None, env=None, stdout=subprocess.DEVNULL):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS in MiB)."""
    os.sync()  # what the previous step wrote is written back before this one starts, not during it
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", out.name] + cmd
        result = subprocess.run(full, cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
        if result.returncode not in (0, 4):
            sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(cmd), result.stderr[-2000:]))
        seconds, kib = out.read().split()[-2:]
        return float(seconds), int(kib) / 1024.0


def du(path):
    return int(subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True).stdout.split()[0])


def evict(path):
    """Writes back what is below path and drops it from the page cache (files stay on disk)."""
    os.sync()
    for directory, _, files in os.walk(path):
        for name in files:
            try:
                fd = os.open(os.path.join(directory, name), os.O_RDONLY | os.O_NOFOLLOW)
            except OSError:  # a symlink or an unreadable file: nothing of ours to drop
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def warm(path):
    subprocess.run("tar -cf - . > /dev/null", shell=True, cwd=path, check=True)


class Results:
    def __init__(self):
        self.times = {}
        self.rss = {}
        self.sizes = {}

    def add(self, op, tool, seconds, rss):
        self.times.setdefault((op, tool), []).append(seconds)
        self.rss.setdefault((op, tool), []).append(rss)

    def time(self, op, tool):
        values = self.times.get((op, tool))
        return statistics.median(values) if values else None

    def peak(self, op, tool):
        values = self.rss.get((op, tool))
        return max(values) if values else None


def backman(args, config, cwd):
    return [str(BACKMAN), "-q", "-c", str(config)] + args


def run_backman(res, corpus, work, config):
    for fmt, op in (("tar.zst", "full"), ("zip", "full zip")):
        repo = work / ("repo-backman-" + fmt)
        shutil.rmtree(repo, ignore_errors=True)
        s, m = timed(backman(["-r", str(repo), "backup", str(corpus), "--format", fmt, "--id", "full"], config, work))
        res.add(op, "backman", s, m)
        res.sizes[(op, "backman")] = du(repo / "archives")
    return work / "repo-backman-tar.zst"


def backman_step(res, op, repo, corpus, config, work, backup_id):
    s, m = timed(backman(["-r", str(repo), "backup", str(corpus), "--format", "tar.zst", "--id", backup_id],
                         config, work))
    res.add(op, "backman", s, m)


def restic_env(repo):
    env = dict(os.environ)
    env.update(RESTIC_PASSWORD="bench", RESTIC_REPOSITORY=str(repo), RESTIC_CACHE_DIR=str(repo) + "-cache")
    return env


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--presets", default="mixed,small")
    ap.add_argument("--work", default=str(ROOT / "bench" / "scratch"))
    ap.add_argument("--corpus-tools", default=os.environ.get("BACKMAN_CORPUS_TOOLS",
                                                             str(ROOT.parent / "shared" / "bench")))
    ap.add_argument("--no-restic", action="store_true")
    args = ap.parse_args()

    tools = Path(args.corpus_tools)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    restic = None if args.no_restic else shutil.which("restic")
    config = work / "bench.yaml"
    config.write_text(CONFIG)
    subprocess.run([str(BACKMAN), "--version"], check=True, stdout=subprocess.DEVNULL)  # builds if needed
    leftovers = []

    for preset in args.presets.split(","):
        pristine = work / ("corpus-" + preset)
        if not pristine.exists():
            print("building the %s corpus ..." % preset, file=sys.stderr)
            subprocess.run([sys.executable, str(tools / "make_corpus.py"), preset, str(pristine)], check=True,
                           stdout=subprocess.DEVNULL)
        res = Results()
        for run in range(args.runs):
            print("%s: run %d of %d" % (preset, run + 1, args.runs), file=sys.stderr)
            # a copy (the mutation must not touch the pristine corpus) of this run's own, removed at the very end
            corpus = work / ("src-%s-%d" % (preset, run)) / preset
            shutil.rmtree(corpus.parent, ignore_errors=True)  # left by an interrupted benchmark
            corpus.parent.mkdir(parents=True)
            leftovers.append(corpus.parent)
            subprocess.run(["cp", "-a", str(pristine), str(corpus)], check=True)
            warm(corpus)

            # full backups
            repo = run_backman(res, corpus, work, config)
            ref = work / "tar-zstd.tar.zst"
            s, m = timed(["sh", "-c", "tar -cf - . | zstd -3 -T2 -q -f -o %s" % ref], cwd=corpus)
            res.add("full", "tar|zstd", s, m)
            res.sizes[("full", "tar|zstd")] = ref.stat().st_size
            rrepo = work / "repo-restic"
            if restic:
                shutil.rmtree(rrepo, ignore_errors=True)
                shutil.rmtree(str(rrepo) + "-cache", ignore_errors=True)
                subprocess.run([restic, "init", "-q"], env=restic_env(rrepo), check=True, stdout=subprocess.DEVNULL)
                s, m = timed([restic, "backup", "-q", "."], cwd=corpus, env=restic_env(rrepo))
                res.add("full", "restic", s, m)
                res.sizes[("full", "restic")] = du(rrepo)

            # no change, then the 1 % mutation; the tools take turns at going first
            def pair(op, backup_id):
                steps = [lambda: backman_step(res, op, repo, corpus, config, work, backup_id)]
                if restic:
                    steps.append(lambda: res.add(op, "restic", *timed([restic, "backup", "-q", "."], cwd=corpus,
                                                                        env=restic_env(rrepo))))
                for step in (steps if run % 2 == 0 else steps[::-1]):
                    step()

            pair("no change", "same")
            subprocess.run([sys.executable, str(tools / "mutate_corpus.py"), str(corpus)], check=True,
                           stdout=subprocess.DEVNULL)
            warm(corpus)
            pair("1% changed", "mutated")

            # full restore of the latest backup, each tool into a new directory, removed at the very end
            targets = {tool: work / ("restore-%s-%s-%d" % (preset, tool, run)) for tool in ("backman", "restic")}
            for target in targets.values():
                shutil.rmtree(target, ignore_errors=True)  # left by an interrupted benchmark
                leftovers.append(target)
            restores = [("backman", lambda: res.add("restore", "backman", *timed(backman(
                ["-r", str(repo), "restore", "mutated", "--target", str(targets["backman"])], config, work))))]
            if restic:
                restores.append(("restic", lambda: res.add("restore", "restic", *timed(
                    [restic, "restore", "-q", "latest", "--target", str(targets["restic"])],
                    env=restic_env(rrepo)))))
            for tool, restore in (restores if run % 2 == 0 else restores[::-1]):
                restore()
                evict(targets[tool])
            evict(corpus)
        report(preset, res, args.runs)
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)


def report(preset, res, runs):
    def fmt(v, unit="s"):
        return "-" if v is None else ("%.2f %s" % (v, unit))

    def ratio(a, b, digits=2):
        return "-" if a is None or b is None else "%.*f" % (digits, a / b)

    ops = ["full", "full zip", "no change", "1% changed", "restore"]
    print()
    print("%s corpus, medians of %d runs (peak RSS: max over runs)" % (preset, runs))
    header = "| operation | backman | restic | tar\\|zstd | backman/restic | backman/tar\\|zstd " \
             "| RSS backman | RSS restic |"
    print(header)
    print("|" + "---|" * 8)
    for op in ops:
        b = res.time(op, "backman")
        r = res.time(op, "restic")
        t = res.time(op if op != "full zip" else "full", "tar|zstd")
        print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            op, fmt(b), fmt(r), fmt(t) if op == "full" else "-", ratio(b, r),
            ratio(b, t) if op in ("full", "full zip") else "-",
            fmt(res.peak(op, "backman"), "MiB"), fmt(res.peak(op, "restic"), "MiB")))
    print()
    print("| repository after the full backup | bytes | ratio to tar\\|zstd |")
    print("|---|---|---|")
    ref = res.sizes.get(("full", "tar|zstd"))
    for key in (("full", "backman"), ("full zip", "backman"), ("full", "restic"), ("full", "tar|zstd")):
        if key in res.sizes:
            label = "backman " + ("zip" if key[0] == "full zip" else "tar.zst") if key[1] == "backman" else key[1]
            # three digits: the size target (0.95) is closer than two would show
            print("| %s | %d | %s |" % (label, res.sizes[key], ratio(res.sizes[key], ref, 3)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
