"""Validation names every problem by file, row (as a spreadsheet numbers it) and column."""

from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.calc import InvalidInput, Problem, load
from boardpack.calc.validate import PER_CHECK, validate

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)
GOOD_HEADER = ["A1,1,01/02/2015,WBRI,,,", "A2,2,03/04/2012,WBRI,,0,"]
GOOD_EPISODES = [
    "A1,01/05/2023,S,C1,N1,U4,PR1,01/06/2023,X1,,ZZ1 1,ZZ2 2,XXXXXXX",
    "A1,01/06/2023,P,C1,N1,U5,PR1,,,CARPL,ZZ1 1,ZZ2 2,XXXXXXX",
    "A2,01/05/2023,S,V2,N4,K2,PR4,20/09/2023,E4A,,ZZ1 1,ZZ3 3,SC123456",
]


def write_903(
    root: Path,
    *,
    header: list[str] | None = None,
    episodes: list[str] | None = None,
    year: str = "2024",
    **tables: str,
) -> Path:
    folder = root / "903" / year
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "header.csv").write_text("\n".join([HEADER, *(header or GOOD_HEADER)]) + "\n")
    (folder / "episodes.csv").write_text("\n".join([EPISODES, *(episodes or GOOD_EPISODES)]) + "\n")
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text)
    return root / "903"


def problems_of(root: Path) -> list[Problem]:
    return validate(ssda903=root, cin=None, population=None)


def test_it_passes_good_files(tmp_path: Path) -> None:
    assert problems_of(write_903(tmp_path)) == []


def test_it_names_the_row_of_a_date_that_does_not_exist(tmp_path: Path) -> None:
    header = [GOOD_HEADER[0], "A2,2,31/04/2019,WBRI,,0,"]
    [problem] = problems_of(write_903(tmp_path, header=header))
    assert (problem.file, problem.row, problem.column) == ("903/2024/header.csv", 3, "DOB")
    assert "not a date that exists" in problem.reason
    assert "31/04/2019" not in str(problem)  # a child's data is never quoted
    assert problem.child == "A2"


def test_it_names_an_unknown_code_with_the_year(tmp_path: Path) -> None:
    episodes = [*GOOD_EPISODES[:2], GOOD_EPISODES[2].replace(",K2,", ",Q9,")]
    [problem] = problems_of(write_903(tmp_path, episodes=episodes))
    assert (problem.row, problem.column) == (4, "PLACE")
    assert problem.reason == "unknown code 'Q9' for 2024"


def test_place_codes_follow_the_collection_year(tmp_path: Path) -> None:
    episodes = [*GOOD_EPISODES[:2], GOOD_EPISODES[2].replace(",K2,", ",K3,")]
    assert [p.column for p in problems_of(write_903(tmp_path, episodes=episodes))] == ["PLACE"]
    episodes_2025 = [e.replace("/2023", "/2024") for e in episodes]
    header_2025 = [h.replace(",1,", ",M,").replace(",2,", ",F,") for h in GOOD_HEADER]
    root = write_903(tmp_path / "b", episodes=episodes_2025, header=header_2025, year="2025")
    assert problems_of(root) == []


def test_it_finds_episodes_of_one_child_that_overlap(tmp_path: Path) -> None:
    episodes = [*GOOD_EPISODES, "A2,01/09/2023,S,V2,N4,K2,PR4,,,,ZZ1 1,ZZ3 3,SC123456"]
    [problem] = problems_of(write_903(tmp_path, episodes=episodes))
    assert (problem.row, problem.column, problem.child) == (5, "DECOM", "A2")
    assert problem.reason == "starts before the episode in row 4 ends"


def test_an_episode_after_one_still_open_overlaps_it(tmp_path: Path) -> None:
    episodes = [*GOOD_EPISODES, "A1,01/09/2023,L,C2,N1,U5,PR1,,,,ZZ1 1,ZZ2 2,XXXXXXX"]
    [problem] = problems_of(write_903(tmp_path, episodes=episodes))
    assert (problem.row, problem.reason) == (5, "starts while the episode in row 3 is still open")


def test_it_finds_an_x1_ending_with_nothing_after_it(tmp_path: Path) -> None:
    episodes = [GOOD_EPISODES[0].replace("01/06/2023,X1", "02/06/2023,X1"), *GOOD_EPISODES[1:]]
    found = {
        (p.row, p.column, p.reason) for p in problems_of(write_903(tmp_path, episodes=episodes))
    }
    assert (2, "REC", "REC X1 but no episode of the child starts on DEC") in found


