"""The project's command-line tools (run as `python scripts/<name>.py`); a package too, so that
the tests import the ones they check as `scripts.<name>`."""
