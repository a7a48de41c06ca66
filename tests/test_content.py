"""Article files: what ingest writes reads back the same, and edits are detected."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.content import Article, article_from_text, article_to_text, is_edited

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=200, deadline=None)
@given(title=text, subtitles=st.lists(text, max_size=3), tags=st.lists(text.filter(lambda s: s.strip()), max_size=4),
       byline=text)
def test_front_matter_round_trips(title, subtitles, tags, byline):
    a = Article(id="x-1", title=title or None, subtitles=[s for s in subtitles if s.strip()], tags=tags,
                byline=byline or None, date="2020-07-20", body="正文。")
    written = article_to_text(a)
    b = article_from_text(written)
    assert (b.title, b.subtitles, b.tags, b.byline, b.date) == (a.title, a.subtitles, [t for t in a.tags],
                                                                  a.byline, a.date)
    assert not is_edited(written)
    assert is_edited(written.replace("正文", "正 文"))


def test_article_without_list_fields_round_trips():
    a = Article(id="nodate-c1", title="无版次", source="x.txt", order=1, body="正文。")
    written = article_to_text(a)
    assert article_from_text(written).title == "无版次" and not is_edited(written)
