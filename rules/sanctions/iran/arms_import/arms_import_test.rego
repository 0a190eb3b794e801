package sanctions.iran.arms_import_test

import data.sanctions.iran.arms_import
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"supplier": {"country": "RU"},
	"recipient": {"country": "IR"},
	"items": [{"description": "combat aircraft"}],
})

on(date) := object.union(event, {"date": date})

findings(date) := out if {
	fs := arms_import.finding with input as on(date)
	out := {[f.verdict, [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]] | some f in fs}
}

test_before_1929_is_quiet if findings("2010-06-08") == set()

test_1929_from_its_adoption if findings("2010-06-09") == {["possible_violation", ["1929 (2010) 8"]]}

test_1929_until_implementation_day if findings("2016-01-15") == {["possible_violation", ["1929 (2010) 8"]]}

# Under 2231 (2015) Annex B 5 a supply was allowed with the Council's approval in advance.
test_2231_needs_the_councils_approval if findings("2016-01-16") == {["needs_review", ["2231 (2015) Annex B 5"]]}

test_2231_until_its_sunset if findings("2020-10-17") == {["needs_review", ["2231 (2015) Annex B 5"]]}

test_no_measure_after_the_sunset if findings("2020-10-18") == set()

test_no_measure_the_day_before_the_snapback if findings("2025-09-27") == set()

test_restored_1929_from_the_snapback if findings("2025-09-28") == {["possible_violation", ["1929 (2010) 8"]]}

test_restored_finding_says_it_is_contested if {
	some f in arms_import.finding with input as on("2026-01")
	some c in f.counter_evidence
	c.status == "contested"
}

test_small_arms_are_not_a_register_category if {
	count(arms_import.finding) == 0 with input as object.union(on("2026-01"), {"items": [{"description": "pistols"}]})
}

test_from_iran_is_quiet if {
	count(arms_import.finding) == 0 with input as object.union(on("2026-01"), {"supplier": {"country": "IR"}, "recipient": {"country": "SY"}})
}
