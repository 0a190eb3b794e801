package sanctions.dprk.maritime_sts_test

import data.sanctions.dprk.maritime_sts
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2018-05",
	"summary": "A ship-to-ship transfer of oil products in the East China Sea.",
	"supplier": {"name": "a tanker", "country": "SL", "kind": "vessel"},
	"recipient": {"country": "KP"},
	"parties": [{"name": "Yu Jong 2", "country": "KP", "kind": "vessel", "role": "carrier"}],
	"items": [{"description": "oil products"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

only_finding(e) := f if {
	fs := maritime_sts.finding with input as e
	count(fs) == 1
	some f in fs
}

test_sts_with_dprk_flagged_vessel_fires if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	some r in f.reasoning
	contains(r, "Yu Jong 2 (KP)")
}

test_sts_by_tag if {
	f := only_finding(object.union(event, {"summary": "A transfer at sea.", "tags": ["ship-to-ship"]}))
	f.rule_id == "DPRK-MARITIME-STS"
}

test_flag_unknown_needs_review if {
	f := only_finding(object.remove(event, ["parties"]))
	f.verdict == "needs_review"
}

test_port_delivery_is_quiet if {
	count(maritime_sts.finding) == 0 with input as object.union(event, {"summary": "A delivery in Nampo port."})
}

test_before_2375_is_quiet if {
	count(maritime_sts.finding) == 0 with input as object.union(event, {"date": "2017-06"})
}