def test_it_finds_an_ending_without_a_reason(tmp_path: Path) -> None:
    episodes = [*GOOD_EPISODES[:2], GOOD_EPISODES[2].replace(",E4A,", ",,")]
    [problem] = problems_of(write_903(tmp_path, episodes=episodes))
    assert (problem.row, problem.column, problem.reason) == (4, "REC", "DEC is given without REC")


def test_it_names_a_missing_column(tmp_path: Path) -> None:
    root = write_903(tmp_path)
    lines = (root / "2024" / "episodes.csv").read_text().splitlines()
    cut = [",".join(v for i, v in enumerate(line.split(",")) if i != 3) for line in lines]
    (root / "2024" / "episodes.csv").write_text("\n".join(cut) + "\n")
    [problem] = problems_of(root)
    assert (problem.file, problem.row, problem.column) == ("903/2024/episodes.csv", 1, "LS")
    assert problem.reason == "required column missing"


def test_it_names_a_missing_file(tmp_path: Path) -> None:
    root = write_903(tmp_path)
    (root / "2024" / "header.csv").unlink()
    found = problems_of(root)
    assert Problem("903/2024/header.csv", None, None, "required file missing") in found


def test_a_missing_source_folder_is_a_problem(tmp_path: Path) -> None:
    [problem] = validate(ssda903=tmp_path / "nowhere", cin=None, population=None)
    assert problem.reason == "not found"


def test_it_names_a_malformed_row_and_numbers_the_rows_after_it(tmp_path: Path) -> None:
    header = [
        "A1,1,01/02/2015,WBRI,,,",
        "A9,1,01/02/2015,WBRI,,,,,extra",
        "A2,2,31/02/2012,WBRI,,0,",
    ]
    found = {(p.row, p.column, p.reason) for p in problems_of(write_903(tmp_path, header=header))}
    assert (3, None, "the row has more fields than the header") in found
    assert (4, "DOB", "not a date that exists (dd/mm/yyyy)") in found


def test_a_blank_required_value_is_named(tmp_path: Path) -> None:
    episodes = [GOOD_EPISODES[0], GOOD_EPISODES[1].replace(",P,C1,", ",P,,"), GOOD_EPISODES[2]]
    [problem] = problems_of(write_903(tmp_path, episodes=episodes))
    assert (problem.row, problem.column, problem.reason) == (3, "LS", "blank: a value is required")


def test_a_child_in_episodes_needs_a_header_row(tmp_path: Path) -> None:
    [problem] = problems_of(write_903(tmp_path, header=GOOD_HEADER[:1]))
    assert (problem.row, problem.column, problem.child) == (4, "CHILD", "A2")


def test_a_child_twice_in_the_header_is_named(tmp_path: Path) -> None:
    [problem] = problems_of(write_903(tmp_path, header=[*GOOD_HEADER, GOOD_HEADER[0]]))
    assert (problem.row, problem.column) == (4, "CHILD")


def test_many_problems_of_one_kind_are_summed_up(tmp_path: Path) -> None:
    header = [f"B{i},1,30/02/2015,WBRI,,," for i in range(PER_CHECK + 7)]
    episodes = [f"B{i},01/05/2023,S,V2,N1,U4,PR1,,,,,," for i in range(PER_CHECK + 7)]
    found = problems_of(write_903(tmp_path, header=header, episodes=episodes))
    assert len(found) == PER_CHECK + 1
    assert found[-1].reason == "and 7 more rows like those above"


def test_load_creates_nothing_when_there_is_a_problem(tmp_path: Path) -> None:
    root = write_903(tmp_path, header=[GOOD_HEADER[0], "A2,2,31/04/2019,WBRI,,0,"])
    con = duckdb.connect()
    with pytest.raises(InvalidInput) as raised:
        load(con, ssda903=root, cin=None, population=None)
    assert [p.row for p in raised.value.problems] == [3]
    assert con.sql("SELECT count(*) FROM duckdb_tables()").fetchall() == [(0,)]


def test_the_population_must_be_whole_positive_and_once_a_year(tmp_path: Path) -> None:
    path = tmp_path / "population.csv"
    path.write_text("year,population\n2024,12000000\n2024,1\n2023,-5\n2022,many\n")
    found = {(p.row, p.column, p.reason) for p in validate(ssda903=None, cin=None, population=path)}
    assert found == {
        (3, "year", "the year is given twice"),
        (4, "population", "not a whole number"),
        (5, "population", "not a whole number"),
    }


