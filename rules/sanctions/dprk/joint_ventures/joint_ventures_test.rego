package sanctions.dprk.joint_ventures_test

import data.sanctions.dprk.joint_ventures
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "cooperation",
	"date": "2019",
	"summary": "A joint venture running a seafood processing plant.",
	"parties": [
		{"name": "a DPRK trading company", "country": "KP", "kind": "state_entity", "role": "participant"},
		{"name": "a foreign investor", "country": "CN", "kind": "company", "role": "participant"},
	],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

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

has_reason(f, fragment) if {
	some r in f.reasoning
	contains(r, fragment)
}

hydro := object.union(event, {
	"date": "2018-05",
	"summary": "The China-DPRK joint venture running the Supung hydroelectric power station kept operating.",
	"parties": [
		{"name": "a DPRK power company", "country": "KP", "kind": "state_entity", "role": "participant"},
		{"name": "a Chinese power company", "country": "CN", "kind": "company", "role": "participant"},
	],
})

test_an_existing_china_dprk_hydroelectric_project_is_carved_out if {
	count(joint_ventures.finding) == 0 with input as object.union(hydro, {"summary": "The existing China-DPRK joint venture running the Supung hydroelectric power station kept operating."})
}

test_a_hydroelectric_project_not_said_to_exist_before_needs_review if {
	f := only_finding(hydro)
	f.verdict == "needs_review"
	has_reason(f, "2375 (2017) 18 does not apply to existing ones, and whether this one existed on 11 September 2017 is not established")
}

test_a_new_hydroelectric_project_is_not_carved_out if {
	f := only_finding(object.union(hydro, {"summary": "A new China-DPRK joint venture was set up to build a hydroelectric power station."}))
	f.verdict == "possible_violation"
	has_reason(f, "the carve-out of 2375 (2017) 18 is for existing ones only")
}

test_a_hydroelectric_project_with_another_state_is_not_carved_out if {
	f := only_finding(object.union(hydro, {"parties": [
		{"name": "a DPRK power company", "country": "KP", "kind": "state_entity", "role": "participant"},
		{"name": "a foreign power company", "country": "RU", "kind": "company", "role": "participant"},
	]}))
	f.verdict == "possible_violation"
}

test_an_existing_hydroelectric_project_under_2371_is_judged_as_before if {
	f := only_finding(object.union(hydro, {"date": "2017-08-20", "summary": "The existing China-DPRK hydroelectric joint venture took new investment."}))
	f.verdict == "needs_review"
	f.citations[0].resolution == "2371 (2017)"
}

rajin := object.union(event, {
	"date": "2019",
	"summary": "The Rajin-Khasan port and rail joint venture shipped coal through Rajin.",
	"parties": [
		{"name": "a DPRK port company", "country": "KP", "kind": "state_entity", "role": "participant"},
		{"name": "a Russian railway company", "country": "RU", "kind": "company", "role": "participant"},
	],
})

test_the_rajin_khasan_project_needs_review_naming_its_carve_out if {
	f := only_finding(rajin)
	f.verdict == "needs_review"
	has_reason(f, "the Russia-DPRK Rajin-Khasan port and rail project: 2375 (2017) 18 does not apply to it when it serves solely to export Russia-origin coal")
}

test_the_rajin_khasan_carve_out_needs_russia if {
	f := only_finding(object.union(rajin, {"parties": [
		{"name": "a DPRK port company", "country": "KP", "kind": "state_entity", "role": "participant"},
		{"name": "a Chinese logistics company", "country": "CN", "kind": "company", "role": "participant"},
	]}))
	f.verdict == "possible_violation"
}

test_a_public_utility_project_needs_the_committees_approval if {
	f := only_finding(object.union(event, {"summary": "A non-commercial public utility joint venture built a water treatment plant."}))
	f.verdict == "needs_review"
	has_reason(f, "which 2375 (2017) 18 lets the Committee approve in advance case by case")
}

test_carve_outs_do_not_reach_the_time_before_2375 if {
	f := only_finding(object.union(rajin, {"date": "2017-08-20"}))
	not has_reason(f, "Rajin-Khasan")
}
