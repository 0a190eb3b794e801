package sanctions.lib.exemptions_test

import data.sanctions.lib
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2020-08",
	"supplier": {"name": "Finn Church Aid"},
	"recipient": {"name": "a school in North Hwanghae", "country": "KP"},
	"items": [{"description": "two delivery vans", "category": "transport_vehicle"}],
	"claims": [{"status": "reported", "by": {"name": "Yonhap", "kind": "media"}}],
})

entry := {
	"id": "EX-T",
	"kind": "humanitarian",
	"basis": "2397 (2017) 25",
	"source": {"publisher": "p", "url": "https://example.org/a"},
	"rules": ["R"],
	"match": {
		"supplier": {"name": "Finn Church Aid"},
		"recipient": {"country": "KP"},
		"categories": ["transport_vehicle"],
		"items": ["van"],
		"from": "2020-06-30",
		"until": "2020-12-24",
	},
}

part(e, ev, cats) := p if {
	p := lib.exemption_part("R", cats) with input as ev with data.sanctions.exemptions as [e]
}

with_match(changes) := object.union(entry, {"match": changes})

replace(obj, k, v) := object.union(object.remove(obj, {k}), {k: v})

test_entry_matches if {
	part(entry, event, {"transport_vehicle"}).exemption.id == "EX-T"
}

test_plural_of_a_phrase_matches if {
	# "two delivery vans" names the phrase "van"; "a delivery van" does too.
	one := replace(event, "items", [{"description": "a delivery van", "category": "transport_vehicle"}])
	part(entry, one, {"transport_vehicle"}).exemption.id == "EX-T"
}

test_other_rule_is_not_exempted if {
	lib.exemption_part("OTHER", {"transport_vehicle"}) == {} with input as event with data.sanctions.exemptions as [entry]
}

test_unlisted_category_is_not_exempted if {
	part(entry, event, {"transport_vehicle", "machinery"}) == {}
}

test_an_item_that_names_no_phrase_is_not_exempted if {
	part(entry, replace(event, "items", [{"description": "a tractor", "category": "transport_vehicle"}]), {"transport_vehicle"}) == {}
}

test_every_item_in_the_categories_must_name_a_phrase if {
	items := [
		{"description": "two delivery vans", "category": "transport_vehicle"},
		{"description": "a tractor", "category": "transport_vehicle"},
	]
	part(entry, replace(event, "items", items), {"transport_vehicle"}) == {}
}

test_items_of_other_categories_do_not_count if {
	items := [
		{"description": "two delivery vans", "category": "transport_vehicle"},
		{"description": "soy beans", "category": "food_agricultural"},
	]
	part(entry, replace(event, "items", items), {"transport_vehicle"}).exemption.id == "EX-T"
}

test_a_period_that_straddles_the_end_is_not_exempted if {
	part(entry, object.union(event, {"date": "2020-12", "end_date": "2021-01"}), {"transport_vehicle"}) == {}
}

test_supplier_country_when_the_entry_gives_one if {
	e := with_match({"supplier": {"name": "Finn Church Aid", "country": "FI"}})
	part(e, replace(event, "supplier", {"name": "Finn Church Aid", "country": "FI"}), {"transport_vehicle"}).exemption.id == "EX-T"
	part(e, replace(event, "supplier", {"name": "Finn Church Aid", "country": "SE"}), {"transport_vehicle"}) == {}
}

test_recipient_name_when_the_entry_gives_one if {
	e := with_match({"recipient": {"country": "KP", "name": "Korean Red Cross"}})
	part(e, event, {"transport_vehicle"}) == {}
	part(e, replace(event, "recipient", {"name": "KOREAN RED CROSS", "country": "KP"}), {"transport_vehicle"}).exemption.id == "EX-T"
}

test_recipient_of_another_country_is_not_exempted if {
	part(entry, replace(event, "recipient", {"country": "CN"}), {"transport_vehicle"}) == {}
}

test_event_entry_matches_its_event_only if {
	e := replace(entry, "match", {"event": "t"})
	part(e, event, {"transport_vehicle"}).exemption.reason == "The entry names this event (t)."
	part(e, object.union(event, {"id": "u"}), {"transport_vehicle"}) == {}
}

test_output_carries_the_source_address if {
	part(entry, event, {"transport_vehicle"}).exemption.url == "https://example.org/a"
}
