package sanctions.dprk.arms_import_test

import data.sanctions.dprk.arms_import
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2024-03",
	"supplier": {"country": "RU"},
	"recipient": {"country": "KP"},
	"items": [{"description": "Pantsir air defence system"}],
	"claims": [{"status": "reported", "by": {"country": "KR"}}],
})

only_finding(e) := f if {
	fs := arms_import.finding with input as e
	count(fs) == 1
	some f in fs
}

paragraphs(f) := [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]

test_air_defence_to_dprk_fires if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	paragraphs(f) == ["2270 (2016) 6", "1874 (2009) 10"]
}

test_register_item_cites_all_three if {
	f := only_finding(object.union(event, {"items": [{"description": "MiG-29 fighter aircraft"}]}))
	paragraphs(f) == ["2270 (2016) 6", "1874 (2009) 10", "1718 (2006) 8(a)(i)"]
}

test_direction_from_dprk_is_quiet if {
	count(arms_import.finding) == 0 with input as object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "RU"}})
}

test_dprk_internal_transfer_is_quiet if {
	count(arms_import.finding) == 0 with input as object.union(event, {"supplier": {"country": "KP"}})
}

test_non_arms_is_quiet if {
	count(arms_import.finding) == 0 with input as object.union(event, {"items": [{"description": "rice"}]})
}

test_small_arms_before_2270_are_quiet if {
	count(arms_import.finding) == 0 with input as object.union(event, {"date": "2012-04", "items": [{"description": "assault rifles"}]})
}

test_small_arms_after_2270_fire if {
	f := only_finding(object.union(event, {"date": "2017-04", "items": [{"description": "assault rifles"}]}))
	paragraphs(f) == ["2270 (2016) 6"]
}

test_small_arms_in_2016_need_review if {
	f := only_finding(object.union(event, {"date": "2016", "items": [{"description": "assault rifles"}]}))
	f.verdict == "needs_review"
}

# Items the taxonomy cannot place are DPRK-UNPLACED-ITEMS, not an arms review.
test_unplaced_item_is_left_to_unplaced_items if {
	count(arms_import.finding) == 0 with input as object.union(event, {"items": [{"description": "unmarked cargo"}]})
}

test_vodka_is_no_arms if {
	count(arms_import.finding) == 0 with input as object.union(event, {"items": [{"description": "bottles of vodka"}]})
}
