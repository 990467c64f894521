#!/usr/bin/env python3
"""Runs the viewer once per file and role (--layer, --area, --points) over a folder of vector
files (GDAL's autotest/ogr/data, say; fetch it yourself, never commit it) and sorts each run into
clean load / clear error / crash / hang. Usage:
    xvfb-run -a scripts/sweep_files.py FOLDER [--viewer build/viewer/jiangbei-twin] [--jobs 2]
Prints a table of counts and every crash or hang with its command line; exits 1 if any."""
import argparse, concurrent.futures, json, os, pathlib, subprocess, sys, tempfile

EXTS = {".geojson", ".json", ".shp", ".gpkg", ".csv", ".kml", ".gml", ".osm", ".pbf", ".fgb"}


def run(viewer, role, path, timeout):
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [viewer, role, str(path), "--size", "320x180", "--snapshot", os.path.join(tmp, "s.png")]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout, cwd=tmp)
        except subprocess.TimeoutExpired:
            return "hang", cmd, ""
    if p.returncode < 0 or p.returncode >= 128 or p.returncode == 70:
        return "crash", cmd, p.stderr[-400:]
    report = None
    for line in p.stdout.splitlines():
        if line.startswith("{"):
            try:
                report = json.loads(line)
            except ValueError:
                pass
    if p.returncode != 0:
        # A refusal must say why, naming the file.
        return ("clear error" if path.name in p.stderr else "unclear error"), cmd, p.stderr[-300:]
    if report is None:
        return "unclear error", cmd, "no report"
    return ("clear error" if report.get("errors") else "clean load"), cmd, ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--viewer", default="build/viewer/jiangbei-twin")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=60)
    a = ap.parse_args()
    viewer = os.path.abspath(a.viewer)
    files = sorted(p for p in pathlib.Path(a.folder).rglob("*") if p.suffix.lower() in EXTS and p.is_file())
    jobs = [(role, f) for f in files for role in ("--layer", "--area", "--points")]
    counts, bad = {}, []
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for outcome, cmd, detail in pool.map(lambda j: run(viewer, j[0], j[1], a.timeout), jobs):
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome in ("crash", "hang", "unclear error"):
                bad.append((outcome, " ".join(cmd), detail))
    print(f"{len(files)} files, {len(jobs)} runs")
    for k in ("clean load", "clear error", "unclear error", "crash", "hang"):
        print(f"| {k} | {counts.get(k, 0)} |")
    for outcome, cmd, detail in bad:
        print(f"{outcome}: {cmd}\n    {detail.strip()[-300:]}")
    sys.exit(1 if any(o in ("crash", "hang") for o, _, _ in bad) else 0)


if __name__ == "__main__":
    main()
