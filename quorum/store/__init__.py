"""Store: placeholder until its issue lands."""
