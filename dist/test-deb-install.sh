#!/bin/sh
# Installs the Debian package on this machine with apt-get, checks what it put where, runs a backup and a restore
# with the installed command (as root, and as an unprivileged user with no writable home), then removes the
# package and checks that nothing is left. Needs root, and a machine without backman installed.
#
#   dist/test-deb-install.sh [DEB]    default: adapter-cli/target/backman_*.deb (./mvnw -B package -DskipTests
#                                     builds it where dpkg-deb, fakeroot and jpackage exist)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd -P)
deb=${1:-$(ls "$root"/adapter-cli/target/backman_*.deb 2>/dev/null | head -n 1)}
if [ ! -f "$deb" ]; then
    echo "no Debian package: build it with ./mvnw -B package -DskipTests (needs dpkg-deb, fakeroot), or give its path" >&2
    exit 1
fi
deb=$(cd "$(dirname "$deb")" && pwd -P)/$(basename "$deb")
if [ "$(id -u)" != 0 ]; then
    echo "run as root: it installs and removes a package" >&2
    exit 1
fi
if [ "$(dpkg-query -W -f '${Status}' backman 2>/dev/null)" = "install ok installed" ]; then
    echo "backman is installed already; remove it first (apt-get remove backman)" >&2
    exit 1
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/backman-deb.XXXXXX")
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
step() { echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
links="/usr/bin/backman /usr/share/man/man1/backman.1 /usr/share/bash-completion/completions/backman
    /usr/share/zsh/vendor-completions/_backman"

step "apt-get install $deb"
apt-get install -y "$deb"

step "installed files"
[ "$(command -v backman)" = /usr/bin/backman ] || fail "backman is not /usr/bin/backman on the PATH"
for link in $links; do
    [ -e "$link" ] || fail "$link is missing"
    echo "$link -> $(readlink "$link")"
done
if command -v man >/dev/null 2>&1; then
    echo "man -w backman: $(man -w backman)"
    man backman 2>/dev/null | grep -q "backman backup" || fail "man backman does not describe backman backup"
fi
bash -c '. /usr/share/bash-completion/completions/backman && complete -p backman' || fail "no bash completion"

step "backman --version (a bundled runtime: no JAVA_HOME, no java on the PATH needed)"
env -u JAVA_HOME PATH=/usr/bin:/bin backman --version
backman --version | grep -q '^backman [0-9]' || fail "no version line"

offline=
if unshare -n true 2>/dev/null; then
    offline="unshare -n"
fi
export XDG_CACHE_HOME="$scratch/cache"
mkdir -p "$scratch/project/src"
echo "installed from the Debian package" > "$scratch/project/src/a.txt"
cd "$scratch"
step "backup and restore as root${offline:+, without network}"
# shellcheck disable=SC2086 # $offline is a command prefix or nothing
$offline backman -r ./backups backup project --id deb_test
# shellcheck disable=SC2086
$offline backman -r ./backups restore deb_test --target restored
diff -r project restored/project || fail "the restored tree differs"
[ -n "$(ls "$XDG_CACHE_HOME"/backman/*.jsa 2>/dev/null)" ] || fail "no class-data archive was recorded"

if command -v runuser >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    step "backup and restore as nobody (no writable home: no class-data archive)"
    mkdir "$scratch/nobody"
    cp -R project "$scratch/nobody/"
    chown -R nobody "$scratch/nobody"
    runuser -u nobody -- env -u XDG_CACHE_HOME HOME=/nonexistent sh -c "cd '$scratch/nobody' && backman -r ./backups backup project --id as_nobody \
        && backman -r ./backups restore as_nobody --target restored" || fail "as nobody"
    diff -r project "$scratch/nobody/restored/project" || fail "the tree restored as nobody differs"
fi
cd /

step "apt-get remove backman"
apt-get remove -y backman
for link in $links; do
    if [ -e "$link" ] || [ -h "$link" ]; then
        fail "$link is still there"
    fi
done
[ ! -e /opt/backman ] || fail "/opt/backman is still there: $(find /opt/backman | head -n 5)"
hash -r 2>/dev/null || true # the shell remembers where it found backman
! command -v backman >/dev/null 2>&1 || fail "backman is still on the PATH"
# remove keeps the package's maintainer scripts registered (state "config-files"); purge forgets it
dpkg --purge backman >/dev/null
echo "Debian package OK: $deb"
