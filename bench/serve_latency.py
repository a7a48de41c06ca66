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
    build_site(settings)
    server = PreviewServer(settings, port=0, watch=True).start()
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=120)
    conn.request("GET", server.base_path + "__sitegen/events")
    response = conn.getresponse()          # keep it: the stream closes with it
    stream = response.fp

    def next_event() -> None:
        while True:
            line = stream.readline().decode()
            if line.startswith("data: "):
                return

    next_event()
    files = sorted(Path(settings.content_dir).rglob("*.md"))
    times, builds = [], []
    try:
        for i in range(args.edits):
            path = files[(i * 7919) % len(files)]
            text = path.read_text(encoding="utf-8")
            start = time.perf_counter()
            path.write_text(text.replace("\n\n", "\n\n（预览测试）", 1), encoding="utf-8")
            next_event()
            times.append(time.perf_counter() - start)
            builds.append(server.watcher.last_build_seconds)
            path.write_text(text, encoding="utf-8")
            next_event()
    finally:
        conn.close()
        server.stop()
    print(f"edit → reload event on {len(files):,} articles: median {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {len(times)} edits); "
          f"of which rebuilding: median {statistics.median(builds) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
