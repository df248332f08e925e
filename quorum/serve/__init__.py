"""Serve: placeholder until its issue lands."""
