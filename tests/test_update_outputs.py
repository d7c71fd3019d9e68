"""scripts/update_outputs.py (`make outputs`): a name it does not know is refused with the names
it does, before any snippet runs."""

from scripts import update_outputs


def test_an_unknown_snippet_name_is_refused_with_the_known_ones(capsys):
    assert update_outputs.main(["binary_search", "no_such_snippet"]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # nothing ran, nothing was written
    assert err.startswith("unknown snippet: no_such_snippet; the snippets are: ")
    assert "binary_search" in err.split("the snippets are: ")[1].split(", ")
