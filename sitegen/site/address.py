"""What the build says about the site's address: crawlers and feed readers need absolute
URLs (sitemap, robots.txt, canonical and OpenGraph links, Atom ids), and those need the
address the site is published at. Pure: settings in, warning lines out."""

from __future__ import annotations


def address_warnings(base_url: str, base_path: str) -> list[str]:
    warnings = []
    if "://" not in base_url:
        example = "https://owner.github.io/" + ("repo/" if base_path == "/" else base_path.strip("/") + "/")
        warnings.append(
            f'warning: base_url = "{base_url}" in sitegen.toml is no address: sitemap.xml, robots.txt, canonical and '
            f'OpenGraph links and feed ids are not absolute URLs, which crawlers reject; '
            f'set the address the site is published at, e.g. base_url = "{example}"')
    if base_path != "/":
        warnings.append(
            f"warning: the site lives under {base_path}: crawlers read robots.txt only at the domain's root, "
            f"not {base_path}robots.txt; submit {base_path}sitemap.xml to search engines yourself")
    return warnings
