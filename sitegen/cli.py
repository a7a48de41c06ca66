"""The ``sitegen`` command: the only place that talks to the terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen.config import Settings, load_settings
from sitegen.errors import SitegenError


def _settings(args) -> Settings:
    settings = load_settings(Path(args.root), args.config)
    return settings.with_overrides(
        pages_dir=getattr(args, "pages", None),
        content_dir=getattr(args, "content", None),
        output_dir=getattr(args, "output", None),
        base_url=getattr(args, "base_url", None),
    )


def _cmd_ingest(args) -> int:
    from sitegen.ingest import ingest, print_report

    settings = _settings(args)
    if args.explain:
        return _explain(args.explain, settings)
    report = ingest(settings.pages_dir, settings.content_dir, settings=settings, restore=args.restore or ())
    print_report(report)
    return 1 if report.failed else 0


def _explain(path: Path, settings) -> int:
    """Print what decided the cut of one page file; write nothing."""
    from sitegen.ingest.pipeline import column_names
    from sitegen.pages import read_page
    from sitegen.segmentation import segment_page

    path = Path(path)
    if not path.is_file():
        raise SitegenError(f"{path}: no such page file")
    pages_dir = settings.pages_dir if path.resolve().is_relative_to(Path(settings.pages_dir).resolve()) else path.parent
    page = read_page(path, pages_dir, getattr(settings, "root", None))
    result = segment_page(page.text, column_names(page.text), explain=True)
    print(f"{page.source}: {len(result.articles)} articles, {len(result.residue)} residue lines")
    for line in result.explanation:
        print(line)
    print("articles:")
    for n, article in enumerate(result.articles, start=1):
        print(f"  {n}. {article.kind:<12} {article.title or '(untitled)'}  [line {article.first_line}]")
    return 0


def _print_correction(correction) -> int:
    for line in correction.lines():
        print(line, file=sys.stderr if line.startswith("warning:") else sys.stdout)
    return 0


def _cmd_split(args) -> int:
    from sitegen.corrections import split

    settings = _settings(args)
    return _print_correction(split(settings.content_dir, settings, args.article, args.at, title=args.title))


def _cmd_merge(args) -> int:
    from sitegen.corrections import merge

    settings = _settings(args)
    return _print_correction(merge(settings.content_dir, settings, args.article, args.other))


def _cmd_set(args) -> int:
    from sitegen.corrections import set_fields

    settings = _settings(args)
    return _print_correction(set_fields(settings.content_dir, settings, args.article, args.assignments))


def _cmd_headline(args) -> int:
    from sitegen.corrections import move_headline

    settings = _settings(args)
    return _print_correction(move_headline(settings.content_dir, settings, args.article, args.to, line=args.line))


def _cmd_unarticle(args) -> int:
    from sitegen.corrections import not_an_article

    settings = _settings(args)
    return _print_correction(not_an_article(settings.content_dir, settings, args.article,
                                            as_="furniture" if args.furniture else "residue"))


def _cmd_join_residue(args) -> int:
    from sitegen.corrections import to_article

    settings = _settings(args)
    return _print_correction(to_article(settings.content_dir, settings, args.page, args.line, args.to))


def _cmd_body(args) -> int:
    from sitegen.corrections import set_body

    settings = _settings(args)
    try:
        text = sys.stdin.read() if str(args.file) == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SitegenError(f"cannot set the body of {args.article}: {args.file}: "
                           f"{getattr(exc, 'strerror', None) or exc}") from None
    return _print_correction(set_body(settings.content_dir, settings, args.article, text))


def _cmd_undo(args) -> int:
    from sitegen.corrections import undo

    settings = _settings(args)
    return _print_correction(undo(settings.content_dir, settings))


def _cmd_build(args) -> int:
    from sitegen.site import build_site

    settings = _settings(args)
    report = build_site(settings, progress=sys.stderr.isatty() and not args.quiet)
    if not args.quiet:
        for line in report.warnings:
            print(line, file=sys.stderr)
        print(report.summary())
    return 0


def _cmd_check(args) -> int:
    """Every internal link, anchor and asset of the built site: one line per problem."""
    from sitegen.link_checker import check_links

    settings = _settings(args)
    output = Path(settings.output_dir)
    if not (output / "index.html").is_file():
        raise SitegenError("no built site here (run sitegen build first)", output)
    broken = check_links(output, settings.base_path, settings.base_url)
    for problem in broken:
        print(f"{output / problem.page}: {str(problem).split(': ', 1)[1]}")
    pages = sum(1 for _ in output.rglob("*.html"))
    print(f"check: {pages} pages, {len(broken)} broken link{'' if len(broken) == 1 else 's'}",
          file=sys.stderr if broken else sys.stdout)
    return 1 if broken else 0


def _cmd_serve(args) -> int:
    from sitegen.serve import serve_site

    settings = _settings(args)
    serve_site(settings, host=args.host, port=args.port, watch=args.watch)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description="Static archive sites from OCR'd newspaper pages.")
    parser.add_argument("--root", default=".", help="project folder holding sitegen.toml (default: .)")
    parser.add_argument("--config", default=None, help="settings file (default: ROOT/sitegen.toml)")
    sub = parser.add_subparsers(dest="command", required=True)

    def paths(p, output=True):
        p.add_argument("--pages", type=Path, help="folder of raw page files")
        p.add_argument("--content", type=Path, help="folder of article Markdown files")
        if output:
            p.add_argument("--output", type=Path, help="folder the site is written to")
            p.add_argument("--base-url", help="URL path the site is served under, e.g. /repo/")

    p = sub.add_parser("ingest", help="turn page files into one Markdown file per article")
    paths(p, output=False)
    p.add_argument("--explain", type=Path, metavar="PAGE",
                   help="print the evidence that decided each boundary and headline of one page file; write nothing")
    p.add_argument("--restore", action="append", metavar="ID", help="write a deleted article again (repeatable)")
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("split", help="start a new article at a paragraph of an article (a correction)")
    paths(p, output=False)
    p.add_argument("article", metavar="ARTICLE_ID")
    p.add_argument("--at", type=int, required=True, metavar="N",
                   help="the body paragraph (1-based, 2 or more) the new article starts at")
    p.add_argument("--title", help="the new article's headline (default: the paragraph's first line, "
                                   "when it reads as one)")
    p.set_defaults(func=_cmd_split)

    p = sub.add_parser("merge", help="join another article's text to an article (a correction)")
    paths(p, output=False)
    p.add_argument("article", metavar="ARTICLE_ID", help="the article that stays")
    p.add_argument("other", metavar="OTHER_ID", help="the article whose text joins it, and goes")
    p.set_defaults(func=_cmd_merge)

    p = sub.add_parser("set", help="set front-matter fields of an article (a correction)")
    paths(p, output=False)
    p.add_argument("article", metavar="ARTICLE_ID")
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE",
                   help="e.g. kind=photo districts=朝阳区,海淀区 (fields: title, subtitles, kind, reporters, "
                        "correspondents, photographers, authors, districts, places, tags, date, page)")
    p.set_defaults(func=_cmd_set)

    p = sub.add_parser("headline", help="move a headline line to the article it belongs to (a correction)")
    paths(p, output=False)
    p.add_argument("article", metavar="ARTICLE_ID", help="the article the headline is printed over now")
    p.add_argument("--to", required=True, metavar="OTHER_ID", help="the article it belongs to (its headline, if "
                                                                   "any, comes back: the two swap)")
    p.add_argument("--line", metavar="TEXT", help="a kicker, subtitle or subhead of ARTICLE to move instead of "
                                                  "its headline")
    p.set_defaults(func=_cmd_headline)

    p = sub.add_parser("unarticle", help="make an article no article: its text is the page's residue (a correction)")
    paths(p, output=False)
    p.add_argument("article", metavar="ARTICLE_ID")
    p.add_argument("--furniture", action="store_true", help="page furniture instead: part of no article, "
                                                            "not reported as residue")
    p.set_defaults(func=_cmd_unarticle)

    p = sub.add_parser("join-residue", help="make a residue line of a page an article's (a correction)")
    paths(p, output=False)
    p.add_argument("page", metavar="PAGE", help="the page file (as ingest reports residue: pages/p03.txt)")
    p.add_argument("line", metavar="LINE", help="the residue line: its number in the page file, or its text")
    p.add_argument("--to", required=True, metavar="ARTICLE_ID", help="the article it joins, where it is printed")
    p.set_defaults(func=_cmd_join_residue)

    p = sub.add_parser("body", help="replace an article's body by a text (a hand edit of its file)")
    paths(p, output=False)
    p.add_argument("article", metavar="ARTICLE_ID")
    p.add_argument("file", type=Path, metavar="FILE", help="the new body (UTF-8, paragraphs apart by a blank line); "
                                                           "- reads it from standard input")
    p.set_defaults(func=_cmd_body)

    p = sub.add_parser("undo", help="undo the last correction (split, merge or set)")
    paths(p, output=False)
    p.set_defaults(func=_cmd_undo)

    p = sub.add_parser("build", help="ingest new pages, then render the site")
    paths(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("check", help="check every internal link, anchor and asset of the built site")
    p.add_argument("--output", type=Path, help="folder the site was built into")
    p.add_argument("--base-url", help="URL path the site is served under, e.g. /repo/")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("serve", help="build, then serve the site over HTTP")
    paths(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--watch", action="store_true", help="rebuild on changes and reload open pages")
    p.set_defaults(func=_cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except SitegenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # A full disk, a folder that cannot be written: one line naming the file, no traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
