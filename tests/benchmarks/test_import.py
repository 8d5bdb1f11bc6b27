"""`boardpack import benchmarks`: every file checked before anything is written, errors named by
file, row and column, markers kept apart from numbers and zero, re-imports that replace only
the measure-years they hold, and neighbour groups kept per year."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from boardpack.benchmarks.models import (
    Area,
    BenchmarkImport,
    Measure,
    NeighbourSet,
    PublishedValue,
)
from boardpack.core.problems import ImportFailed
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from tests.benchmarks.files import (
    DICTIONARY,
    FIGURES,
    long_rows,
    write_dictionary,
    write_figures,
    write_neighbours,
)


def _figure(code: str, year: str, number: int) -> PublishedValue:
    return PublishedValue.objects.get(measure__code=code, year=year, area__number=number)


def _errors(path) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        run_import("benchmarks", Source.at(path), user=None)
    return [str(e) for e in failure.value.errors]


def test_a_directory_loads_all_four_files_and_lists_what_it_did_not_read(loaded):
    text = str(loaded)
    assert "la_code_list.xlsx: 9 row(s) read; 9 created" in text
    assert "lait_data_dictionary.csv: 4 row(s) read; 3 created" in text
    assert "sn_may_2020.xlsx: 5 row(s) read; 5 created" in text
    assert "bds_long.csv: 34 row(s) read; 34 created" in text
    assert "not read: README.md (not a benchmarks file: no known columns)" in text
    assert PublishedValue.objects.count() == sum(len(v) for v in FIGURES.values())
    assert BenchmarkImport.objects.get().summary == text


def test_every_measure_of_the_dictionary_is_loaded_once_with_its_topics(loaded):
    assert sorted(Measure.objects.values_list("code", flat=True)) == ["LOWP", "PCT", "RATE"]
    pct = Measure.objects.get(code="PCT")
    assert (pct.topic, pct.polarity, pct.decimals, pct.unit) == (
        "Care leavers; Outcomes",
        "bigger",
        1,
        "% of leavers",
    )
    rate = Measure.objects.get(code="RATE")
    assert (rate.polarity, rate.published_polarity, rate.decimals) == ("none", "-", None)
    assert (rate.first_year, rate.latest_year) == ("2023", "2024")
    assert "row 4: PCT repeats row 3 under topic 'Outcomes'" in str(loaded)


def test_areas_are_authorities_regions_or_england_and_authorities_know_their_region(loaded):
    kinds = dict(Area.objects.values_list("number", "kind"))
    assert kinds == {
        888: "authority",
        889: "authority",
        890: "authority",
        925: "authority",
        891: "authority",
        970: "england",
        981: "region",
        983: "region",
        1000: "other",
    }
    assert Area.objects.get(number=888).region.number == 981


def test_markers_stay_distinct_from_numbers_and_from_zero(loaded):
    zero = _figure("PCT", "2023/24", 890)
    suppressed = _figure("PCT", "2023/24", 925)
    assert (zero.value, zero.marker) == (Decimal(0), "")
    assert (suppressed.value, suppressed.marker) == (None, "x")
    assert (_figure("RATE", "2024", 890).value, _figure("RATE", "2024", 890).marker) == (None, "c")
    assert _figure("PCT", "2023/24", 889).value == Decimal("55.5")
    year = _figure("PCT", "2023/24", 889)
    assert (year.year_start, year.year_end) == (2023, 2024)


def test_a_row_that_names_no_year_and_holds_only_a_marker_is_listed_not_loaded(db, bench_dir):
    rows = [*long_rows(FIGURES), ("RATE", "", "0", "Lancashire", "-", 888.0, "North West")]
    write_figures(bench_dir / "bds_long.csv", rows)
    report = str(run_import("benchmarks", Source.at(bench_dir), user=None))
    assert "not loaded: 1 rows of RATE (rows 36–36) with year '0', which names no year" in report
    assert not PublishedValue.objects.filter(year="0").exists()


def test_every_bad_row_is_named_by_file_row_and_column_and_nothing_is_written(db, bench_dir):
    rows = [
        *long_rows(FIGURES),
        ("NOPE", "", "2024", "Lancashire", "1", 888.0, "North West"),
        ("RATE", "", "2025", "Lancashire", "lots", 888.0, "North West"),
        ("RATE", "", "2025", "Nowhere", "1", 777.0, ""),
        ("RATE", "", "2025", "Lancashire", "", 888.5, ""),
        ("RATE", "", "0", "Lancashire", "12", 889.0, ""),
        ("RATE", "", "2024", "Lancashire", "3", 888.0, ""),
    ]
    write_figures(bench_dir / "bds_long.csv", rows)
    assert _errors(bench_dir) == [
        "bds_long.csv, row 36, column 'Short Desc': 'NOPE' is not a measure of the dictionary",
        "bds_long.csv, row 39, column 'LA Number': '888.5' is not an area number",
        "bds_long.csv, row 38, column 'LA Number': 777 is not an area of the authority list",
        "bds_long.csv, row 39, column 'Values': is blank: give the figure or its marker "
        "(c, x, z, - or .)",
        "bds_long.csv, row 37, column 'Values': 'lots' is neither a number nor a marker "
        "(c, x, z, - or .)",
        "bds_long.csv, row 40, column 'Years': '0' names no year, and the row holds a figure",
        "bds_long.csv, row 41, column 'Years': a figure for this measure, area and year is "
        "already in row 9",
    ]
    assert not Area.objects.exists()
    assert not PublishedValue.objects.exists()


def test_reference_files_report_bad_rows_too(db, bench_dir):
    bad = [*DICTIONARY, ("4", "T", "", "", "NEW", "Upwards", "", "", "9", "", "Q")]
    write_dictionary(bench_dir / "lait_data_dictionary.csv", bad)
    errors = _errors(bench_dir)
    assert (
        "lait_data_dictionary.csv, row 6, column 'polarity': 'Upwards' is not a polarity: "
        "use High, Low, or - or NA for none" in errors
    )
    assert (
        "lait_data_dictionary.csv, row 6, column 'dps': '9' is not a number of decimal places "
        "(0 to 6, or NA)" in errors
    )
    assert (
        "lait_data_dictionary.csv, row 6, column 'no_quartile': 'Q' is not a No_Quartile "
        "flag: use N, or NA for quartiles" in errors
    )
    assert "lait_data_dictionary.csv, row 6, column 'measure': is required" in errors
    assert not Measure.objects.exists()


def test_a_neighbour_that_is_not_an_authority_is_an_error(db, bench_dir):
    write_neighbours(bench_dir / "sn_may_2020.xlsx", {888: [889, 970]})
    assert _errors(bench_dir) == [
        "sn_may_2020.xlsx, sheet 'LA SN Groups', row 4, column 'SN2': 970 is not an authority "
        "of the list"
    ]


def test_a_neighbour_file_needs_its_year_in_its_name(db, bench_dir):
    (bench_dir / "sn_may_2020.xlsx").rename(bench_dir / "neighbours.xlsx")
    assert _errors(bench_dir) == [
        "neighbours.xlsx: the file name must carry the one year its groups apply from, "
        "e.g. sn_may_2025.xlsx"
    ]


def test_reimporting_a_year_replaces_that_measure_year_and_nothing_else(loaded, tmp_path):
    before = _figure("RATE", "2023", 888).pk
    again = {("RATE", "2024"): {888: "70", 889: "c"}}
    report = run_import(
        "benchmarks", Source.at(write_figures(tmp_path / "again.csv", long_rows(again))), user=None
    )
    assert "8 figures loaded before for the same measures and years were replaced" in str(report)
    assert _figure("RATE", "2024", 888).value == Decimal(70)
    assert _figure("RATE", "2024", 889).marker == "c"
    assert not PublishedValue.objects.filter(measure__code="RATE", year="2024", area__number=925)
    assert _figure("RATE", "2023", 888).pk == before
    assert PublishedValue.objects.filter(measure__code="PCT").count() == 13


def test_a_new_neighbour_file_adds_a_year_and_keeps_the_old_groups(loaded, tmp_path):
    write_neighbours(tmp_path / "sn_april_2024.xlsx", {888: [891, 925]})
    run_import("benchmarks", Source.at(tmp_path / "sn_april_2024.xlsx"), user=None)
    sets = NeighbourSet.objects.filter(authority__number=888).order_by("year")
    assert [(s.year, s.source_ref, [n.area.number for n in s.neighbours.all()]) for s in sets] == [
        (2020, "sn_may_2020.xlsx", [889, 890, 925]),
        (2024, "sn_april_2024.xlsx", [891, 925]),
    ]


def test_the_import_command_prints_the_report_and_fails_with_every_error(loaded, bench_dir):
    out = io.StringIO()
    call_command("import", "benchmarks", str(bench_dir / "bds_long.csv"), stdout=out)
    assert "bds_long.csv: 34 row(s) read; 34 created" in out.getvalue()
    (bench_dir / "bad.csv").write_text("Short Desc,Years,Values\nRATE,2024,1\n")
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command("import", "benchmarks", str(bench_dir / "bad.csv"), stdout=out, stderr=errors)
    assert (
        errors.getvalue()
        == "bad.csv, row 1, column 'la number': is a required column and is missing\n"
    )


def test_a_file_that_is_not_a_benchmarks_file_is_refused(db, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    assert _errors(path) == ["notes.txt: is not a benchmarks file (see docs/benchmarks.md)"]
    assert _errors(tmp_path / "missing") == [f"{tmp_path / 'missing'}: does not exist"]
