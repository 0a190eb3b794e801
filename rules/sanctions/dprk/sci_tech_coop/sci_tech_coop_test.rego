package sanctions.dprk.sci_tech_coop_test

import data.sanctions.dprk.sci_tech_coop
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "cooperation",
	"date": "2019-05",
	"parties": [
		{"name": "National Aerospace Development Administration", "country": "KP", "kind": "state_entity", "role": "participant"},
		{"name": "a university", "country": "CN", "kind": "company", "role": "participant"},
	],
	"items": [{"description": "joint research on satellite technology"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

only_finding(e) := f if {
	fs := sci_tech_coop.finding with input as e
	count(fs) == 1
	some f in fs
}

test_aerospace_cooperation_with_dprk_body_fires if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.confidence == "high"
	f.citations[0].paragraph == "11"
	some r in f.reasoning
	contains(r, "only the Committee")
}

test_before_2321_is_quiet if {
	count(sci_tech_coop.finding) == 0 with input as object.union(event, {"date": "2015-05"})
}

test_medical_exchange_is_quiet if {
	count(sci_tech_coop.finding) == 0 with input as object.union(event, {"items": [{"description": "exchange of medical supplies"}]})
}

test_without_dprk_party_is_quiet if {
	count(sci_tech_coop.finding) == 0 with input as object.union(event, {"parties": [{"country": "CN", "role": "participant"}]})
}

test_unsponsored_dprk_person_needs_review if {
	f := only_finding(object.union(event, {"parties": [{"name": "a scientist", "country": "KP", "kind": "person", "role": "participant"}]}))
	f.verdict == "needs_review"
}

test_unstated_field_needs_review if {
	f := only_finding(object.remove(event, ["items"]))
	f.verdict == "needs_review"
}

test_other_types_are_quiet if {
	count(sci_tech_coop.finding) == 0 with input as object.union(event, {"type": "meeting"})
}

test_cooperation_outside_science_is_quiet if {
	count(sci_tech_coop.finding) == 0 with input as object.union(event, {"items": [{"description": "textiles"}]})
}

test_joint_ventures_are_left_to_their_rule if {
	count(sci_tech_coop.finding) == 0 with input as object.union(event, {"tags": ["joint-venture"]})
}
