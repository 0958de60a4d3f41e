"""Renderers for QA results: a terminal summary (terminal.py) and a self-contained HTML page (html.py)."""
