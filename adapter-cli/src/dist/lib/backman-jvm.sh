# shellcheck shell=sh
# How backman's JVM is started, shared by the launchers: the source checkout's ./backman and an installed
# bin/backman (tarball or Debian package). POSIX sh, sourced; it defines functions only.

# Each process a launcher starts costs milliseconds on a small machine (a no-change backup of 50,000 entries took
# 1.06 x the time of the bare JVM command when the launcher ran a dozen of them), so paths are cut with the shell's
# own expansions rather than with dirname or cut.

# A checksum naming one JVM: a class-data archive works only with the JVM that wrote it (its path and release).
# $1: the java binary, symlinks resolved.
backman_jvm_key() {
    backman_key_jdk=${1%/*}
    backman_key_sum=$({ echo "$1"; cat "${backman_key_jdk%/*}/release" 2>/dev/null || true; } | cksum)
    echo "${backman_key_sum%% *}"
}

# Class-data sharing: a training run (a small backup with a configuration file, in a scratch directory) lists the
# classes a command loads, and a static AppCDS archive is dumped from that list; later runs map it instead of loading
# and verifying those classes from the jars. Measured here: `backman list` 0.82 s -> 0.50 s. Any failure just
# leaves the archive out.
# Static, not a dynamic archive (-XX:ArchiveClassesAtExit): JDK 17 leaves classes of Java 5 class files out of a
# dynamic archive, and with them every class linked against them. picocli is built for Java 5, so its 175 classes
# and the command classes implementing its interfaces were read from the jars on every run; a static archive of JDK
# 17 holds them. Two training backups, a full one and one that finds nothing changed, list the classes of both kinds
# (the lists are merged where they are plain class names, as JDK 17 writes them). Against a dynamic archive of the
# same training: no-change backup of 50,000 entries 0.93 x the time, 0.95 x the CPU (12 pairs), peak RSS +4 MiB;
# the first run after a build spends about 15 s training instead of 5.
# The training backups are encrypted (a passphrase from a variable, the catalog in the scratch directory), so Tink's
# classes are archived, and have an offsite copy in S3 at port 0 of the loopback address, where every connection is
# refused at once: the AWS SDK builds its client and signs a request, so those classes are archived as well (a
# restore of 1 GiB from S3 3.7 -> 3.3 s, most of it in starting the SDK). The copy just stays pending; the
# credentials are dummies and no AWS configuration file is read.
# Two archives come out of one training: JSA without the AWS SDK's classes, and JSA's name with -s3 before .jsa with
# them (see backman_uses_s3 for which a run maps). Every start relocates the archive it maps (address-space layout
# randomization), which touches each of its pages; the SDK's 1,460 classes are a quarter of the archive (59 -> 45 MB),
# so leaving them out of the one that runs without S3 gave a no-change backup of the mixed corpus 0.96-0.965 x the time
# (14 and 16 pairs) and 12 MiB less peak RSS, the backup after its 1 % change 0.96-0.98 x (8 and 10 pairs). Should the
# shorter list not dump (a JDK whose list entries refer to each other), the first archive holds every class too.
# backman_train_cds JAVA JSA LAUNCH...   LAUNCH: what selects backman's main class (-jar JAR, or -cp PATH CLASS)
backman_train_cds() {
    cds_java=$1 cds_jsa=$2
    cds_s3_jsa=${2%.jsa}-s3.jsa
    shift 2
    cds_scratch=$(mktemp -d "${TMPDIR:-/tmp}/backman-cds.XXXXXX") || return 1
    mkdir "$cds_scratch/src"
    echo "class-data sharing training file" > "$cds_scratch/src/file.txt"
    printf '%s\n' 'source_paths: [src]' 'backup_location: repo' 'catalog_path: catalog.db' \
        'encryption: {passphrase_env: BACKMAN_CDS_PASSPHRASE}' \
        'offsite: [{location: "s3://backman-cds/training"}]' \
        's3: {endpoint: "http://127.0.0.1:0", region: us-east-1, path_style: true, max_attempts: 1}' \
        > "$cds_scratch/backman.yaml"
    if (cd "$cds_scratch" && unset AWS_SESSION_TOKEN AWS_PROFILE \
            && export BACKMAN_CDS_PASSPHRASE=backman-cds AWS_ACCESS_KEY_ID=backman-cds \
                AWS_SECRET_ACCESS_KEY=backman-cds AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
                AWS_EC2_METADATA_DISABLED=true \
            && "$cds_java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList=full.classes \
                "$@" --json backup \
            && "$cds_java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList=incremental.classes \
                "$@" --json backup \
            && if grep -q ' id: ' full.classes; then # numbered entries (newer JDKs) cannot be merged line by line
                cp full.classes all.classes
            else
                awk '!seen[$0]++' full.classes incremental.classes > all.classes
            fi \
            && { grep -v 'software/amazon/awssdk/' all.classes > local.classes || true; } \
            && { "$cds_java" -Xshare:dump -XX:SharedClassListFile=local.classes -XX:SharedArchiveFile="$cds_jsa.$$" \
                    "$@" \
                || "$cds_java" -Xshare:dump -XX:SharedClassListFile=all.classes -XX:SharedArchiveFile="$cds_jsa.$$" \
                    "$@"; } \
            && { "$cds_java" -Xshare:dump -XX:SharedClassListFile=all.classes \
                    -XX:SharedArchiveFile="$cds_s3_jsa.$$" "$@" || true; }) >/dev/null 2>&1 \
            && [ -f "$cds_jsa.$$" ]; then
        if [ -f "$cds_s3_jsa.$$" ]; then
            mv -f "$cds_s3_jsa.$$" "$cds_s3_jsa"
        else
            rm -f "$cds_s3_jsa" # an earlier training's would not match the jars now
        fi
        mv -f "$cds_jsa.$$" "$cds_jsa"
    fi
    rm -rf "$cds_scratch" "$cds_jsa.$$" "$cds_s3_jsa.$$"
}

# Whether a command line names an S3 location, in an argument (-r s3://...) or in the configuration file it reads
# (-c FILE, else ./backman.yaml): such a run maps the archive with the AWS SDK's classes (a restore of 1 GiB from S3
# 3.7 -> 3.3 s with them archived). A guess from the text, without parsing YAML: a wrong guess costs only time.
# backman_uses_s3 ARGS...
backman_uses_s3() {
    s3_config=backman.yaml
    s3_next=
    for arg in "$@"; do
        if [ -n "$s3_next" ]; then
            s3_config=$arg
            s3_next=
            continue
        fi
        case $arg in
            *s3://*) return 0 ;;
            -c | --config) s3_next=1 ;;
            -c=* | --config=*) s3_config=${arg#*=} ;;
        esac
    done
    [ -f "$s3_config" ] && [ -r "$s3_config" ] || return 1
    s3_lines=0
    while IFS= read -r s3_line || [ -n "$s3_line" ]; do
        case $s3_line in
            *s3://*) return 0 ;;
        esac
        s3_lines=$((s3_lines + 1))
        if [ "$s3_lines" -ge 1000 ]; then # not a configuration file after all
            return 1
        fi
    done < "$s3_config"
    return 1
}

# Runs backman in place of the shell. backman_exec JAVA JSA JIT_DIRECTIVES LAUNCH... ARGS...
#
# C1 only starts fastest, but its SHA-256 is ~10x slower than C2's intrinsic (0.1 vs 1.1 GB/s here), and C2 has the
# AES-GCM intrinsics too. Commands that read whole archives or trees therefore run tiered, with C2 kept to the JDK's
# digests and ciphers, Tink and Bouncy Castle (JIT_DIRECTIVES, backman-jit.json): everything else stays with C1, whose
# code for backman's per-file work is about as fast and costs a fraction of C2's compile time. Measured on 2 cores
# against the earlier set-up (C2 for any really hot method, thresholds x10), 2-3 runs each: a full backup of the 1.2 GB
# mixed corpus 8.2-8.5 -> 7.0-7.5 s (CPU 12.3-12.8 -> 10.4-11.2 s), a no-change backup of its 49,593 entries
# 2.35-2.39 -> 1.98-2.15 s. The digests and ciphers reach C2 after a tenth of the usual calls: an encrypted backup
# took 1.8x the plain one at the usual thresholds, 1.11-1.14x with these (at a hundredth: C2 compiled far more of the
# provider's code, 1.15x). A missing directives file leaves C2 to every method.
backman_exec() {
    run_java=$1 run_jsa=$2 run_jit=$3
    shift 3
    run_s3_jsa=${run_jsa%.jsa}-s3.jsa # see backman_train_cds
    if [ -f "$run_s3_jsa" ] && backman_uses_s3 "$@"; then
        run_jsa=$run_s3_jsa
    fi
    long=
    for arg in "$@"; do
        case $arg in
            backup | restore | verify | export | replicate | schedule) long=$arg ; break ;;
        esac
    done
    if [ -n "$long" ]; then
        # 128 MiB to start with: grown from 16 MiB, the heap of a no-change backup of 50,000 entries went through
        # five full collections (0.4 s of 2.5 s); from 128 MiB 0.2 s, at the same peak RSS (the heap grows past it).
        # A backup starts at 256 MiB with the same 43 MiB young generation: it keeps a record of every entry until its
        # manifest is written, and an old generation too small for them is grown only by a full collection (one or
        # two of 0.1-0.2 s for 100,000 entries); from 256 MiB none: no-change backup of the small corpus 0.91 x the
        # time, full backup 0.96 x, peak RSS 301 -> 289 and 335 -> 320 MiB (pages are only resident once used), the
        # mixed corpus unchanged. A restore does not gain: garbage piles up in the larger old generation (peak RSS of
        # the small corpus's restore 358 -> 430 MiB), so it keeps 128 MiB.
        case ${BACKMAN_JAVA_OPTS:-} in
            *-Xms* | *-Xmn* | *NewSize*) ;; # the user's choice stands
            *) if [ "$long" = backup ]; then
                   set -- -Xms256m -XX:NewSize=43m "$@"
               else
                   set -- -Xms128m "$@"
               fi ;;
        esac
        # A backup's passes over all its entries (partitioning, the write-time check's end, digests, statistics) run
        # once each, in loops that the interpreter hands to the compiler only after 60,000 turns by default; at 5,000:
        # small corpus (100,000 files) full backup 0.975 x, no-change 0.98 x, mixed no-change 0.95 x, mixed full
        # 0.99 x the time (6-10 paired runs each). The commands that read a whole manifest make such passes too
        # (its checks, the plan, the archives' members): mixed corpus restore 0.96, 0.98 and 0.98 x, verify of the
        # full backup 0.93, 0.97 and 0.97 x, export 0.94 and 0.97 x (runs of 6-10 pairs).
        case $long in
            backup | restore | verify | export)
                case ${BACKMAN_JAVA_OPTS:-} in
                    *Tier3BackEdgeThreshold*) ;;
                    *) set -- -XX:Tier3BackEdgeThreshold=5000 "$@" ;;
                esac ;;
        esac
        set -- -XX:CompileCommand=quiet \
            -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.*::*,0.1 \
            -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.*::*,0.1 "$@"
        if [ -f "$run_jit" ]; then # the JVM would not start without it
            # the JVM prints "N compiler directives added" on stdout, which would spoil --json output: its own
            # messages on stdout are turned off (warnings and errors go to stderr and still show)
            case ${BACKMAN_JAVA_OPTS:-} in
                *DisplayVMOutput*) ;; # the user's choice stands
                *) set -- -XX:-DisplayVMOutput "$@" ;;
            esac
            set -- -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile="$run_jit" "$@"
        fi
    else
        set -- -XX:TieredStopAtLevel=1 "$@"
    fi
    # Jdbi registers a Flight Recorder event on its first statement when the JVM has the recorder, which builds the
    # recorder's type metadata (about 100 classes and their compiled code): with the JDK's own switch for a JVM
    # without it, `list` 0.98 x the time, a no-change backup 0.97-0.98 x (10-16 paired runs). Not when the user
    # starts a recording: it must find the recorder.
    case ${BACKMAN_JAVA_OPTS:-} in
        *FlightRecord* | *jfr.unsupported.vm*) ;;
        *) set -- -Djfr.unsupported.vm=true "$@" ;;
    esac
    # Transparent huge pages for the heap, where the kernel gives them on request (`madvise`) or always. A page fault
    # costs 12-15 us per 4 KiB page on the virtual machines measured here, and a heap is touched page by page as it
    # fills and as collections copy into it: a no-change backup of 50,000 entries took 46,000 faults, 19,600 with
    # huge pages, and 0.88 x the time (0.85 x for 100,000 entries), a full backup 0.97 x, `list` 0.94 x (10-12
    # paired runs), for 3-6 MiB more peak RSS. Where the kernel has them off, the JVM would print a warning on
    # stdout (spoiling --json output), so the option is only given when the kernel says they are available.
    case ${BACKMAN_JAVA_OPTS:-} in
        *TransparentHugePages*) ;; # the user's choice stands
        *) run_thp=
           { read -r run_thp < "${backman_thp_setting:-/sys/kernel/mm/transparent_hugepage/enabled}"; } 2>/dev/null \
               || true
           case $run_thp in
               *'[madvise]'* | *'[always]'*) set -- -XX:+UseTransparentHugePages "$@" ;;
           esac ;;
    esac
    if [ -f "$run_jsa" ]; then
        # should the archive not match after all (a JDK updated in place), run without it rather than warn
        set -- -XX:SharedArchiveFile="$run_jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
    fi
    # shellcheck disable=SC2086 # BACKMAN_JAVA_OPTS is a list of options
    # A small initial heap that grows as needed: the default (1/64 of the RAM) is touched whole before the first
    # collection. Peak RSS of a 1 GB backup 292 -> 221 MB, of its restore 468 -> 338 MB, at the same CPU time.
    # (Long commands start at 128 or 256 MiB, above: the later -Xms wins.)
    exec "$run_java" -XX:+UseSerialGC -Xms16m -Xshare:auto ${BACKMAN_JAVA_OPTS:-} "$@"
}
