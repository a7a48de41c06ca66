"""Articles as files: the data type every later stage reads, and its Markdown form."""

from sitegen.content.article import KINDS, Article
from sitegen.content.files import (
    ArticleFileError,
    article_from_text,
    article_to_text,
    content_hash,
    is_edited,
    load_articles,
    read_article,
)

__all__ = [
    "KINDS",
    "Article",
    "ArticleFileError",
    "article_from_text",
    "article_to_text",
    "content_hash",
    "is_edited",
    "load_articles",
    "read_article",
]
