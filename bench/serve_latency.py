"""How long an article edit takes to reach an open browser tab while previewing.

    python bench/serve_latency.py bench/archives/10000 [--edits 5]

Starts ``sitegen serve --watch`` in-process on the archive (built first if needed), listens
to the reload events as the page script does, edits one article file at a time, and prints
the time from the save to the reload event (debounce included).
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.config import load_settings  # noqa: E402
from sitegen.serve import PreviewServer  # noqa: E402
from sitegen.site import build_site  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("--edits", type=int, default=5)
    args = ap.parse_args(argv)
    settings = load_settings(args.project)
    build_site(settings, preview=True)      # as `sitegen serve --watch` does: keeps the model for proofs
    server = PreviewServer(settings, port=0, watch=True).start()
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=120)
    conn.request("GET", server.base_path + "__sitegen/events")
    response = conn.getresponse()          # keep it: the stream closes with it
    stream = response.fp

    def next_event(name: str = "build") -> float:
        event = None
        while True:
            line = stream.readline().decode()
            if line.startswith("event: "):
                event = line[7:].strip()
            elif line.startswith("data: ") and event == name:
                return time.perf_counter()

    next_event()
    files = sorted(Path(settings.content_dir).rglob("*.md"))
    times, proofs, builds = [], [], []
    try:
        for i in range(args.edits):
            path = files[(i * 7919) % len(files)]
            text = path.read_text(encoding="utf-8")
            start = time.perf_counter()
            path.write_text(text.replace("\n\n", "\n\n（预览测试）", 1), encoding="utf-8")
            proofs.append(next_event("proof") - start)     # the edited article's pages, reloaded
            times.append(next_event("build") - start)       # every page and the search index
            builds.append(server.watcher.last_build_seconds)
            path.write_text(text, encoding="utf-8")
            next_event("proof")
            next_event("build")
    finally:
        conn.close()
        server.stop()
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.0f} ms (min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f})"
    print(f"{len(files):,} articles, {len(times)} edits: save → the article's tab reloads (proof event) {ms(proofs)}; "
          f"save → rebuild done (build event) {ms(times)}, of which rebuilding {ms(builds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
