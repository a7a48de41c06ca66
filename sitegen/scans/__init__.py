"""Page scans: the printed page as printed, beside its text.

A page file may come with its scan (an image beside it with the same name, or ``image =``
in ``pages.toml``: a file, or an IIIF image service). The build cuts each local scan into
IIIF level-0 deep-zoom tiles, a web-size copy and a thumbnail, once per image content
(``derive.py``, cached by content hash); a scan on an IIIF service is shown from there.
"""

from sitegen.scans.site import PageScans, Scan, ScanSettings, attach_scans, prepare_scans, publish_scans, scan_inputs

__all__ = ["PageScans", "Scan", "ScanSettings", "attach_scans", "prepare_scans", "publish_scans", "scan_inputs"]
