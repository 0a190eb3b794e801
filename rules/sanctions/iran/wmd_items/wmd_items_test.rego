package sanctions.iran.wmd_items_test

import data.sanctions.iran.wmd_items
import data.sanctions.lib.testing

to_iran := object.union(testing.event, {
	"supplier": {"country": "CN"},
	"recipient": {"country": "IR"},
	"items": [{"description": "missile guidance systems"}],
})

findings(ev) := out if {
	fs := wmd_items.finding with input as ev
	out := {[f.verdict, [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]] | some f in fs}
}

on(ev, date) := object.union(ev, {"date": date})

test_1737_to_iran if findings(on(to_iran, "2010-05")) == {["possible_violation", ["1737 (2006) 3"]]}

test_2231_needs_the_councils_approval if findings(on(to_iran, "2018-05")) == {["needs_review", ["2231 (2015) Annex B 4"]]}

test_missile_items_after_2023_are_quiet if findings(on(to_iran, "2024-05")) == set()

test_restored_1737_to_iran_is_contested if {
	fs := wmd_items.finding with input as on(to_iran, "2026-01")
	some f in fs
	f.verdict == "possible_violation"
	some c in f.counter_evidence
	c.status == "contested"
}

test_nuclear_items_through_the_procurement_channel if {
	ev := on(object.union(to_iran, {"items": [{"description": "uranium enrichment centrifuges"}]}), "2024-05")
	findings(ev) == {["needs_review", ["2231 (2015) Annex B 2"]]}
}

test_exports_from_iran if {
	ev := on(testing.replaced(to_iran, {"supplier": {"country": "IR"}, "recipient": {"country": "RU"}}), "2026-01")
	findings(ev) == {["possible_violation", ["1737 (2006) 7"]]}
}

test_complete_arms_are_left_to_the_arms_rules if {
	findings(on(object.union(to_iran, {"items": [{"description": "ballistic missiles"}]}), "2010-05")) == set()
}
