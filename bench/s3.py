#!/usr/bin/env python3
"""Benchmark backman's S3 upload and download against `aws s3 cp` (and `rclone copy`), on a local S3 server.

Usage:
    bench/s3.py [--runs N] [--warmup N] [--size-mib N] [--work DIR] [--part-size-mb N] [--upload-threads N]

Starts S3Proxy (filesystem blob store, 127.0.0.1 only) from the project's own Maven dependencies: the class path
of adapter-s3's tests (where S3Proxy is a test dependency) is written once by `./mvnw dependency:build-classpath`,
offline from ~/.m2, and S3Proxy runs as `java -cp <that> org.gaul.s3proxy.Main`. After --warmup untimed rounds
(default 1: a fresh S3Proxy spends seconds of CPU compiling its code on the first transfers), for each run and each
tool in turn, the order turning from run to run (so that drift of this noisy machine hits all tools alike):

    upload:   backman backup of one file of random bytes (--size-mib, default 1 GiB) into -r s3://bench/…,
              tar format (no compression: the comparison is of transfers); aws s3 cp / rclone copy of the file
    download: backman restore of that backup into an empty directory (every file checked against its SHA-256);
              aws s3 cp / rclone copy of the object back to a file

Every process is timed whole (JVM start included) with /usr/bin/time, which also gives its CPU time (user + system)
and peak RSS; the CPU time S3Proxy spent meanwhile is read from /proc. The table shows medians over the runs, MB/s,
both CPU times, the peak RSS, and for backman the ratio (time of the fastest other tool) / (time of backman): 1.0x
or more means backman is at least as fast. The tool and the server share the machine's cores, so on a busy machine
wall times drift while the CPU columns stay comparable. Tools that are not on the PATH are skipped with
a message; rclone: `apt-get install rclone`, aws: the AWS CLI (v1 or v2).
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BACKMAN = ROOT / "backman"
BUCKET = "bench"
ACCESS_KEY = "backman-bench"
SECRET_KEY = "backman-bench-secret"
MIB = 1024 * 1024


class Measure:
    """What one timed process cost: wall seconds, its CPU seconds, the server's CPU seconds, peak RSS in MiB."""

    def __init__(self, seconds, cpu, server_cpu, rss):
        self.seconds, self.cpu, self.server_cpu, self.rss = seconds, cpu, server_cpu, rss


def timed(server, cmd, cwd=None, env=None):
    """Runs cmd under /usr/bin/time while S3Proxy's CPU time is counted."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", out.name] + cmd
        server_before = server.cpu_seconds()
        result = subprocess.run(full, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)
        server_cpu = server.cpu_seconds() - server_before
        if result.returncode != 0:
            sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(cmd), result.stderr[-3000:]))
        seconds, user, system, kib = out.read().split()[-4:]
        return Measure(float(seconds), float(user) + float(system), server_cpu, int(kib) / 1024.0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def s3proxy_classpath(work):
    """The class path of adapter-s3's tests, which has S3Proxy and its dependencies (from ~/.m2)."""
    out = work / "s3proxy.classpath"
    if not out.exists():
        print("writing S3Proxy's class path with ./mvnw dependency:build-classpath ...", file=sys.stderr)
        cmd = [str(ROOT / "mvnw"), "-q", "-B", "-o", "dependency:build-classpath", "-pl", "adapter-s3",
               "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + str(out)]
        lock = Path("/tmp/backman-build.lock")
        if shutil.which("flock") and lock.exists():
            cmd = ["flock", str(lock)] + cmd
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=sys.stderr)
    return out.read_text().strip()


