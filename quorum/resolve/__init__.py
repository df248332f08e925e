"""Resolve: placeholder until its issue lands."""
