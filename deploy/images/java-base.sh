#!/usr/bin/env bash
# The services' base image, built without a container engine: Debian's C and C++ runtime libraries
# (extracted from the host's own package sources, like distroless does) and a Java 17 runtime made by
# jlink with only the modules the services use, as a `docker save` tarball that Jib takes as
# `tar://<file>`. Reproducible: fixed times and owners, sorted entries.
#
#   deploy/images/java-base.sh OUT.tar [JAVA_HOME]
set -euo pipefail

out=$1
java_home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
[[ -x $java_home/bin/jlink && -d $java_home/jmods ]] || { echo "java-base: $java_home has no jlink or jmods" >&2; exit 1; }
for tool in apt-get dpkg-deb sha256sum tar; do
  command -v "$tool" >/dev/null || { echo "java-base: needs $tool (a Debian machine)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root" "$work/debs" "$work/image"

# glibc (with its DNS resolver built in), libgcc and libstdc++ (libjvm needs both) and zlib (libzip)
packages=(libc6 libgcc-s1 libstdc++6 zlib1g)
(cd "$work/debs" && { apt-get -q download "${packages[@]}" 2>/dev/null \
  || { apt-get -q update >/dev/null && apt-get -q download "${packages[@]}"; }; }) >/dev/null
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
rm -rf "$root"/usr/share/{doc,man,lintian,locale,info} "$root"/usr/lib/x86_64-linux-gnu/gconv "$root"/sbin "$root"/usr/bin "$root"/usr/sbin "$root"/etc/ld.so.conf.d

# Java: every Java SE module (libraries reach for java.rmi, java.desktop's java.beans and the like, and a
# missing one fails at run time, not at build time) and the JDK modules the services use: sun.misc
# (jdk.unsupported), TLS elliptic curves and PKCS#11, JFR, JMX metrics, DNS, the Hebrew locale data.
# Uncompressed and with the JDK's class-data archive: both are start-up time (bench/RESULTS.md)
modules=java.se,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
"$java_home/bin/jlink" --add-modules "$modules" --output "$root/opt/java" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive
# the trusted CAs (for webhooks and a public issuer over https): the JDK's store, links followed
rm -f "$root/opt/java/lib/security/cacerts"
cp -L "$java_home/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"

# the non-root user every Deployment runs as, and a writable /tmp (an emptyDir in the pods)
mkdir -p "$root/etc" "$root/tmp" "$root/home/backbone"
printf 'root:x:0:0:root:/root:/sbin/nologin\nbackbone:x:185:185:Backbone:/home/backbone:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nbackbone:x:185:\n' >"$root/etc/group"
chmod 1777 "$root/tmp"
# without it glibc asks DNS before /etc/hosts, and every lookup of localhost waits on a resolver
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"

tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 --exclude=./home/backbone -C "$root" -cf "$work/image/layer.tar" .
# the user's home is its own (no root needed to build: tar sets the owners)
tar --mtime=@0 --numeric-owner --owner=185 --group=185 --no-recursion -C "$root" -rf "$work/image/layer.tar" ./home/backbone
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"185","WorkingDir":"/home/backbone",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/java-base.sh: ${packages[*]}, jlink $($java_home/bin/java -version 2>&1 | head -1 | tr -d '"')"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["backbone/java-base:17"],"Layers":["layer.tar"]}]\n' >"$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 -C "$work/image" -cf "$out.partial" manifest.json config.json layer.tar
mv "$out.partial" "$out"
echo "java-base: $out ($(du -h "$out" | cut -f1), layer sha256:${diff_id:0:12})"
