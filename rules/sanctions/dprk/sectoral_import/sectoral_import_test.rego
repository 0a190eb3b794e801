package sanctions.dprk.sectoral_import_test

import data.sanctions.dprk.sectoral_import
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2019-06",
	"supplier": {"country": "CN"},
	"recipient": {"country": "KP"},
	"items": [{"description": "industrial machinery"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

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

# UNICEF's vaccine refrigerators in 2020-02 fall within EX-HUM-UNICEF-2019-12 (rules/data/exemptions.yaml).
unicef_refrigerators := with_supplier(
	object.union(event, {"date": "2020-02", "items": [{"description": "vaccine refrigerators", "category": "machinery"}]}),
	{"name": "UNICEF", "kind": "international_org"},
)

with_supplier(e, supplier) := object.union(object.remove(e, {"supplier"}), {"supplier": supplier})

test_humanitarian_exemption_is_recorded_on_the_finding if {
	f := only_finding(unicef_refrigerators)
	f.exemption.id == "EX-HUM-UNICEF-2019-12"
	f.exemption.kind == "humanitarian"
	contains(f.exemption.reason, "The supplier UNICEF is the organisation the entry exempts")
}

test_exemption_ends_with_its_period if {
	f := only_finding(object.union(unicef_refrigerators, {"date": "2020-08"}))
	not f.exemption
}

test_exemption_is_for_the_exempted_organisation_only if {
	f := only_finding(with_supplier(unicef_refrigerators, {"name": "a Dandong trading company", "country": "CN", "kind": "company"}))
	not f.exemption
}

test_exemption_is_for_the_exempted_items_only if {
	f := only_finding(object.union(unicef_refrigerators, {"items": [{"description": "lathes", "category": "machinery"}]}))
	not f.exemption
}
