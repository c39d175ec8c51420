"""User-facing sentences of the Qt-free core, in English, that a front end can translate.

The core speaks English (the CLI, the logs and the JSON output use it as it is), but the
wizard also speaks Japanese. A sentence with parts that vary ("This is a QEMU qcow2 disk image,
not a VMDK.") cannot be looked up in a translation table once it is formatted, so the core
builds it as a :class:`Text`: a ``str`` (the English sentence, usable anywhere a string is)
that also remembers its template and arguments. The wizard translates the template and fills
in the arguments, translating those that are themselves ``Text``.

Rules for the core (resources/translations/build.py relies on them):

- the template is a string literal, the first argument of ``Text(...)``, so the build finds it
  and lists it for Qt Linguist; placeholders are ``str.format`` fields named after what they
  hold (``{name}``, ``{size}``), and literal braces are doubled;
- parts that are sentences of their own are ``Text`` arguments, never ``+`` or ``join``: a
  plain ``str`` operation returns a plain ``str``, which is shown in English only;
- file names, commands, numbers and server messages are plain arguments: never translated.

Hand-written because gettext-style catalogs would need a translation layer in the core,
which must not depend on Qt, and Qt Linguist is what translators of the wizard use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Translate = Callable[[str], str]


class Text(str):
    """An English sentence that remembers how it was made."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> Text:
        # a tuple argument is a list of items (phrases or names) shown joined
        english = {k: ", ".join(map(str, v)) if isinstance(v, tuple) else v
                   for k, v in args.items()}
        obj = super().__new__(cls, template.format(**english) if args else template)
        obj.template = template
        obj.args = args
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        # keep template and arguments through pickling (multiprocessing, copy)
        return (_rebuild, (self.template, self.args))

    def translated(self, translate: Translate) -> str:
        """This sentence through ``translate(template) -> str``, arguments included.

        A translation with a broken placeholder falls back to the English sentence: a wrong
        word is better than a crash on an error page.
        """
        args = {k: _translated_arg(v, translate) for k, v in self.args.items()}
        template = translate(self.template)
        if not args:
            return template
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**args)


#: how the items of a tuple argument are joined (Japanese uses 、)
LIST_SEPARATOR = Text(", ")


def _translated_arg(value: object, translate: Translate) -> object:
    if isinstance(value, Text):
        return value.translated(translate)
    if isinstance(value, tuple):
        return translate(LIST_SEPARATOR).join(str(_translated_arg(v, translate)) for v in value)
    return value


def _rebuild(template: str, args: dict[str, Any]) -> Text:
    return Text(template, **args)


def translated(value: object, translate: Translate) -> str:
    """``value`` in the UI's language when it is a :class:`Text`, else ``translate(value)``
    (a plain literal listed for translation) or the value itself."""
    if isinstance(value, Text):
        return value.translated(translate)
    return translate(value) if isinstance(value, str) else str(value)


def message_of(exc: BaseException) -> str:
    """An exception's message, as the :class:`Text` it was raised with when it was one.

    ``str(exc)`` always returns a plain ``str`` (the English sentence), so code that passes an
    exception's message on (a pre-flight finding made from a parser's error) uses this.
    """
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    return str(exc)
