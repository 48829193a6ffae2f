"""The static reading site: the 41 topics, a ticket to draw, search, all built from the course's files.

``grade site`` (``grader.cli_site``) calls ``build.build``; ``serve.serve`` rebuilds it on
changes. Templates, styles, scripts and vendored assets live in the course's ``site/``
folder. A problem in the sources stops the build with ``SiteError`` naming the file and
line, and the previous site stays as it was.
"""


class SiteError(Exception):
    """The site cannot be built; the message names the file and line (``path:line: ...``)."""
