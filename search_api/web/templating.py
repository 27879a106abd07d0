"""The pages' Jinja2 environments: one per language, with the templates' words translated when a
template is compiled.

A template's ``_("Filters")`` is the same text on every page of a language, so each language's
environment compiles it as its translation, which Jinja folds into the template's constant
text; ``_("Page %(num)s", num=n)`` compiles as the translation ``%`` its values, each escaped
(what jinja2.ext.i18n's newstyle gettext prints: ``Markup(translation) % {"num": n}``). Only
``ngettext`` (its form depends on ``n``) and ``_`` of a variable stay calls, to functions bound
to the language. A page prints what it printed through the extension's own callables
(tests/test_page_fast_paths.py holds them equal) without ~80 calls through Jinja's
``Context.call`` and the catalog, and without a Markup wrapper per formatted value.

Each printed value is escaped by :func:`escape_output` (the environment's code generator writes
it where Jinja writes ``markupsafe.escape``): the same text, as a plain string rather than a
new Markup object, since the output is joined into one string anyway and a page prints ~700
values. Templates are read once (``auto_reload`` off): they are part of the installed package.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from functools import lru_cache
from typing import Any, Final

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, _escape_inner, escape
from starlette.templating import Jinja2Templates

from search_api import i18n

GETTEXT_NAMES = ("_", "gettext")
NGETTEXT = "ngettext"
ESCAPE_FILTER = "escape_output"  # the filter the translated calls escape their values with
NGETTEXT_FILTER = "ngettext_of"  # n|ngettext_of(singular, plural, **variables)


def escape_output(value: Any) -> str:
    """``markupsafe.escape(value)``'s text."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is Markup:
        return value
    if kind is int:
        return str(value)
    return escape(value)


# A text whose only conversions are %(name)s: its values can be escaped and filled in with str's
# own %, which is what Markup's % makes of them without a wrapper object per value.
_PLAIN_FORMAT = re.compile(r"(?:[^%]|%%|%\([^)]*\)s)*", re.DOTALL)


@lru_cache(maxsize=4_096)
def _plain(text: str) -> bool:
    return _PLAIN_FORMAT.fullmatch(text) is not None


def format_markup(text: str, variables: Mapping[str, Any]) -> Markup:
    """``Markup(text) % variables``."""
    if _plain(text):
        return Markup(text % {k: escape_output(v) for k, v in variables.items()})
    return Markup(text) % variables


class _Translate(NodeTransformer):
    """``_("constant", k=v)`` -> ``Markup(translation % {"k": escape_output(v)})`` in ``lang``
    (``Markup(translation) % {"k": v}`` for a translation with other conversions);
    ``ngettext("one", "many", n, k=v)`` -> the filter ``n|ngettext_of("one", "many", k=v)`` (a
    direct call, where a global is called through ``Context.call``). In every template ``_``,
    ``gettext`` and ``ngettext`` name the catalog's functions (none assigns them)."""

    def __init__(self, lang: i18n.Lang) -> None:
        self.lang = lang

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        self.generic_visit(node)  # calls inside the arguments first
        callee, args = node.node, node.args
        out: nodes.Expr
        if not (isinstance(callee, nodes.Name) and node.dyn_args is None
                and node.dyn_kwargs is None
                and all(isinstance(a, nodes.Const) and isinstance(a.value, str)
                        for a in args[:2])):
            return node
        if callee.name == NGETTEXT and len(args) == 3:
            out = nodes.Filter(args[2], NGETTEXT_FILTER, args[:2], node.kwargs, None, None)
            out.set_lineno(node.lineno)
            return out
        if callee.name not in GETTEXT_NAMES or len(args) != 1:
            return node
        assert isinstance(args[0], nodes.Const)
        text = self.lang.gettext(args[0].value)
        if _plain(text):
            values = nodes.Dict([
                nodes.Pair(nodes.Const(k.key),
                           nodes.Filter(k.value, ESCAPE_FILTER, [], [], None, None))
                for k in node.kwargs])
            out = nodes.MarkSafe(nodes.Mod(nodes.Const(text), values))
        else:
            values = nodes.Dict([nodes.Pair(nodes.Const(k.key), k.value) for k in node.kwargs])
            out = nodes.Mod(nodes.MarkSafe(nodes.Const(text)), values)
        out.set_lineno(node.lineno)
        return out


