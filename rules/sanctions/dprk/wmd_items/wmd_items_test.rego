package sanctions.dprk.wmd_items_test

import data.sanctions.dprk.wmd_items
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2019-05",
	"supplier": {"country": "CN"},
	"recipient": {"country": "KP"},
	"items": [{"description": "solid-fuel engine components"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

only_finding(e) := f if {
	fs := wmd_items.finding with input as e
	count(fs) == 1
	some f in fs
}

test_missile_technology_to_dprk_fires_on_8a_ii if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "8(a)(ii)"
	count(f.citations) == 1
}

test_from_dprk_cites_8b if {
	f := only_finding(object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "IR"}}))
	f.citations[0].paragraph == "8(b)"
}

test_between_other_states_is_quiet if {
	count(wmd_items.finding) == 0 with input as object.union(event, {"recipient": {"country": "IR"}})
}

test_complete_missiles_are_left_to_the_arms_rules if {
	count(wmd_items.finding) == 0 with input as object.union(event, {"items": [{"description": "KN-23 ballistic missiles"}]})
}

test_dual_use_needs_review if {
	f := only_finding(object.union(event, {"items": [{"description": "maraging steel"}]}))
	f.verdict == "needs_review"
}

test_before_1718_is_quiet if {
	count(wmd_items.finding) == 0 with input as object.union(event, {"date": "2005-01"})
}
