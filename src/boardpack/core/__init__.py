"""Pure domain rules: periods, status, direction of travel, units, and reading delivery-plan
timescales, BRAG and progress logs. No Django here."""
