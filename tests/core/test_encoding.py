"""A CSV file is UTF-8, or Windows-1252 with no UTF-8 in it; UTF-8 but for a stray byte is
found, with its row, column and position, so it is never stored as mojibake."""

from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.encoding import StrayByte, stray_byte

HEADER = "code,period,author,subject,text\r\n"
GOOD = "A1,2012-06,Jo,Why,Children’s social care – the “front door”\r\n"


def test_a_utf8_file_and_a_windows_1252_file_have_no_stray_byte():
    assert stray_byte((HEADER + GOOD).encode()) is None
    assert stray_byte(b"\xef\xbb\xbf" + (HEADER + GOOD).encode()) is None
    assert stray_byte((HEADER + GOOD).encode("cp1252")) is None
    assert (HEADER + GOOD).encode("cp1252") != (HEADER + GOOD).encode()


def test_a_utf8_file_with_one_windows_1252_byte_is_found_with_its_row_and_column():
    # A line typed in Excel (Windows-1252: ’ is 0x92) pasted into a UTF-8 file.
    pasted = b"A1,2012-07,Jo,Why,Children\x92s homes\r\n"
    data = (HEADER + GOOD).encode() + pasted
    offset = data.index(b"\x92")
    assert stray_byte(data) == StrayByte(offset, 0x92, 3, "text")
    assert offset == 128
    assert "byte 128 (0x92)" in stray_byte(data).reason


def test_a_bom_says_utf8_even_without_another_non_ascii_character():
    data = b"\xef\xbb\xbfcode,title\r\nA1,Caf\xe9\r\n"
    assert stray_byte(data) == StrayByte(len(data) - 3, 0xE9, 2, "title")


def test_the_row_counts_records_not_lines():
    data = b'code,text\r\nA1,"two\r\nlines"\r\nA2,' + "“x” ".encode() + b"\x93\r\n"
    assert stray_byte(data) == StrayByte(data.index(b"\x93"), 0x93, 3, "text")


def _first_bad(data: bytes) -> int | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return None


CELL = st.text(st.characters(codec="utf-8", exclude_characters='\r\n\x00"'), min_size=1)


@given(
    rows=st.lists(CELL, min_size=1, max_size=5),
    at=st.integers(min_value=0),
    byte=st.integers(min_value=0x80, max_value=0xFF),
)
def test_any_utf8_text_spoilt_by_one_byte_is_found_where_it_is(rows, at, byte):
    encoded = ("code\n" + "".join(f"é{row}\n" for row in rows)).encode()
    starts = [i for i in range(len(encoded) + 1) if i == len(encoded) or encoded[i] & 0xC0 != 0x80]
    place = starts[at % len(starts)]
    data = encoded[:place] + bytes([byte]) + encoded[place:]
    bad = _first_bad(data)
    found = stray_byte(data)
    if bad is None:
        assert found is None
    else:
        assert found is not None
        assert (found.offset, found.byte) == (bad, data[bad])
        assert found.row == data[:bad].count(b"\n") + 1
