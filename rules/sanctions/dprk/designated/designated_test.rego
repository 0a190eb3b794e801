package sanctions.dprk.designated_test

import data.sanctions.dprk.designated
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2017-06",
	"supplier": {"name": "Korea Mining Development Trading Corporation", "country": "KP", "kind": "state_entity"},
	"recipient": {"country": "SY"},
	"items": [{"description": "missile parts"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

only_finding(e) := f if {
	fs := designated.finding with input as e
	count(fs) == 1
	some f in fs
}

test_designated_entity_by_name if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "8(d)"
	some r in f.reasoning
	contains(r, "KPe.001")
}

test_designated_entity_by_alias_and_spelling if {
	f := only_finding(object.union(event, {"supplier": {"name": "K.O.M.I.D.", "country": "KP"}}))
	f.verdict == "possible_violation"
}

test_designated_entity_by_reference if {
	f := only_finding(object.union(event, {"supplier": {"name": "Changgwang trading", "country": "KP", "ids": {"un_ref": "KPe.001"}}}))
	f.verdict == "possible_violation"
}

test_front_company_acting_for if {
	f := only_finding(object.union(event, {"supplier": {"name": "a front company", "country": "MY", "kind": "company", "acting_for": "KPe.001"}}))
	some r in f.reasoning
	contains(r, "acts on behalf of")
}

test_before_the_listing_is_quiet if {
	count(designated.finding) == 0 with input as object.union(event, {"date": "2008-05"})
}

test_listed_during_the_event_needs_review if {
	f := only_finding(object.union(event, {"date": "2009"}))
	f.verdict == "needs_review"
}

test_undesignated_parties_are_quiet if {
	count(designated.finding) == 0 with input as object.union(event, {"supplier": {"name": "Korea Mining Company", "country": "KP"}})
}

test_individual_by_name_needs_review_of_identity if {
	f := only_finding(object.union(event, {"supplier": {"name": "Ri Won-ho", "country": "KP", "kind": "person"}}))
	f.verdict == "needs_review"
	some r in f.reasoning
	contains(r, "by name only")
}

test_word_order_and_spacing_variants if {
	f := only_finding(object.union(event, {"supplier": {"name": "Wonho Ri", "country": "KP", "kind": "person", "ids": {"un_ref": "KPi.033"}}}))
	f.verdict == "possible_violation"
}

meeting := object.union(object.remove(event, ["supplier", "recipient", "items"]), {
	"type": "meeting",
	"parties": [{"name": "Ri Won Ho", "country": "KP", "kind": "person", "role": "participant", "ids": {"un_ref": "KPi.033"}}],
	"location": {"country": "CN"},
})

test_designated_individual_abroad_breaks_the_travel_ban if {
	f := only_finding(meeting)
	f.citations[0].paragraph == "8(e)"
	f.verdict == "possible_violation"
}

test_meeting_in_the_dprk_is_quiet if {
	count(designated.finding) == 0 with input as object.union(meeting, {"location": {"country": "KP"}})
}

test_meeting_place_unknown_needs_review if {
	f := only_finding(object.remove(meeting, ["location"]))
	f.verdict == "needs_review"
}

test_entities_do_not_travel if {
	count(designated.finding) == 0 with input as object.union(meeting, {"parties": [{"name": "KOMID", "country": "KP", "role": "participant"}]})
}

test_meeting_in_the_dprk_by_name_is_quiet if {
	count(designated.finding) == 0 with input as object.union(meeting, {"location": {"country": "Pyongyang"}})
}
