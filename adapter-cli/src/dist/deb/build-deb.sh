#!/bin/sh
# Builds the Debian package of backman with the JDK's jpackage: backman_<version>-1_amd64.deb in TARGET.
#
#   build-deb.sh VERSION TARGET JDK
#
# VERSION is the project version, TARGET adapter-cli's build directory (holding backman.jar, lib/ and dist-docs/),
# JDK the JDK whose jpackage and modules to use. Without dpkg-deb, fakeroot or jpackage it says so and does nothing.
#
# The package bundles a Java runtime cut down to the modules backman needs (jlink), installs to /opt/backman and
# links the command, the man page and the completion into /usr (resources/postinst; resources/prerm removes the
# links). /opt/backman/bin/backman is the tarball's launcher, not jpackage's native one, so that both start the JVM
# alike (lib/backman-jvm.sh).
set -eu

version=$1 target=$2 jdk=$3
dist=$(cd "$(dirname "$0")/.." && pwd -P)
root=$(cd "$dist/../../.." && pwd -P)

for tool in dpkg-deb fakeroot "$jdk/bin/jpackage"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "[backman deb] skipped: $tool not found (the Debian package needs dpkg-deb, fakeroot and jpackage)"
        exit 0
    fi
done

# Debian orders 0.1.0~SNAPSHOT before 0.1.0 (a hyphen would start the Debian revision).
debversion=$(echo "$version" | tr '-' '~')
deb=$target/backman_${debversion}-1_$(dpkg --print-architecture).deb
if [ -f "$deb" ] && [ -z "$(find "$target/backman.jar" "$target/lib" "$target/dist-docs" "$dist" "$root/README.md" \
        "$root/LICENSE" -newer "$deb" 2>/dev/null | head -n 1)" ]; then
    echo "[backman deb] up to date: $deb"
    exit 0
fi
work=$target/deb
rm -rf "$work"
mkdir -p "$work/input"
cp "$target/backman.jar" "$target"/lib/*.jar "$work/input/"

# The modules the jars use (jdeps --print-module-deps over backman.jar and lib/), plus jdk.crypto.ec for TLS to
# S3 and jdk.charsets for zip entry names in legacy encodings; those this JDK lacks are left out.
available=$("$jdk/bin/java" --list-modules | sed 's/@.*//')
modules=
for module in java.base java.desktop java.naming java.sql java.management jdk.jfr jdk.unsupported \
        jdk.crypto.ec jdk.charsets; do
    if echo "$available" | grep -qx "$module"; then
        modules=${modules:+$modules,}$module
    fi
done
# java.desktop is there for java.beans only: its native AWT, font and sound libraries would make the package
# depend on X11 and ALSA. The CDS archive of the runtime is the base that backman's own archive builds on.
excluded=
for library in libawt libawt_headless libawt_xawt libfontmanager libjavajpeg libjawt libjsound liblcms \
        libmlib_image libsplashscreen; do
    excluded="${excluded:+$excluded,}**/lib/$library.so"
done

"$jdk/bin/jpackage" --type app-image --dest "$work/image" --name backman --app-version "$debversion" \
    --input "$work/input" --main-jar backman.jar --main-class dev.backman.cli.Main --add-modules "$modules" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive --exclude-files=$excluded"

image=$work/image/backman
rm -f "$image/bin/backman" "$image/lib/libapplauncher.so" "$image/lib/backman.png" "$image/lib/app/backman.cfg"
cp "$dist/bin/backman" "$image/bin/backman"
cp "$dist/lib/backman-jvm.sh" "$dist/lib/backman-jit.json" "$image/lib/"
# jpackage keeps only bin/ and lib/ of an application image: the man page, the completion and the documents go
# below lib/ (postinst links them into /usr)
cp -R "$target/dist-docs/man" "$target/dist-docs/completion" "$image/lib/"
mkdir "$image/lib/doc"
cp "$root/README.md" "$root/LICENSE" "$image/lib/doc/"
chmod 755 "$image/bin/backman"

# gzip rather than dpkg's default xz: 8 s instead of 40 s here, for a package 15 % larger
DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=6 "$jdk/bin/jpackage" --type deb --dest "$work/out" \
    --app-image "$image" --name backman --app-version "$debversion" --install-dir /opt \
    --linux-package-name backman --linux-app-category utils \
    --vendor backman --description "Backup manager for project files: standard archives, verified restores" \
    --license-file "$root/LICENSE" --resource-dir "$dist/deb/resources"
mv -f "$work/out/$(basename "$deb")" "$deb" # in one step: an install never sees half a package
rm -rf "$work"
echo "[backman deb] built $deb"
