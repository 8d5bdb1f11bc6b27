"""Pure domain rules: periods, status, direction of travel, units. No Django here."""
