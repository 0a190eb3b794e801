package sanctions.iran.tech_assist_test

import data.sanctions.iran.tech_assist
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "technical_assistance",
	"supplier": {"country": "RU"},
	"recipient": {"country": "IR"},
	"items": [{"description": "missile guidance"}],
})

findings(date) := out if {
	fs := tech_assist.finding with input as object.union(event, {"date": date})
	out := {[f.verdict, [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]] | some f in fs}
}

test_before_1737_is_quiet if findings("2006-12-22") == set()

# Missile guidance is missile technology: related to the items 1737 (2006) prohibits and, from
# 1929 (2010), to ballistic missile activity.
test_1737_alone_before_1929 if findings("2010-06-08") == {["possible_violation", ["1737 (2006) 6"]]}

test_1929_from_its_adoption if findings("2010-06-09") == {["possible_violation", ["1929 (2010) 9", "1737 (2006) 6"]]}

test_none_from_implementation_day if findings("2016-01-16") == set()

test_restored_from_the_snapback if findings("2025-09-28") == {["possible_violation", ["1929 (2010) 9", "1737 (2006) 6"]]}

test_assistance_from_iran_is_quiet if {
	ev := testing.replaced(object.union(event, {"date": "2026-01"}), {"supplier": {"country": "IR"}, "recipient": {"country": "RU"}})
	count(tech_assist.finding) == 0 with input as ev
}

test_unknown_subject_needs_review if {
	fs := tech_assist.finding with input as object.union(event, {"date": "2026-01", "items": [{"description": "sealed crates"}]})
	some f in fs
	f.verdict == "needs_review"
}
