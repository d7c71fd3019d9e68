"""The project's command-line tools, run from the project root as `python -m scripts.<name>`
(as the Makefile does), so that they import `roadmap`, `snippets` and one another as packages;
the tests import the ones they check as `scripts.<name>`."""
