"""Boardpack: performance management for children's services."""
