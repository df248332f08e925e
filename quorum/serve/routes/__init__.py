"""Routers of the web app: HTML pages, the JSON API and the feeds."""
