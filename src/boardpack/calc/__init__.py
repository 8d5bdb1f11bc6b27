"""The child-level indicator engine: SSDA903 and Children in Need readers, validation,
measures as SQL, working days. Pure Python and DuckDB: nothing from Django here.

The way in: ``load(con, ssda903=..., cin=..., population=...)`` validates the
files and creates the tables of ``boardpack.calc.tables`` in a DuckDB
connection, or raises ``InvalidInput`` with every ``Problem``;
``boardpack.calc.validate.validate(...)`` lists the problems only.
"""

from boardpack.calc.inputs import LoadReport, load
from boardpack.calc.problems import InvalidInput
from boardpack.core.problems import Problem

__all__ = ["InvalidInput", "LoadReport", "Problem", "load"]
