#!/usr/bin/env bash
# Stands in for the `docker` command Jib calls when it writes an image to a local engine, where there is
# none: `docker load` keeps the image tarball Jib streams (`docker save` format, loadable later with
# `docker load -i`, `podman load`, `ctr images import` or `skopeo copy docker-archive:…`) as
# $IMAGE_DIR/<name>-<tag>.tar. Set as quarkus.jib.docker-executable-name by `./backbone images`.
set -euo pipefail
dir=${IMAGE_DIR:?IMAGE_DIR: where to write the image tarballs}
case "${1:-}" in
  info)
    # what Jib asks to pick the platform of a multi-platform base image
    echo '{"OSType":"linux","Architecture":"x86_64"}' ;;
  load)
    mkdir -p "$dir"
    partial=$(mktemp "$dir/.load.XXXXXX")
    cat >"$partial"
    tag=$(tar -xOf "$partial" manifest.json | sed -E 's/.*"RepoTags":\["([^"]+)".*/\1/')
    file=$dir/$(basename "${tag%:*}")-${tag##*:}.tar
    mv "$partial" "$file"
    chmod 644 "$file"
    echo "Loaded image: $tag" ;;
  *)
    echo "image-to-file: only 'info' and 'load' are supported here, not: $*" >&2
    exit 1 ;;
esac
