"""An article file's values are checked when it is read: one line naming file and line."""

from __future__ import annotations

import pytest

from sitegen.content.files import ArticleFileError, article_from_text


@pytest.mark.parametrize("field,line_no,words", [
    ("date: 2020-02-30", 3, "no day of the calendar"),
    ('date: "2020-13-01"', 3, "no day of the calendar"),
    ("date: 1066-10-14", 3, "outside"),
    ("title: [a, b]", 3, "one value"),
    ("title: 一\ntitle: 二", 4, "given twice"),
    ('a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]', 3, "anchors or aliases"),
])
def test_impossible_or_ambiguous_values_are_refused_with_their_line(field, line_no, words):
    with pytest.raises(ArticleFileError) as err:
        article_from_text(f"---\nid: x1\n{field}\n---\n\n正文。\n", "content/2020/02/x1.md")
    assert str(err.value).startswith(f"content/2020/02/x1.md:{line_no}: ") and words in str(err.value)


def test_ordinary_values_still_read():
    a = article_from_text('---\nid: x1\ntitle: "R&D 与 *工会*"\ndate: 2020-07-20\norder: 3\n---\n\n正文。\n', "x1.md")
    assert (a.title, a.date, a.order) == ("R&D 与 *工会*", "2020-07-20", 3)