class _Generator(CodeGenerator):
    """Jinja's code generator, printing values through :func:`escape_output` (pinned Jinja2:
    ``_output_child_pre`` writes what wraps each printed value), and each output statement (the
    text and values between two tags) as one ``yield`` of its pieces joined.

    Unbuffered, Jinja yields every piece on its own, and each piece then passes up through the
    generators of the block, of the page and of the template it extends (a search page yields
    ~1,500 of them). Buffered (inside ``{% set %}`` blocks and macros) it writes one
    ``buffer.extend((piece, piece, ...))`` per statement; here that line is written as
    ``yield concat((piece, piece, ...))``: the same pieces in the same order, one yield."""

    _JOINED: Final = "_joined_output"  # the buffer name that marks the lines to rewrite
    _one_piece = False

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:
        if frame.buffer is not None:
            super().visit_Output(node, frame)
            return
        frame.buffer = self._JOINED
        try:
            super().visit_Output(node, frame)
        finally:
            frame.buffer = None

    def writeline(self, x: str, node: nodes.Node | None = None, extra: int = 0) -> None:
        if x in (f"{self._JOINED}.extend((", f"{self._JOINED}.append("):
            self._one_piece = x.endswith("append(")  # closed by ")" rather than "))"
            x = "yield concat(("
        elif x == ")" and self._one_piece:
            self._one_piece = False
            x = "))"
        super().writeline(x, node, extra)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame,
                          finalize: CodeGenerator._FinalizeInfo) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            self.write("environment.escape_output(")
        else:
            super()._output_child_pre(node, frame, finalize)


class PageEnvironment(jinja2.Environment):
    """The environment of one language (see the module's docstring)."""

    code_generator_class = _Generator
    escape_output = staticmethod(escape_output)

    def __init__(self, lang: i18n.Lang, **options: Any) -> None:
        super().__init__(**options)
        self.lang = lang

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one dict, where Jinja makes a ChainMap over the
        environment's: every render copies them into its context (and includes again), and a
        dict is copied in one step. The environment's globals are complete before a template
        is loaded (:func:`make_environment`, then Starlette's ``url_for``)."""
        return {**self.globals, **(d or {})}

    def compile(
        self, source: str | nodes.Template, name: str | None = None,
        filename: str | None = None, raw: bool = False, defer_init: bool = False,
    ) -> Any:
        tree = self.parse(source, name, filename) if isinstance(source, str) else source
        tree = _Translate(self.lang).visit(tree)
        tree.set_environment(self)
        if raw:
            return super().compile(tree, name, filename, True, defer_init)
        return super().compile(tree, name, filename, False, defer_init)


def _callables(lang: i18n.Lang) -> tuple[dict[str, Any], dict[str, Any]]:
    """The templates' ``_``, ``gettext`` and ``ngettext`` where they are left as calls, and
    the ngettext filter: jinja2.ext.i18n's newstyle gettext of ``lang`` (autoescaped,
    ``%(name)s`` filled from keywords, ngettext's ``num`` defaulting to ``n``)."""
    def gettext(message: str, /, **variables: Any) -> str:
        return format_markup(lang.gettext(message), variables)

    def ngettext_of(n: int, singular: str, plural: str, /, **variables: Any) -> str:
        variables.setdefault("num", n)
        return format_markup(lang.ngettext(singular, plural, n), variables)

    def ngettext(singular: str, plural: str, n: int, /, **variables: Any) -> str:
        return ngettext_of(n, singular, plural, **variables)

    return ({"_": gettext, "gettext": gettext, "ngettext": ngettext},
            {NGETTEXT_FILTER: ngettext_of, ESCAPE_FILTER: escape_output})


def make_environment(lang: i18n.Lang, template_dir: str) -> PageEnvironment:
    env = PageEnvironment(
        lang,
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    functions, filters = _callables(lang)
    env.globals.update(functions)
    env.filters.update(filters)
    return env


def make_templates(template_dir: str) -> dict[str, Jinja2Templates]:
    """Each page language's templates, by language code."""
    return {code: Jinja2Templates(env=make_environment(i18n.lang(code), template_dir))
            for code in i18n.LANGS}