def test_cin_rows_must_belong_to_a_referral(tmp_path: Path) -> None:
    folder = tmp_path / "cin" / "2024"
    folder.mkdir(parents=True)
    (folder / "cin_child.csv").write_text("lachildid,sex,dob\nC1,1,2015-01-01\n")
    (folder / "cin_referrals.csv").write_text(
        "lachildid,referral_id,referral_date,closure_date,referral_source,primary_need\n"
        "C1,R1,01/05/2023,,6,N1\nC1,R2,01/09/2023,01/08/2023,6,N0\n"
    )
    (folder / "cin_assessments.csv").write_text(
        "lachildid,referral_id,start_date,authorised_date\nC1,R1,02/05/2023,\nC1,R9,02/05/2023,\n"
    )
    found = {
        (p.file, p.row, p.column, p.reason)
        for p in validate(ssda903=None, cin=tmp_path / "cin", population=None)
    }
    assert found == {
        (
            "cin/2024/cin_assessments.csv",
            3,
            "referral_id",
            "the referral ID is not in cin_referrals",
        ),
        ("cin/2024/cin_referrals.csv", 3, "closure_date", "closure_date is before referral_date"),
    }


def test_a_malformed_xml_names_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "cin" / "2024"
    folder.mkdir(parents=True)
    (folder / "cin.xml").write_text("<Message>\n<Children>\n<Child>\n</Children>\n</Message>\n")
    found = validate(ssda903=None, cin=tmp_path / "cin", population=None)
    assert found[0].row == 4
    assert found[0].reason.startswith("the XML is malformed")


def test_entities_in_an_xml_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY a "aaaa">]>\n<Message>&a;</Message>\n'
    )
    [problem] = validate(ssda903=None, cin=path, population=None)
    assert (problem.row, problem.reason) == (2, "the XML declares entities: refused")


@settings(
    max_examples=15,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,
    database=None,
)
@given(
    position=st.integers(0, 30),
    size=st.integers(1, 31),
    day=st.sampled_from(["31/04/2019", "29/02/2023", "00/01/2020", "2019-13-01", "1/1/19x"]),
)
def test_a_bad_date_is_found_on_its_own_row(
    tmp_path: Path, position: int, size: int, day: str
) -> None:
    position = min(position, size - 1)
    header = [f"K{i},1,{day if i == position else '01/01/2015'},WBRI,,," for i in range(size)]
    root = write_903(
        tmp_path / f"{position}-{size}-{day.replace('/', '')}",
        header=header,
        episodes=[f"K{i},01/05/2023,S,V2,N1,U4,PR1,,,,,," for i in range(size)],
    )
    [problem] = problems_of(root)
    assert (problem.row, problem.column, problem.child) == (position + 2, "DOB", f"K{position}")


def test_a_placement_that_lasted_no_day_does_not_overlap(tmp_path: Path) -> None:
    episodes = [
        GOOD_EPISODES[0],
        "A1,01/06/2023,P,C1,N1,U6,PR1,,,CARPL,ZZ1 1,ZZ2 2,XXXXXXX",
        "A1,01/06/2023,P,C1,N1,U5,PR1,01/06/2023,X1,CARPL,ZZ1 1,ZZ2 2,XXXXXXX",
        GOOD_EPISODES[2],
    ]
    assert problems_of(write_903(tmp_path, episodes=episodes)) == []


def test_a_windows_1252_file_is_read(tmp_path: Path) -> None:
    root = write_903(tmp_path)
    path = root / "2024" / "header.csv"
    path.write_bytes(path.read_bytes().replace(b"A2,2,", b"A\xe92,2,"))
    episodes = root / "2024" / "episodes.csv"
    episodes.write_bytes(episodes.read_bytes().replace(b"A2,", b"A\xc3\xa92,"))
    assert problems_of(root) == []


def test_a_file_of_another_kind_is_summed_up(tmp_path: Path) -> None:
    root = write_903(tmp_path)
    rows = "\n".join(f"A{i},1,01/02/2015,WBRI,,,,x" for i in range(70))
    (root / "2024" / "header.csv").write_text(HEADER + "\n" + rows + "\n")
    found = problems_of(root)
    assert len([p for p in found if p.reason == "the row has more fields than the header"]) == 50
    assert any(p.row is None and p.reason.startswith("and 20 more malformed rows") for p in found)


def test_a_utf8_file_with_a_stray_byte_is_refused_not_read_as_windows_1252(tmp_path: Path) -> None:
    root = write_903(tmp_path)
    episodes = root / "2024" / "episodes.csv"
    data = episodes.read_bytes().replace(b"ZZ1 1,ZZ2 2", b"ZZ1 1,Z\xc3\xa92 2", 1)
    data = data.replace(b"A2,01/05/2023", b"A2,01/05/2023\x92", 1)
    episodes.write_bytes(data)
    [problem] = problems_of(root)
    offset = data.index(b"\x92")
    assert (problem.file, problem.row, problem.column) == ("903/2024/episodes.csv", 4, "DECOM")
    assert problem.reason.startswith(f"is UTF-8 text except for byte {offset} (0x92)")
