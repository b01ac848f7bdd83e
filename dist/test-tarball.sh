#!/bin/sh
# Checks the tarball as a user gets it: unpacked into a scratch directory, far from the source checkout, the
# unpacked bin/backman (called through a symlink, as from ~/bin) prints its version and makes a backup that it
# restores, without network where `unshare -n` is allowed. It also checks the files the tarball must hold.
#
#   dist/test-tarball.sh [TARBALL]    default: adapter-cli/target/backman-*.tar.gz (./mvnw -B package -DskipTests)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd -P)
tarball=${1:-$(ls "$root"/adapter-cli/target/backman-*.tar.gz 2>/dev/null | head -n 1)}
if [ ! -f "$tarball" ]; then
    echo "no tarball: build it with ./mvnw -B package -DskipTests, or give its path" >&2
    exit 1
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/backman-tarball.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
step() { echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "unpack $(basename "$tarball")"
tar -xzf "$tarball" -C "$scratch"
home=$(echo "$scratch"/backman-*)
for file in bin/backman lib/backman-jvm.sh man/man1/backman.1 completion/backman.bash completion/_backman \
        README.md LICENSE; do
    [ -f "$home/$file" ] || fail "$file is missing"
done
[ -x "$home/bin/backman" ] || fail "bin/backman is not executable"
ls "$home"/lib/backman.jar "$home"/lib/picocli-*.jar >/dev/null || fail "lib/ lacks the jars"
if command -v groff >/dev/null 2>&1; then
    groff -man -Tutf8 -ww "$home/man/man1/backman.1" 2>&1 >/dev/null | grep . && fail "groff warns about the man page"
fi
bash -n "$home/completion/backman.bash" || fail "the bash completion does not parse"

mkdir -p "$scratch/bin" "$scratch/case/project/src"
ln -s "$home/bin/backman" "$scratch/bin/backman"
echo "first file" > "$scratch/case/project/src/a.txt"
printf 'second\n' > "$scratch/case/project/b.txt"
export XDG_CACHE_HOME="$scratch/cache"
offline=
if unshare -n true 2>/dev/null; then
    offline="unshare -n"
    step "commands run without network (unshare -n)"
fi
cd "$scratch/case"

step "backman --version"
# shellcheck disable=SC2086 # $offline is a command prefix or nothing
version=$($offline "$scratch/bin/backman" --version)
echo "$version"
echo "$version" | grep -q '^backman [0-9]' || fail "no version line"
echo "$version" | grep -q '^repository format [0-9]' || fail "no repository format line"
echo "$version" | grep -Eq '^Java (1[7-9]|[2-9][0-9])' || fail "no Java line"
[ -n "$(ls "$XDG_CACHE_HOME"/backman/*.jsa 2>/dev/null)" ] || echo "(no class-data archive was recorded)"

step "backup and restore"
# shellcheck disable=SC2086
$offline "$scratch/bin/backman" -r ./backups backup project --id tarball_test
# shellcheck disable=SC2086
$offline "$scratch/bin/backman" -r ./backups restore tarball_test --target restored
diff -r project restored/project || fail "the restored tree differs"
# shellcheck disable=SC2086
$offline "$scratch/bin/backman" -r ./backups verify tarball_test
echo "tarball OK: $tarball"
