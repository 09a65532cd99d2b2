"""The test runner behind `make test` (bot/tools/testrun.py): what it reports of each run, and how it plans them."""
from __future__ import annotations

from bot.tools import testrun

PYTEST_OUTPUT = """\
........................................................................ [ 97%]
..                                                                       [100%]
============================= slowest 3 durations ==============================
71.20s setup    tests/e2e/test_journey.py::test_the_journey
12.05s call     tests/wechat/test_webhook.py::test_slow_turn
3.40s call     tests/e2e/test_hotline.py::test_hotline

(12 durations < 0.005s hidden.  Use -vv to show these durations.)
74 passed in 120.33s (0:02:00)
"""


def test_the_slowest_tests_are_read_from_pytests_section_and_nothing_else():
    assert testrun.slowest_tests(PYTEST_OUTPUT) == [
        "71.20s setup    tests/e2e/test_journey.py::test_the_journey",
        "12.05s call     tests/wechat/test_webhook.py::test_slow_turn",
        "3.40s call     tests/e2e/test_hotline.py::test_hotline",
    ]


def test_the_runs_last_line_right_after_the_list_is_not_one_of_the_slowest_tests():
    output = ("============================= slowest 2 durations ==============================\n"
              "314.37s call     tests/browser/test_admin_console.py::test_train\n"
              "0.45s teardown tests/wechat/test_evidence.py::test_refused[45015]\n"
              "97 passed in 655.61s (0:10:55)\n")
    assert testrun.slowest_tests(output) == ["314.37s call     tests/browser/test_admin_console.py::test_train",
                                             "0.45s teardown tests/wechat/test_evidence.py::test_refused[45015]"]


def test_a_run_without_the_section_lists_no_slowest_tests():
    assert testrun.slowest_tests("..\n2 passed in 0.10s\n") == []
    assert testrun.slowest_tests("") == []


def test_every_embedded_module_on_real_servers_runs_exactly_once():
    planned = {run.label: run.targets for run in testrun.runs(["embedded"])}
    stack = planned["embedded/rasa-venv/stack"]
    own = planned["embedded/rasa-venv/own-stacks"]
    ignored = {t.split("=", 1)[1] for t in stack if t.startswith("--ignore=")}
    # What the session's run leaves out is what the other run takes, and nothing the other run takes is left in.
    own_inside = {t for t in own if any(t.startswith(d + "/") for d in stack if not d.startswith("--"))}
    assert ignored == own_inside and ignored
    for module in ignored:
        assert (testrun.ROOT / module).is_file(), module
    for directory in own:
        assert (testrun.ROOT / directory).exists(), directory
    assert not set(own) & set(stack)


def test_every_run_lists_its_slowest_tests_unless_told_otherwise():
    planned = testrun.runs(["embedded"])[0]
    command = testrun.pytest_command(planned, [])
    assert command[command.index("pytest") + 1:][:4] == ["-q", "-p", "no:cacheprovider", f"--durations={testrun.SLOWEST}"]
    assert command[-len(planned.targets):] == list(planned.targets)
    # PYTEST_ARGS come last: pytest takes the last --durations it is given.
    assert testrun.pytest_command(planned, ["--durations=0"])[-1] == "--durations=0"


def test_the_number_of_lanes_comes_from_the_environment_or_the_default():
    assert testrun.lane_count("") == testrun.LANES
    assert testrun.lane_count("1") == 1 and testrun.lane_count("3") == 3
    assert testrun.lane_count("0") == 1
    assert testrun.lane_count("two") == testrun.LANES
