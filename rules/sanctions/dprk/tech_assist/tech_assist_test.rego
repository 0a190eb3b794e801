package sanctions.dprk.tech_assist_test

import data.sanctions.dprk.tech_assist
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "technical_assistance",
	"date": "2023-10",
	"supplier": {"country": "RU"},
	"recipient": {"country": "KP"},
	"items": [{"description": "help with the satellite launch vehicle"}],
	"claims": [{"status": "alleged", "by": {"country": "KR"}}],
})

only_finding(e) := f if {
	fs := tech_assist.finding with input as e
	count(fs) == 1
	some f in fs
}

paragraphs(f) := [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]

test_space_launch_help_to_dprk_fires_on_8c if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	paragraphs(f) == ["1718 (2006) 8(c)"]
	f.confidence == "low"
}

test_arms_training_to_dprk_cites_arms_embargo if {
	f := only_finding(object.union(event, {"items": [{"description": "training on MiG-29 maintenance"}]}))
	paragraphs(f) == ["2270 (2016) 6", "1874 (2009) 10", "1718 (2006) 8(c)"]
}

test_arms_training_from_dprk_cites_1874_9 if {
	f := only_finding(object.union(event, {
		"supplier": {"country": "KP"}, "recipient": {"country": "SY"},
		"items": [{"description": "military training"}],
	}))
	paragraphs(f) == ["1874 (2009) 9"]
}

test_help_between_other_states_is_quiet if {
	count(tech_assist.finding) == 0 with input as object.union(event, {"recipient": {"country": "IR"}})
}

test_unrelated_subject_is_quiet if {
	count(tech_assist.finding) == 0 with input as object.union(event, {"items": [{"description": "rice farming"}]})
}

test_missing_subject_needs_review if {
	f := only_finding(object.remove(event, ["items"]))
	f.verdict == "needs_review"
}

test_unplaced_subject_needs_review if {
	f := only_finding(object.union(event, {"items": [{"description": "engineering advice"}]}))
	f.verdict == "needs_review"
}

test_before_1718_is_quiet if {
	count(tech_assist.finding) == 0 with input as object.union(event, {"date": "2005"})
}

test_deployment_from_dprk_needs_review if {
	f := only_finding(object.union(object.remove(event, ["items"]), {
		"type": "deployment",
		"supplier": {"country": "KP"}, "recipient": {"country": "RU"},
	}))
	f.verdict == "needs_review"
	paragraphs(f) == ["1874 (2009) 9", "1718 (2006) 8(c)"]
}

test_deployment_to_dprk_is_quiet if {
	count(tech_assist.finding) == 0 with input as object.union(event, {"type": "deployment"})
}
