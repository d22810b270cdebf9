#!/usr/bin/env bash
# Packs every shims/*.nuspec into local/<id>.<version>.nupkg, the feed nuget.config maps those ids to.
# The packages are committed, so a clean clone restores without running this; rerun it after editing a nuspec.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/local"
python3 - "$here" <<'PY'
import pathlib, re, sys, zipfile
here = pathlib.Path(sys.argv[1])
content_types = ('<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="nuspec" ContentType="application/octet" /></Types>')
for nuspec in sorted((here / "shims").glob("*.nuspec")):
    text = nuspec.read_text()
    pid = re.search(r"<id>(.+?)</id>", text).group(1)
    version = re.search(r"<version>(.+?)</version>", text).group(1)
    out = here / "local" / f"{pid.lower()}.{version}.nupkg"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", content_types), (f"{pid}.nuspec", text)):
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)  # fixed stamp: same bytes each build
    print(f"packed {out.relative_to(here.parent)}")
PY
