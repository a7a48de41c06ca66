"""sitegen: a static archive site generator for Chinese newspapers.

The way through is one line: page files → blocks → articles → content files → site.
Each stage lives in its own subpackage; the command line (``sitegen.cli``) is the only
place that touches the terminal.
"""

__version__ = "0.1.0"
