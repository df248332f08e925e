"""Extract: meetings, agenda items, minutes, motions, reports, tables and indicators."""
