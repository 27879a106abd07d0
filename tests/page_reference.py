"""The pages' templates as plain Jinja renders them, with jinja2.ext.i18n's own newstyle
gettext: the reference the pages' fast paths are held to (a module of its own: a test imports
no conftest)."""

from __future__ import annotations

import jinja2
from jinja2.runtime import Context

from search_api.web.routes import TEMPLATE_DIR


def extension_env() -> jinja2.Environment:
    """The templates with jinja2.ext.i18n's own newstyle gettext installed (the reference)."""
    @jinja2.pass_context
    def gettext(context: Context, message: str) -> str:
        return str(context["i18n"].gettext(message))

    @jinja2.pass_context
    def ngettext(context: Context, singular: str, plural: str, n: int) -> str:
        return str(context["i18n"].ngettext(singular, plural, n))

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env
