"""termdesk — English→Korean glossary and translation assist for defense and security news.

The package imports nothing heavy at import time; see the README's architecture section.
"""

__version__ = "0.1.0"
