package sanctions.lib_stage_test

import data.sanctions.dprk.arms_export
import data.sanctions.dprk.sectoral_export
import data.sanctions.lib
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2024-03",
	"supplier": {"country": "KP"},
	"recipient": {"country": "RU"},
	"items": [{"description": "artillery shells", "stage": "ordered"}],
})

only(fs) := f if {
	count(fs) == 1
	some f in fs
}

has_reason(f, fragment) if {
	some r in f.reasoning
	contains(r, fragment)
}

test_an_ordered_item_is_judged_like_an_agreement if {
	f := only(arms_export.finding) with input as event
	f.verdict == "needs_review"
	has_reason(f, "'artillery shells' is only ordered (stage: ordered): nothing has moved yet, so, as for an agreement, whether it was supplied, sold or transferred is not established.")
}

test_a_delivered_item_is_not if {
	e := object.union(event, {"items": [{"description": "artillery shells", "stage": "delivered"}]})
	f := only(arms_export.finding) with input as e
	f.verdict == "possible_violation"
	not has_reason(f, "only ordered")
}

test_an_item_without_stage_is_delivered if {
	e := object.union(event, {"items": [{"description": "artillery shells"}]})
	f := only(arms_export.finding) with input as e
	f.verdict == "possible_violation"
}

test_an_ordered_item_beside_a_delivered_one_changes_nothing if {
	e := object.union(event, {"items": [
		{"description": "artillery shells", "stage": "ordered"},
		{"description": "ballistic missiles", "stage": "delivered"},
	]})
	f := only(arms_export.finding) with input as e
	f.verdict == "possible_violation"
}

test_only_the_items_a_rule_rests_on_count if {
	# the coal was delivered, the shells only ordered: the coal export is a possible violation,
	# the arms export needs review.
	e := object.union(event, {"date": "2018-03", "items": [
		{"description": "artillery shells", "stage": "ordered"},
		{"description": "anthracite coal", "stage": "delivered"},
	]})
	only(sectoral_export.finding).verdict == "possible_violation" with input as e
	a := only(arms_export.finding) with input as e
	a.verdict == "needs_review"
	has_reason(a, "'artillery shells' is only ordered")
}

test_several_ordered_items_are_named_together if {
	e := object.union(event, {"items": [
		{"description": "artillery shells", "stage": "ordered"},
		{"description": "rocket launchers", "stage": "ordered"},
	]})
	r := lib.stage_review({"items": e.items}) with input as e
	r == ["'artillery shells' and 'rocket launchers' are only ordered (stage: ordered): nothing has moved yet, so, as for an agreement, whether they were supplied, sold or transferred is not established."]
}

test_a_rule_without_items_looks_at_the_event_items if {
	count(lib.stage_review({"items": []})) == 1 with input as event
	lib.stage_review({"items": []}) == [] with input as object.union(event, {"items": [{"description": "x", "stage": "in_transit"}]})
}

test_an_agreement_says_it_once if {
	lib.stage_review({"items": []}) == [] with input as object.union(event, {"type": "agreement"})
}
