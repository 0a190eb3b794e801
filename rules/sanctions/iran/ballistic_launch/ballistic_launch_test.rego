package sanctions.iran.ballistic_launch_test

import data.sanctions.iran.ballistic_launch
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "launch",
	"parties": [{"role": "operator", "country": "IR"}],
	"items": [{"description": "ballistic missile"}],
	"tags": ["nuclear-capable"],
})

on(date) := object.union(event, {"date": date})

findings(date) := out if {
	fs := ballistic_launch.finding with input as on(date)
	out := {[f.verdict, [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]] | some f in fs}
}

test_before_1929_is_quiet if findings("2010-06-08") == set()

test_1929_from_its_adoption if findings("2010-06-09") == {["possible_violation", ["1929 (2010) 9"]]}

test_1929_until_implementation_day if findings("2016-01-15") == {["possible_violation", ["1929 (2010) 9"]]}

test_2231_is_a_call_for_review if {
	findings("2016-01-16") == {["needs_review", ["2231 (2015) Annex B 3"]]}
	findings("2023-10-17") == {["needs_review", ["2231 (2015) Annex B 3"]]}
}

test_no_measure_after_the_sunset if {
	findings("2023-10-18") == set()
	findings("2025-09-27") == set()
}

test_restored_1929_from_the_snapback if findings("2025-09-28") == {["possible_violation", ["1929 (2010) 9"]]}

test_capability_not_stated_needs_review if {
	fs := ballistic_launch.finding with input as object.remove(on("2026-01"), ["tags"])
	some f in fs
	f.verdict == "needs_review"
	some r in f.reasoning
	contains(r, "capable of delivering nuclear weapons is not stated")
}

test_another_operator_is_quiet if {
	count(ballistic_launch.finding) == 0 with input as object.union(on("2026-01"), {"parties": [{"role": "operator", "country": "KP"}]})
}
