"""Text: an English sentence that a front end can still translate after it was formatted."""

from __future__ import annotations

import copy
import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from vmdkimport.core.errors import ConfigError
from vmdkimport.core.text import LIST_SEPARATOR, Text, message_of, translated

JA = {
    "This is {what}, not a VMDK.": "これは{what}で、VMDKではありません。",
    "a QEMU {name} disk image": "QEMU {name} ディスクイメージ",
    "Sign-in needs: {missing}.": "サインインに必要な項目: {missing}。",
    "user name": "ユーザー名",
    "password": "パスワード",
    ", ": "、",
    "Broken {oops}.": "壊れた{typo}。",
    "The image name is empty.": "イメージ名が空です。",
}


def ja(text: str) -> str:
    return JA.get(text, text)


def test_is_the_english_sentence_everywhere_a_string_is() -> None:
    text = Text("This is {what}, not a VMDK.", what=Text("a QEMU {name} disk image",
                                                         name="qcow2"))
    assert text == "This is a QEMU qcow2 disk image, not a VMDK."
    assert isinstance(text, str)
    assert json.dumps({"finding": text}) == \
        '{"finding": "This is a QEMU qcow2 disk image, not a VMDK."}'
    assert f"{text}" == str(text) == text


def test_translates_template_and_nested_arguments() -> None:
    text = Text("This is {what}, not a VMDK.", what=Text("a QEMU {name} disk image",
                                                         name="qcow2"))
    assert text.translated(ja) == "これはQEMU qcow2 ディスクイメージで、VMDKではありません。"


def test_tuple_arguments_are_lists_joined_in_each_language() -> None:
    text = Text("Sign-in needs: {missing}.", missing=(Text("user name"), Text("password")))
    assert text == "Sign-in needs: user name, password."
    assert text.translated(ja) == "サインインに必要な項目: ユーザー名、パスワード。"
    assert LIST_SEPARATOR == ", "


def test_a_broken_translation_falls_back_to_english() -> None:
    text = Text("Broken {oops}.", oops="x")
    assert text.translated(ja) == "Broken x."


def test_plain_strings_and_other_values() -> None:
    assert translated("The image name is empty.", ja) == "イメージ名が空です。"
    assert translated("not listed", ja) == "not listed"
    assert translated(42, ja) == "42"


def test_survives_pickle_and_copy() -> None:
    text = Text("This is {what}, not a VMDK.", what=Text("a QEMU {name} disk image",
                                                         name="vdi"))
    for clone in (pickle.loads(pickle.dumps(text)), copy.deepcopy(text)):  # noqa: S301
        assert isinstance(clone, Text)
        assert clone == text
        assert clone.translated(ja) == text.translated(ja)


def test_message_of_keeps_the_text_an_exception_was_raised_with() -> None:
    exc = ConfigError(Text("This is {what}, not a VMDK.", what="x"))
    assert isinstance(message_of(exc), Text)
    assert str(exc) == "This is x, not a VMDK."
    assert not isinstance(str(exc), Text)  # why message_of exists
    plain = ValueError("plain")
    assert message_of(plain) == "plain"


@given(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=40))
def test_any_argument_text_formats_like_str_format(value: str) -> None:
    assert Text("before {value} after", value=value) == f"before {value} after"
