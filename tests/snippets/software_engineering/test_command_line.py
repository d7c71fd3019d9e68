import io
import statistics

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.software_engineering.command_line import cli, main, summarise


def run(argv, capsys):
    main(argv)
    return capsys.readouterr().out.splitlines()


def test_no_arguments_summarise_the_demo(capsys):
    assert run(None, capsys) == ["rows: 5", "mean amount: 79.20"]


def test_a_file_and_a_column(tmp_path, capsys):
    path = tmp_path / "scores.csv"
    path.write_text("name,score\nada,3\nbob,4\ncy,8\n", encoding="utf-8")
    assert run([str(path), "--column", "score"], capsys) == ["rows: 3", "mean score: 5.00"]


def test_a_dash_reads_standard_input_as_from_a_pipe(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("amount\n1\n2\n"))
    assert run(["-"], capsys) == ["rows: 2", "mean amount: 1.50"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus"], "unrecognized arguments"),
        (["--column"], "expected one argument"),
        (["a.csv", "b.csv"], "unrecognized arguments"),
        (["--column", "price"], "no column 'price'"),
        (["does-not-exist.csv"], "No such file"),
    ],
)
def test_bad_arguments_exit_with_code_2_and_a_message(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [("amount\n", "no rows"), ("amount\n1\nabc\n", "could not convert")],
)
def test_bad_data_exits_with_code_2(tmp_path, text, message, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main([str(path)])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_the_installed_command_reads_its_arguments(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["csv-summary", "-", "--column", "b"])
    monkeypatch.setattr("sys.stdin", io.StringIO("a,b\n1,10\n2,20\n"))
    cli()
    assert capsys.readouterr().out.splitlines() == ["rows: 2", "mean b: 15.00"]


def test_help_exits_with_code_0(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "--column" in capsys.readouterr().out


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=30))
def test_mean_agrees_with_pandas(values):
    rows = [{"x": repr(v)} for v in values]
    count, mean = summarise(rows, "x")
    assert count == len(values)
    assert mean == pytest.approx(pd.Series(values).mean(), abs=1e-6)
    assert mean == pytest.approx(statistics.fmean(values))
