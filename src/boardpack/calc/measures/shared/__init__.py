"""Shared steps run once per calculation before the measures that use them."""
