"""Robustness: hostile inputs, fuzzing, interrupted ingest and the benchmark harness."""
