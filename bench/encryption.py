#!/usr/bin/env python3
"""Time an encrypted against an unencrypted full tar.zst backup of the same corpus, in one run.

Usage:
    BACKMAN_SKIP_BUILD=1 bench/encryption.py [--corpus DIR] [--runs N] [--work DIR] [--jit-crypto]

Defaults: the `mixed` corpus that bench/run.py builds (bench/scratch/corpus-mixed), 3 runs. Each run backs the
corpus up twice into fresh repositories, alternating which goes first, with the same settings as bench/run.py
(hidden files, no exclusions, no size limit); the encrypted one reads its passphrase from a file. Every process is
timed whole (JVM start and the Argon2id unlock included) with /usr/bin/time. Prints the medians and the ratio
encrypted / plain; the issue's target is at most 1.10.

--jit-crypto also passes (through BACKMAN_JAVA_OPTS, to both runs) the JIT options that let the JDK compile its
AES-GCM code early. The launcher sets them itself now; the flag remains to compare with an older launcher, whose
-XX:CompileThresholdScaling=10 alone kept the AES-NI/CLMUL intrinsics out of a short run (AES-GCM then ran
interpreted at about 60 MB/s).
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
JIT_CRYPTO = ("-XX:CompileCommand=quiet"
              " -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.*::*,0.01"
              " -XX:CompileCommand=CompileThresholdScaling,com.google.crypto.tink.*::*,0.01")
CONFIG = "exclude_patterns: []\ninclude_hidden: true\nmax_file_size_mb: 0\nretention_days: 0\n" \
         "compression_type: tar.zst\n"


def timed(cmd, cwd):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", out.name] + cmd
        result = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode not in (0, 4):
            sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(cmd), result.stderr[-2000:]))
        seconds, kib = out.read().split()[-2:]
        return float(seconds), int(kib) / 1024.0


def backup(work, corpus, name, encrypted):
    case = work / name
    if case.exists():
        shutil.rmtree(case)
    case.mkdir(parents=True)
    config = CONFIG + "source_paths: [%s]\nbackup_location: repo\n" % corpus
    if encrypted:
        (case / "pass.txt").write_text("benchmark passphrase\n")
        config += "encryption: {passphrase_file: pass.txt}\n"
    (case / "backman.yaml").write_text(config)
    seconds, rss = timed([str(BACKMAN), "-q", "-c", "backman.yaml", "backup"], cwd=case)
    size = sum(f.stat().st_size for f in (case / "repo" / "archives").iterdir())
    return seconds, rss, size


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT / "bench" / "scratch" / "corpus-mixed"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=None)
    parser.add_argument("--jit-crypto", action="store_true", help="compile the AES-GCM code early (see above)")
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    if not corpus.is_dir():
        sys.exit("no corpus at %s (bench/run.py builds it)" % corpus)
    work = Path(args.work or tempfile.mkdtemp(prefix="backman-enc-bench-")).resolve()
    data = work / "data"  # the encrypted repository's catalog goes to the per-user data directory
    os.environ["BACKMAN_DATA_DIR"] = str(data)
    if args.jit_crypto:
        os.environ["BACKMAN_JAVA_OPTS"] = (os.environ.get("BACKMAN_JAVA_OPTS", "") + " " + JIT_CRYPTO).strip()
    subprocess.run("tar -cf - . > /dev/null", shell=True, cwd=corpus, check=True)  # warm the page cache
    times = {"plain": [], "encrypted": []}
    rss = {"plain": [], "encrypted": []}
    sizes = {}
    for run in range(args.runs):
        order = ["plain", "encrypted"] if run % 2 == 0 else ["encrypted", "plain"]
        for name in order:
            seconds, peak, size = backup(work, corpus, name, name == "encrypted")
            times[name].append(seconds)
            rss[name].append(peak)
            sizes[name] = size
            print("run %d %-9s %6.2f s  %5.0f MiB RSS  archive %d bytes" % (run + 1, name, seconds, peak, size),
                  flush=True)
    plain, enc = statistics.median(times["plain"]), statistics.median(times["encrypted"])
    print("\nmedian over %d runs (%s)%s" % (args.runs, corpus, ", --jit-crypto" if args.jit_crypto else ""))
    print("  plain     tar.zst full backup: %6.2f s, %5.0f MiB" % (plain, statistics.median(rss["plain"])))
    print("  encrypted tar.zst full backup: %6.2f s, %5.0f MiB" % (enc, statistics.median(rss["encrypted"])))
    print("  ratio encrypted / plain: %.3f (target <= 1.10); archive overhead %+d bytes"
          % (enc / plain, sizes["encrypted"] - sizes["plain"]))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
