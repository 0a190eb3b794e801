package sanctions.dprk.lib_test

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"supplier": {"country": "KP"},
	"recipient": {"country": "RU"},
	"items": [{"description": "artillery shells"}],
})

replaced(ev, fields) := testing.replaced(ev, fields)

test_directions if {
	dprk.directions == {"from_dprk"} with input as event
}

# --- the DPRK by name, in a port, a place, a carrier, an end user ---

test_state_by_name_is_explained if {
	ev := replaced(event, {"supplier": {"name": "North Korea"}})
	dprk.link_facts("from_dprk") == ["The supplier, North Korea (KP), is the DPRK or of the DPRK, by its name."] with input as ev
}

test_state_by_code_needs_no_explanation if {
	dprk.link_facts("from_dprk") == [] with input as event
	"from_dprk" in dprk.sure_directions with input as event
}

test_loading_port if {
	ev := replaced(object.remove(event, ["supplier"]), {"location": {"loading_port": "Namp'o"}})
	"from_dprk" in dprk.sure_directions with input as ev
	dprk.link_facts("from_dprk") == ["The goods were loaded at Namp'o, in the DPRK (KP)."] with input as ev
	dprk.link_review("from_dprk") == [] with input as ev
}

test_discharge_port if {
	ev := replaced(event, {"supplier": {"country": "RU"}, "recipient": {"name": "unnamed buyer"}, "location": {"discharge_port": "Rajin"}})
	"to_dprk" in dprk.sure_directions with input as ev
}

test_place_of_the_event if {
	ev := replaced(object.remove(event, ["supplier"]), {"location": {"place": "Nampo"}})
	lib.location_country == "KP" with input as ev
	"from_dprk" in dprk.sure_directions with input as ev
}

test_dprk_flagged_carrier_is_possible_not_sure if {
	ev := replaced(event, {
		"supplier": {"name": "unknown shipper", "kind": "company"},
		"parties": [{"name": "Chon Ma San", "kind": "vessel", "country": "KP", "role": "carrier"}],
	})
	"from_dprk" in dprk.directions with input as ev
	not "from_dprk" in dprk.sure_directions with input as ev
	count(dprk.link_review("from_dprk")) == 1 with input as ev
}

test_carrier_between_foreign_ends_gives_no_direction if {
	ev := replaced(event, {
		"supplier": {"country": "CU"},
		"recipient": {"country": "SY"},
		"parties": [{"name": "Chong Chon Gang", "kind": "vessel", "country": "KP", "role": "carrier"}],
	})
	count(dprk.directions) == 0 with input as ev
}

test_end_user if {
	ev := replaced(event, {
		"supplier": {"country": "CN"},
		"recipient": {"name": "a trading company", "kind": "company"},
		"parties": [{"name": "Korea Tangun Trading Corporation", "country": "KP", "role": "end_user"}],
	})
	"to_dprk" in dprk.sure_directions with input as ev
}

test_unplaced_supplier_is_a_possible_origin if {
	ev := replaced(event, {"supplier": {"name": "unknown shipper"}})
	"from_dprk" in dprk.directions with input as ev
	not "from_dprk" in dprk.sure_directions with input as ev
	dprk.link_review("from_dprk") == ["Whether the DPRK is the origin is not established: The supplier, unknown shipper, cannot be placed in a state: whether it is the DPRK, or acts for it, is not stated."] with input as ev
}

test_unplaced_supplier_of_the_dprk_is_no_origin if {
	ev := replaced(event, {"supplier": {"name": "unknown shipper"}, "recipient": {"country": "KP"}})
	not "from_dprk" in dprk.directions with input as ev
}
