package sanctions.dprk.joint_ventures_test

import data.sanctions.dprk.joint_ventures

event := {
	"id": "t",
	"type": "cooperation",
	"date": "2019",
	"summary": "A joint venture running a seafood processing plant.",
	"parties": [
		{"name": "a DPRK trading company", "country": "KP", "kind": "state_entity", "role": "participant"},
		{"name": "a foreign investor", "country": "CN", "kind": "company", "role": "participant"},
	],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
	"sources": [{"id": "s", "publisher": "p"}],
	"evidence": [{"quote": "q", "source": "s"}],
}

only_finding(e) := f if {
	fs := joint_ventures.finding with input as e
	count(fs) == 1
	some f in fs
}

test_joint_venture_in_2019_fires if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "18"
}

test_joint_venture_during_the_closing_period_needs_review if {
	f := only_finding(object.union(event, {"date": "2017-11"}))
	f.verdict == "needs_review"
}

test_joint_venture_before_2371_is_quiet if {
	count(joint_ventures.finding) == 0 with input as object.union(event, {"date": "2015"})
}

test_plain_cooperation_is_quiet if {
	count(joint_ventures.finding) == 0 with input as object.union(event, {"summary": "Talks on fisheries."})
}

test_without_a_dprk_party_is_quiet if {
	count(joint_ventures.finding) == 0 with input as object.union(event, {"parties": [{"country": "CN", "role": "participant"}, {"country": "RU", "role": "participant"}]})
}

test_agreement_needs_review if {
	f := only_finding(object.union(event, {"type": "agreement", "tags": ["joint-venture"], "summary": "An agreement."}))
	f.verdict == "needs_review"
}
