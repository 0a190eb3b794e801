package sanctions.dprk.arms_export_test

import data.sanctions.dprk.arms_export
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"supplier": {"country": "KP"},
	"recipient": {"country": "RU"},
	"items": [{"description": "artillery shells"}],
})

only_finding(e) := f if {
	fs := arms_export.finding with input as e
	count(fs) == 1
	some f in fs
}

paragraphs(f) := [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]

test_ammunition_from_dprk_fires_on_1874 if {
	f := only_finding(event)
	f.rule_id == "DPRK-ARMS-EXPORT"
	f.verdict == "possible_violation"
	paragraphs(f) == ["1874 (2009) 9"]
	count(f.reasoning) >= 4
	f.evidence == [{"quote": "q", "source": "s"}]
}

test_register_item_cites_1718_too if {
	f := only_finding(object.union(event, {"items": [{"description": "KN-23 missiles"}]}))
	paragraphs(f) == ["1874 (2009) 9", "1718 (2006) 8(b)"]
}

test_direction_to_dprk_is_quiet if {
	count(arms_export.finding) == 0 with input as object.union(event, {"supplier": {"country": "RU"}, "recipient": {"country": "KP"}})
}

test_other_event_types_are_quiet if {
	count(arms_export.finding) == 0 with input as object.union(event, {"type": "agreement"})
}

test_non_arms_category_is_quiet if {
	count(arms_export.finding) == 0 with input as object.union(event, {"items": [{"description": "anthracite coal"}]})
}

test_ammunition_before_1874_is_quiet if {
	count(arms_export.finding) == 0 with input as object.union(event, {"date": "2007-05"})
}

test_register_item_before_1874_cites_1718_only if {
	f := only_finding(object.union(event, {"date": "2007-05", "items": [{"description": "battle tanks"}]}))
	paragraphs(f) == ["1718 (2006) 8(b)"]
	f.verdict == "possible_violation"
}

test_vague_date_needs_review if {
	f := only_finding(object.union(event, {"date": "2009"}))
	f.verdict == "needs_review"
	some r in f.reasoning
	contains(r, "too vague")
}

# Items the taxonomy cannot place are DPRK-UNPLACED-ITEMS, not an arms review.
test_unplaced_item_is_left_to_unplaced_items if {
	count(arms_export.finding) == 0 with input as object.union(event, {"items": [{"description": "sealed crates"}]})
}

test_vodka_is_no_arms if {
	count(arms_export.finding) == 0 with input as object.union(event, {"items": [{"description": "bottles of vodka"}]})
}

test_given_category_wins if {
	f := only_finding(object.union(event, {"items": [{"description": "crates", "category": "small_arms"}]}))
	f.verdict == "possible_violation"
}

test_raw_country_names_work if {
	f := only_finding(object.union(event, {"supplier": {"country": "North Korea"}, "recipient": {"country": "Russia"}}))
	f.rule_id == "DPRK-ARMS-EXPORT"
}

test_dprk_company_supplier_fires if {
	f := only_finding(object.union(event, {"supplier": {"name": "KOMID", "country": "KP", "kind": "state_entity"}}))
	f.reasoning[0] == "The supplier is KOMID (KP) and the recipient is Russian Federation (RU)."
}
