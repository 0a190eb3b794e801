package sanctions.dprk.petroleum_cap_test

import data.sanctions.dprk.petroleum_cap
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2024-03",
	"end_date": "2024-10",
	"supplier": {"country": "RU"},
	"recipient": {"country": "KP"},
	"items": [{"description": "refined petroleum", "quantity": {"value": 1000000, "unit": "barrels", "qualifier": "more_than"}}],
	"claims": [{"status": "reported", "by": {"name": "MSMT", "kind": "international_org"}}],
})

only_finding(e) := f if {
	fs := petroleum_cap.finding with input as e
	count(fs) == 1
	some f in fs
}

with_quantity(q) := object.union(event, {"items": [{"description": "refined petroleum", "quantity": q}]})

test_over_the_cap_by_itself if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "5"
	some r in f.reasoning
	contains(r, "1000000 barrels, against a cap of 500,000 barrels")
}

test_within_the_cap_needs_review if {
	f := only_finding(with_quantity({"value": 20000, "unit": "barrels"}))
	f.verdict == "needs_review"
}

test_within_the_cap_and_notified_is_quiet if {
	count(petroleum_cap.finding) == 0 with input as object.union(with_quantity({"value": 20000, "unit": "barrels"}), {"tags": ["notified"]})
}

test_over_the_cap_even_if_notified if {
	f := only_finding(object.union(event, {"tags": ["notified"]}))
	f.verdict == "possible_violation"
}

test_no_quantity_needs_review if {
	f := only_finding(object.union(event, {"items": [{"description": "oil products"}]}))
	f.verdict == "needs_review"
	some r in f.reasoning
	contains(r, "No quantity")
}

test_unknown_unit_is_never_guessed if {
	f := only_finding(with_quantity({"value": 300, "unit": "truckloads"}))
	f.verdict == "needs_review"
	some r in f.reasoning
	contains(r, "not in the units table")
}

test_tonnes_convert_with_a_lower_bound if {
	over := only_finding(with_quantity({"value": 80000, "unit": "tonnes"}))
	over.verdict == "possible_violation"
	under := only_finding(with_quantity({"value": 70000, "unit": "tonnes"}))
	under.verdict == "needs_review"
}

test_up_to_is_never_over if {
	f := only_finding(with_quantity({"value": 900000, "unit": "barrels", "qualifier": "up_to"}))
	f.verdict == "needs_review"
}

test_over_two_calendar_years_needs_review if {
	f := only_finding(object.union(event, {"date": "2023-06", "end_date": "2024-06"}))
	f.verdict == "needs_review"
}

test_crude_oil_cap_in_tonnes if {
	e := object.union(event, {"items": [{"description": "crude oil", "quantity": {"value": 600000, "unit": "tonnes"}}]})
	f := only_finding(e)
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "4"
}

test_crude_oil_within_cap if {
	e := object.union(event, {"items": [{"description": "crude oil", "quantity": {"value": 3000000, "unit": "bbl"}}]})
	only_finding(e).verdict == "needs_review"
}

test_before_the_caps_is_quiet if {
	count(petroleum_cap.finding) == 0 with input as object.union(event, {"date": "2016-03", "end_date": "2016-10"})
}

test_exports_from_dprk_are_quiet if {
	count(petroleum_cap.finding) == 0 with input as object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "CN"}})
}
