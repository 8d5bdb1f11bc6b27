"""The schema of every input table the calc engine loads: one place, from CALC.md.

Each SSDA903 and Children in Need table is created in DuckDB with the columns
below (lower case, in this order) plus ``year INTEGER``: the collection year,
i.e. the year of the 31 March the return is for (2024 = April 2023 to March
2024). Dates are ``DATE``, codes ``VARCHAR``, counts ``INTEGER``, yes/no flags
``BOOLEAN``. With several years loaded a row appears once per year's return it
is in (an episode open over two year ends is in three returns): filter on
``year`` or deduplicate.

``Column.required``: a CSV that lacks the column is an error; an optional
column that is absent is loaded as NULL. ``Column.filled``: a blank value is an
error (a filled column is also required). ``Column.tag`` is the element name in
the XML where it differs from the CSV header (the CSV header is the upper-case
column name for SSDA903 and the column name itself for CIN CSVs).

``boardpack.calc.load`` (inputs.py) creates these tables after validating the
files; docs/calc-inputs.md describes the files, the XML layouts and the IDs
the CIN reader makes for referrals and plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

ColumnType = Literal["VARCHAR", "DATE", "INTEGER", "BOOLEAN"]
Source = Literal["ssda903", "cin", "population"]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = "VARCHAR"
    required: bool = False
    tag: str | None = None
    filled: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    source: Source
    columns: tuple[Column, ...]
    required: bool = False  # the file must be present when its source is given

    @property
    def file(self) -> str:
        """The CSV file name of the table."""
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def header(self, column: Column) -> str:
        """The CSV header of a column: upper case in SSDA903 files, as named in CIN files."""
        return column.name.upper() if self.source == "ssda903" else column.name


def _c(
    name: str,
    type_: ColumnType = "VARCHAR",
    *,
    req: bool = False,
    fill: bool = False,
    tag: str = "",
) -> Column:
    return Column(name, type_, req or fill, tag or None, fill)


_CHILD = _c("child", fill=True, tag="CHILDID")
_DOB = _c("dob", "DATE")

SSDA903: Final[tuple[Table, ...]] = (
    Table(
        "header",
        "ssda903",
        (
            _CHILD,
            _c("sex", fill=True),
            _c("dob", "DATE", fill=True),
            _c("ethnic"),
            _c("upn"),
            _c("mother"),
            _c("mc_dob", "DATE"),
        ),
        required=True,
    ),
    Table(
        "episodes",
        "ssda903",
        (
            _CHILD,
            _c("decom", "DATE", fill=True),
            _c("rne", fill=True),
            _c("ls", fill=True),
            _c("cin"),
            _c("place", fill=True, tag="PL"),
            _c("place_provider"),
            _c("dec", "DATE", req=True),
            _c("rec", req=True),
            _c("reason_place_change"),
            _c("home_post"),
            _c("pl_post"),
            _c("urn"),
        ),
        required=True,
    ),
    Table(
        "reviews",
        "ssda903",
        (_CHILD, _DOB, _c("review", "DATE", fill=True), _c("review_code")),
    ),
    Table("uasc", "ssda903", (_CHILD, _c("sex"), _DOB, _c("duc", "DATE", fill=True))),
    Table(
        "oc2",
        "ssda903",
        (
            _CHILD,
            _DOB,
            _c("sdq_score", "INTEGER"),
            _c("sdq_reason"),
            _c("convicted"),
            _c("health_check"),
            _c("immunisations"),
            _c("teeth_check"),
            _c("health_assessment"),
            _c("substance_misuse"),
            _c("intervention_received"),
            _c("intervention_offered"),
        ),
    ),
    Table(
        "oc3",
        "ssda903",
        (_CHILD, _DOB, _c("in_touch", fill=True), _c("activ", req=True), _c("accom", req=True)),
    ),
    Table(
        "ad1",
        "ssda903",
        (
            _CHILD,
            _DOB,
            _c("date_int", "DATE"),
            _c("date_match", "DATE"),
            _c("foster_care"),
            _c("nb_adoptr"),
            _c("sex_adoptr"),
            _c("ls_adoptr"),
        ),
    ),
    Table(
        "placed_for_adoption",
        "ssda903",
        (
            _CHILD,
            _DOB,
            _c("date_placed", "DATE", fill=True),
            _c("date_placed_ceased", "DATE"),
            _c("reason_placed_ceased"),
        ),
    ),
    Table(
        "previous_permanence",
        "ssda903",
        # DATE_PERM may be partly unknown ("zz/zz/2015"), so it stays as written.
        (_CHILD, _DOB, _c("prev_perm"), _c("la_perm"), _c("date_perm")),
    ),
    Table(
        "missing",
        "ssda903",
        (
            _CHILD,
            _DOB,
            _c("missing", fill=True),
            _c("mis_start", "DATE", fill=True),
            _c("mis_end", "DATE"),
        ),
    ),
)

_LACHILDID = _c("lachildid", fill=True, tag="LAchildID")
_REFERRAL_ID = _c("referral_id", fill=True)

# CIN XML elements map to these tables; referral_id and cpp_id are not in the
# XML: the reader makes them (see docs/calc-inputs.md). CSV headers are the
# column names below.
CIN: Final[tuple[Table, ...]] = (
    Table(
        "cin_child",
        "cin",
        (
            _LACHILDID,
            _c("upn", tag="UPN"),
            _c("former_upn", tag="FormerUPN"),
            _c("upn_unknown", tag="UPNunknown"),
            _c("dob", "DATE", tag="PersonBirthDate"),
            _c("expected_dob", "DATE", tag="ExpectedPersonBirthDate"),
            _c("sex", fill=True, tag="Sex"),
            _c("death_date", "DATE", tag="PersonDeathDate"),
            _c("ethnicity", tag="Ethnicity"),
            _c("disabilities", tag="Disability"),  # codes separated by spaces
        ),
        required=True,
    ),
    Table(
        "cin_referrals",
        "cin",
        (
            _LACHILDID,
            _REFERRAL_ID,
            _c("referral_date", "DATE", fill=True, tag="CINreferralDate"),
            _c("referral_source", tag="ReferralSource"),
            _c("primary_need", tag="PrimaryNeedCode"),
            _c("closure_date", "DATE", req=True, tag="CINclosureDate"),
            _c("closure_reason", tag="ReasonForClosure"),
            _c("date_initial_cpc", "DATE", tag="DateOfInitialCPC"),
            _c("referral_nfa", "BOOLEAN", tag="ReferralNFA"),
        ),
        required=True,
    ),
    Table(
        "cin_assessments",
        "cin",
        (
            _LACHILDID,
            _REFERRAL_ID,
            _c("start_date", "DATE", fill=True, tag="AssessmentActualStartDate"),
            _c("internal_review_date", "DATE", tag="AssessmentInternalReviewDate"),
            _c("authorised_date", "DATE", req=True, tag="AssessmentAuthorisationDate"),
            _c("factors", tag="AssessmentFactors"),  # codes separated by spaces
        ),
    ),
    Table(
        "cin_plans",
        "cin",
        (
            _LACHILDID,
            _REFERRAL_ID,
            _c("start_date", "DATE", fill=True, tag="CINPlanStartDate"),
            _c("end_date", "DATE", tag="CINPlanEndDate"),
        ),
    ),
    Table(
        "cin_s47",
        "cin",
        (
            _LACHILDID,
            _REFERRAL_ID,
            _c("s47_start_date", "DATE", fill=True, tag="S47ActualStartDate"),
            _c("icpc_target", "DATE", tag="InitialCPCtarget"),
            _c("icpc_date", "DATE", req=True, tag="DateOfInitialCPC"),
            _c("icpc_not_required", "BOOLEAN", tag="ICPCnotRequired"),
        ),
    ),
    Table(
        "cin_cpp",
        "cin",
        (
            _LACHILDID,
            _REFERRAL_ID,
            _c("cpp_id", fill=True),
            _c("cpp_start", "DATE", fill=True, tag="CPPstartDate"),
            _c("cpp_end", "DATE", req=True, tag="CPPendDate"),
            _c("initial_category", tag="InitialCategoryOfAbuse"),
            _c("latest_category", tag="LatestCategoryOfAbuse"),
            _c("previous_cpp", "INTEGER", tag="NumberOfPreviousCPP"),
        ),
    ),
    Table(
        "cin_cpp_reviews",
        "cin",
        (
            _LACHILDID,
            _c("cpp_id", fill=True),
            _c("review_date", "DATE", fill=True, tag="CPPreviewDate"),
        ),
    ),
)

POPULATION: Final = Table(
    "population",
    "population",
    (_c("year", "INTEGER", fill=True), _c("population", "INTEGER", fill=True)),
    required=True,
)

ALL: Final[tuple[Table, ...]] = (*SSDA903, *CIN, POPULATION)
BY_NAME: Final[dict[str, Table]] = {t.name: t for t in ALL}


def ddl(table: Table) -> str:
    """The CREATE TABLE statement of a loaded table (with ``year`` for SSDA903 and CIN)."""
    cols = [f"{c.name} {c.type}" for c in table.columns]
    if table.source != "population":
        cols.append("year INTEGER NOT NULL")
    return f"CREATE TABLE {table.name} ({', '.join(cols)})"
