package sanctions.lib_test

import data.sanctions.lib

# replaced(ev, fields) is ev with the given fields replaced whole (object.union would merge a
# new supplier into the old one).
replaced(ev, fields) := object.union(object.remove(ev, object.keys(fields)), fields)

# --- states by name, alias, capital, actor ---

test_state_by_name if {
	lib.supplier_country == "KP" with input as replaced(event, {"supplier": {"name": "North Korea"}})
}

test_state_by_long_name_and_kind_state if {
	ev := replaced(event, {"supplier": {"name": "Democratic People's Republic of Korea", "kind": "state"}})
	lib.supplier_country == "KP" with input as ev
}

test_state_by_capital_and_adjective if {
	lib.supplier_country == "KP" with input as replaced(event, {"supplier": {"name": "Pyongyang"}})
	lib.supplier_country == "KP" with input as replaced(event, {"supplier": {"name": "North Korean"}})
}

test_company_named_like_a_state_is_not_the_state if {
	not lib.supplier_country with input as replaced(event, {"supplier": {"name": "Korea", "kind": "company"}})
}

test_state_of_an_actor if {
	lib.country_code({"name": "Korean Central News Agency", "kind": "state_entity"}) == "KP"
}

test_state_by_name_is_explained if {
	ev := replaced(event, {"supplier": {"name": "North Korea"}})
	lib.link_facts("from_dprk") == ["The supplier, North Korea (KP), is the DPRK or of the DPRK, by its name."] with input as ev
}

test_state_by_code_needs_no_explanation if {
	lib.link_facts("from_dprk") == [] with input as event
	"from_dprk" in lib.sure_directions with input as event
}

# --- the DPRK in a port, a place, a carrier, an end user ---

test_loading_port if {
	ev := replaced(object.remove(event, ["supplier"]), {"location": {"loading_port": "Namp'o"}})
	"from_dprk" in lib.sure_directions with input as ev
	lib.link_facts("from_dprk") == ["The goods were loaded at Namp'o, in the DPRK (KP)."] with input as ev
	lib.link_review("from_dprk") == [] with input as ev
}

test_discharge_port if {
	ev := replaced(event, {"supplier": {"country": "RU"}, "recipient": {"name": "unnamed buyer"}, "location": {"discharge_port": "Rajin"}})
	"to_dprk" in lib.sure_directions with input as ev
}

test_place_of_the_event if {
	ev := replaced(object.remove(event, ["supplier"]), {"location": {"place": "Nampo"}})
	lib.location_country == "KP" with input as ev
	"from_dprk" in lib.sure_directions with input as ev
}

test_dprk_flagged_carrier_is_possible_not_sure if {
	ev := replaced(event, {
		"supplier": {"name": "unknown shipper", "kind": "company"},
		"parties": [{"name": "Chon Ma San", "kind": "vessel", "country": "KP", "role": "carrier"}],
	})
	"from_dprk" in lib.directions with input as ev
	not "from_dprk" in lib.sure_directions with input as ev
	count(lib.link_review("from_dprk")) == 1 with input as ev
}

test_carrier_between_foreign_ends_gives_no_direction if {
	ev := replaced(event, {
		"supplier": {"country": "CU"},
		"recipient": {"country": "SY"},
		"parties": [{"name": "Chong Chon Gang", "kind": "vessel", "country": "KP", "role": "carrier"}],
	})
	count(lib.directions) == 0 with input as ev
}

test_end_user if {
	ev := replaced(event, {
		"supplier": {"country": "CN"},
		"recipient": {"name": "a trading company", "kind": "company"},
		"parties": [{"name": "Korea Tangun Trading Corporation", "country": "KP", "role": "end_user"}],
	})
	"to_dprk" in lib.sure_directions with input as ev
}

test_unplaced_supplier_is_a_possible_origin if {
	ev := replaced(event, {"supplier": {"name": "unknown shipper"}})
	"from_dprk" in lib.directions with input as ev
	not "from_dprk" in lib.sure_directions with input as ev
	lib.link_review("from_dprk") == ["Whether the DPRK is the origin is not established: The supplier, unknown shipper, cannot be placed in a state: whether it is the DPRK, or acts for it, is not stated."] with input as ev
}

test_unplaced_supplier_of_the_dprk_is_no_origin if {
	ev := replaced(event, {"supplier": {"name": "unknown shipper"}, "recipient": {"country": "KP"}})
	not "from_dprk" in lib.directions with input as ev
}

# --- names of designations ---

test_name_keys_absorb_apostrophes_and_legal_forms if {
	lib.name_keys("Tanch'on Commercial Bank") == lib.name_keys("TANCHON COMMERCIAL BANK")
	count(lib.name_keys("Korea Mining Development Trading Corp.") & lib.name_keys("KOREA MINING DEVELOPMENT TRADING CORPORATION")) > 0
	"korea mining development trading" in lib.name_keys("Korea Mining Development Trading Corporation")
	lib.name_keys("Ryon-bong") & lib.name_keys("Ryonbong") == {"ryonbong"}
}

test_short_names_have_no_keys if lib.name_keys("Co.") == set()

# --- verdicts weigh the claims ---

denied := [{"status": "denied", "by": {"country": "KP"}}, {"status": "denied", "by": {"country": "RU"}}]

test_denials_only_never_a_possible_violation if {
	f := arms_finding with input as replaced(event, {"claims": denied})
	f.verdict == "needs_review"
	"No claim asserts the event: it is only denied, so nobody asserts that it happened." in f.reasoning
}

test_retracted_only_never_a_possible_violation if {
	claims := [{"status": "alleged", "by": {"name": "Example Daily", "kind": "media"}}, {"status": "retracted", "by": {"name": "Example Daily", "kind": "media"}}]
	f := arms_finding with input as replaced(event, {"claims": claims})
	f.verdict == "needs_review"
	"Every claim that asserted the event was retracted by its claimant: nobody now asserts it." in f.reasoning
}

test_retraction_by_another_claimant_leaves_the_assertion if {
	claims := [{"status": "reported", "by": {"country": "US"}}, {"status": "retracted", "by": {"name": "Example Daily", "kind": "media"}}]
	f := arms_finding with input as replaced(event, {"claims": claims})
	f.verdict == "possible_violation"
}

arms_finding := f if {
	some f in data.sanctions.findings
	f.rule_id == "DPRK-ARMS-EXPORT"
}