class S3ProxyServer:
    """S3Proxy with a filesystem blob store under work/blobs, listening on 127.0.0.1 only."""

    def __init__(self, work):
        self.port = free_port()
        self.endpoint = "http://127.0.0.1:%d" % self.port
        self.blobs = work / "blobs"
        shutil.rmtree(self.blobs, ignore_errors=True)
        (self.blobs / BUCKET).mkdir(parents=True)  # a bucket of the filesystem store is a directory
        properties = work / "s3proxy.properties"
        properties.write_text("\n".join([
            "s3proxy.endpoint=" + self.endpoint,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + str(self.blobs),
            "jclouds.identity=" + ACCESS_KEY,
            "jclouds.credential=" + SECRET_KEY,
            ""]))
        logback = work / "s3proxy-logback.xml"  # S3Proxy logs at DEBUG without a configuration
        logback.write_text('<configuration><appender name="E" class="ch.qos.logback.core.ConsoleAppender">'
                           '<target>System.err</target><encoder><pattern>%msg%n</pattern></encoder></appender>'
                           '<root level="WARN"><appender-ref ref="E"/></root></configuration>')
        self.log = open(work / "s3proxy.log", "w")
        self.process = subprocess.Popen(
            ["java", "-Xmx1g", "-Dlogback.configurationFile=" + str(logback), "-cp", s3proxy_classpath(work),
             "org.gaul.s3proxy.Main", "--properties", str(properties)],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit("S3Proxy exited; see " + str(work / "s3proxy.log"))
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        sys.exit("S3Proxy did not start in 60 s; see " + str(work / "s3proxy.log"))

    def cpu_seconds(self):
        """User + system CPU time of the server process so far (Linux /proc), or 0 where /proc is missing."""
        try:
            fields = Path("/proc/%d/stat" % self.process.pid).read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def remove(self, prefix):
        shutil.rmtree(self.blobs / BUCKET / prefix, ignore_errors=True)


class Results:
    def __init__(self):
        self.measures = {}

    def add(self, op, tool, measure):
        self.measures.setdefault((op, tool), []).append(measure)

    def median(self, op, tool, field):
        values = [getattr(m, field) for m in self.measures.get((op, tool), [])]
        return statistics.median(values) if values else None

    def time(self, op, tool):
        return self.median(op, tool, "seconds")

    def peak(self, op, tool):
        values = [m.rss for m in self.measures.get((op, tool), [])]
        return max(values) if values else None


def make_source(work, size_mib):
    source = work / "src"
    data = source / "data.bin"
    if not data.exists() or data.stat().st_size != size_mib * MIB:
        print("writing %d MiB of random bytes to %s ..." % (size_mib, data), file=sys.stderr)
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir(parents=True)
        with open(data, "wb") as f:
            for _ in range(size_mib):
                f.write(os.urandom(MIB))
    subprocess.run(["cat", str(data)], stdout=subprocess.DEVNULL, check=True)  # into the page cache
    return data


def tool_env(work):
    env = dict(os.environ)
    env.update({
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": str(work / "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(work / "aws-credentials"),
        "BACKMAN_DATA_DIR": str(work / "backman-data"),
        "RCLONE_CONFIG": str(work / "rclone.conf"),
    })
    (work / "aws-config").write_text("[default]\ns3 =\n    addressing_style = path\n")
    (work / "aws-credentials").write_text("")
    return env


def run_backman(res, server, work, env, run, args):
    prefix = "backman-%d" % run
    config = work / "backman.yaml"
    config.write_text("source_paths: [src]\nretention_days: 0\ncompression_type: tar\nmax_file_size_mb: 0\n"
                      "s3: {endpoint: \"%s\", path_style: true, part_size_mb: %d, upload_threads: %d}\n"
                      % (server.endpoint, args.part_size_mb, args.upload_threads))
    repo = "s3://%s/%s" % (BUCKET, prefix)
    res.add("upload", "backman", timed(server, [str(BACKMAN), "-q", "-c", str(config), "-r", repo, "backup", "--id",
                                                "b1"], cwd=work, env=env))
    out = work / "out-backman"
    shutil.rmtree(out, ignore_errors=True)
    res.add("download", "backman", timed(server, [str(BACKMAN), "-q", "-c", str(config), "-r", repo, "restore",
                                                  "b1", "--target", str(out)], cwd=work, env=env))
    check_same(work / "src" / "data.bin", out / "src" / "data.bin")
    shutil.rmtree(out)
    server.remove(prefix)


def run_aws(res, server, work, env, run):
    key = "s3://%s/aws-%d/data.bin" % (BUCKET, run)
    aws = ["aws", "--endpoint-url", server.endpoint, "s3", "cp", "--only-show-errors"]
    res.add("upload", "aws s3 cp", timed(server, aws + [str(work / "src" / "data.bin"), key], env=env))
    out = work / "out-aws.bin"
    res.add("download", "aws s3 cp", timed(server, aws + [key, str(out)], env=env))
    check_same(work / "src" / "data.bin", out)
    out.unlink()
    server.remove("aws-%d" % run)


def run_rclone(res, server, work, env, run):
    (work / "rclone.conf").write_text("[bench]\ntype = s3\nprovider = Other\naccess_key_id = %s\n"
                                      "secret_access_key = %s\nendpoint = %s\nregion = us-east-1\n"
                                      "force_path_style = true\n" % (ACCESS_KEY, SECRET_KEY, server.endpoint))
    remote = "bench:%s/rclone-%d" % (BUCKET, run)
    res.add("upload", "rclone copy", timed(server, ["rclone", "copy", str(work / "src" / "data.bin"), remote],
                                           env=env))
    out = work / "out-rclone"
    shutil.rmtree(out, ignore_errors=True)
    res.add("download", "rclone copy", timed(server, ["rclone", "copy", remote + "/data.bin", str(out)], env=env))
    check_same(work / "src" / "data.bin", out / "data.bin")
    shutil.rmtree(out)
    server.remove("rclone-%d" % run)


def check_same(a, b):
    if not b.exists():
        sys.exit("%s is missing" % b)
    if subprocess.run(["cmp", "-s", str(a), str(b)]).returncode != 0:
        sys.exit("%s differs from %s" % (b, a))


def print_table(res, tools, size_mib, runs):
    print("\n%d MiB, median of %d run(s); ratio = fastest other tool's time / backman's time" % (size_mib, runs))
    print("%-9s %-12s %9s %9s %9s %12s %11s %7s" % ("op", "tool", "wall s", "MB/s", "cpu s", "server cpu s",
                                                    "peak MiB", "ratio"))
    for op in ("upload", "download"):
        others = [res.time(op, t) for t in tools if t != "backman" and res.time(op, t) is not None]
        for tool in tools:
            seconds = res.time(op, tool)
            if seconds is None:
                continue
            ratio = "%.2fx" % (min(others) / seconds) if tool == "backman" and others else ""
            print("%-9s %-12s %9.2f %9.1f %9.2f %12.2f %11.0f %7s" % (
                op, tool, seconds, size_mib * MIB / 1e6 / seconds, res.median(op, tool, "cpu"),
                res.median(op, tool, "server_cpu"), res.peak(op, tool), ratio))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "scratch" / "s3")
    parser.add_argument("--part-size-mb", type=int, default=16)
    parser.add_argument("--upload-threads", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (S3Proxy's JIT warms up)")
    args = parser.parse_args()
    if not Path("/usr/bin/time").exists():
        sys.exit("/usr/bin/time is needed (apt-get install time)")
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    make_source(work, args.size_mib)
    env = tool_env(work)
    subprocess.run([str(BACKMAN), "--version"], env=env, check=True, stdout=subprocess.DEVNULL)  # build, CDS
    tools = ["backman"]
    for tool, name in (("aws", "aws s3 cp"), ("rclone", "rclone copy")):
        if shutil.which(tool):
            tools.append(name)
        else:
            print("%s is not installed: skipped" % tool, file=sys.stderr)
    server = S3ProxyServer(work)
    res = Results()
    steps = {"backman": lambda r, run: run_backman(r, server, work, env, run, args),
             "aws s3 cp": lambda r, run: run_aws(r, server, work, env, run),
             "rclone copy": lambda r, run: run_rclone(r, server, work, env, run)}
    try:
        for run in range(-args.warmup, args.runs):
            # a fresh S3Proxy spends seconds of CPU in its JIT on the first transfers: warm-up rounds are not counted;
            # the order of the tools turns each run so that no tool always goes first
            print("warm-up ..." if run < 0 else "run %d/%d ..." % (run + 1, args.runs), file=sys.stderr)
            shift = run % len(tools)
            for tool in tools[shift:] + tools[:shift]:
                steps[tool](res if run >= 0 else Results(), run + args.warmup)
    finally:
        server.stop()
    print_table(res, tools, args.size_mib, args.runs)


if __name__ == "__main__":
    main()
