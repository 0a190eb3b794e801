package sanctions.dprk.unplaced_items_test

import data.sanctions.dprk.unplaced_items
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2019-02",
	"supplier": {"country": "CN"},
	"recipient": {"country": "KP"},
	"items": [{"description": "sealed cargo"}],
})

only_finding(e) := f if {
	fs := unplaced_items.finding with input as e
	count(fs) == 1
	some f in fs
}

paragraphs(f) := [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]

test_unplaced_item_to_dprk_needs_review if {
	f := only_finding(event)
	f.rule_id == "DPRK-UNPLACED-ITEMS"
	f.verdict == "needs_review"
	paragraphs(f) == ["2270 (2016) 18"]
	some r in f.reasoning
	contains(r, "cannot place 'sealed cargo'")
}

test_unplaced_item_from_dprk_fires if {
	f := only_finding(object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "RU"}}))
	f.verdict == "needs_review"
}

test_dprk_port_of_loading_is_a_dprk_trade if {
	f := only_finding(object.union(event, {
		"supplier": {"name": "a trading company", "country": "CN", "kind": "company"},
		"recipient": {"country": "RU"},
		"location": {"loading_port": "Nampo"},
	}))
	f.verdict == "needs_review"
	some r in f.reasoning
	contains(r, "loaded at Nampo")
}

test_no_dprk_link_is_quiet if {
	count(unplaced_items.finding) == 0 with input as object.union(event, {"recipient": {"country": "RU"}})
}

test_placed_items_are_quiet if {
	count(unplaced_items.finding) == 0 with input as object.union(event, {"items": [{"description": "bottles of Russian vodka"}]})
}

test_given_category_is_quiet if {
	count(unplaced_items.finding) == 0 with input as object.union(event, {"items": [{"description": "crates", "category": "other"}]})
}

test_other_event_types_are_quiet if {
	count(unplaced_items.finding) == 0 with input as object.union(event, {"type": "meeting"})
}

test_one_finding_names_every_unplaced_item_and_only_them if {
	f := only_finding(object.union(event, {"items": [
		{"description": "sealed cargo"},
		{"description": "coal"},
		{"description": "assorted goods"},
	]}))
	some r in f.reasoning
	contains(r, "'sealed cargo' and 'assorted goods'")
	not mentions_coal(f)
}

mentions_coal(f) if {
	some r in f.reasoning
	contains(r, "'coal'")
}

test_no_arms_paragraph_is_cited if {
	f := only_finding(object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "SY"}}))
	every c in f.citations {
		c.resolution in {"2270 (2016)", "1874 (2009)"}
		c.paragraph in {"18", "11"}
	}
}

test_before_2270_cites_1874_and_needs_review if {
	f := only_finding(object.union(event, {"date": "2013-07"}))
	paragraphs(f) == ["1874 (2009) 11"]
	f.verdict == "needs_review"
}

test_before_1874_is_quiet if {
	count(unplaced_items.finding) == 0 with input as object.union(event, {"date": "2008-05"})
}

test_vague_date_across_2270_cites_both if {
	f := only_finding(object.union(event, {"date": "2016"}))
	paragraphs(f) == ["2270 (2016) 18", "1874 (2009) 11"]
	f.verdict == "needs_review"
}
