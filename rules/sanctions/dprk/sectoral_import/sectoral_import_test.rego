package sanctions.dprk.sectoral_import_test

import data.sanctions.dprk.sectoral_import

event := {
	"id": "t",
	"type": "transfer",
	"date": "2019-06",
	"summary": "s",
	"supplier": {"country": "CN"},
	"recipient": {"country": "KP"},
	"items": [{"description": "industrial machinery"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
	"sources": [{"id": "s", "publisher": "p"}],
	"evidence": [{"quote": "q", "source": "s"}],
}

only_finding(e) := f if {
	fs := sectoral_import.finding with input as e
	count(fs) == 1
	some f in fs
}

with_item(date, description) := object.union(event, {"date": date, "items": [{"description": description}]})

test_machinery_after_2397_fires if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "7"
}

test_machinery_before_2397_is_quiet if {
	count(sectoral_import.finding) == 0 with input as with_item("2017-06", "industrial machinery")
}

test_used_vessel_after_2397_fires if {
	f := only_finding(with_item("2018-09", "second-hand oil tanker"))
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "14"
}

test_vessel_in_2017_needs_review_whether_new if {
	f := only_finding(with_item("2017-03", "cargo ship"))
	f.verdict == "needs_review"
	f.citations[0].paragraph == "30"
}

test_aviation_fuel_needs_review_for_the_civil_aviation_exception if {
	f := only_finding(with_item("2016-09", "jet fuel"))
	f.verdict == "needs_review"
	f.citations[0].paragraph == "31"
}

test_condensates if {
	only_finding(with_item("2017-10", "gas condensate")).citations[0].paragraph == "13"
}

test_exports_are_quiet if {
	count(sectoral_import.finding) == 0 with input as object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "CN"}})
}

test_food_is_quiet if {
	count(sectoral_import.finding) == 0 with input as with_item("2019-06", "rice")
}

test_humanitarian_exemption_is_recorded_on_the_finding if {
	f := only_finding(object.union(event, {"items": [{"description": "refrigerated truck"}]}))
	f.exemption.id == "EX-HUM-UNICEF-2019"
	f.exemption.kind == "humanitarian"
}

test_exemption_ends_with_its_period if {
	f := only_finding(object.union(event, {"date": "2020-02", "items": [{"description": "refrigerated truck"}]}))
	not f.exemption
}
