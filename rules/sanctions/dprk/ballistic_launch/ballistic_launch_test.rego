package sanctions.dprk.ballistic_launch_test

import data.sanctions.dprk.ballistic_launch
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "launch",
	"date": "2023-11-21",
	"parties": [{"country": "KP", "role": "operator"}],
	"items": [{"description": "Malligyong-1 reconnaissance satellite", "designation": "Chollima-1"}],
	"claims": [{"status": "confirmed", "by": {"country": "KP"}}],
})

only_finding(e) := f if {
	fs := ballistic_launch.finding with input as e
	count(fs) == 1
	some f in fs
}

paragraphs(f) := {sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations}

test_satellite_launch_fires if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.confidence == "high"
	"1874 (2009) 2" in paragraphs(f)
	not "1718 (2006) 2" in paragraphs(f)
	some r in f.reasoning
	contains(r, "S/PRST/2012/13")
}

test_ballistic_missile_launch_cites_1718_2 if {
	f := only_finding(object.union(event, {"items": [{"description": "short-range ballistic missile", "designation": "KN-23"}]}))
	"1718 (2006) 2" in paragraphs(f)
}

test_launch_in_2007_cites_1718_only if {
	f := only_finding(object.union(event, {"date": "2007-07", "items": [{"description": "Scud missiles"}]}))
	paragraphs(f) == {"1718 (2006) 2", "1718 (2006) 5"}
}

test_cruise_missile_is_quiet if {
	count(ballistic_launch.finding) == 0 with input as object.union(event, {"items": [{"description": "strategic cruise missiles"}]})
}

test_other_operator_is_quiet if {
	count(ballistic_launch.finding) == 0 with input as object.union(event, {"parties": [{"country": "RU", "role": "operator"}]})
}

test_unknown_object_needs_review if {
	f := only_finding(object.remove(event, ["items"]))
	f.verdict == "needs_review"
}

test_generic_missile_needs_review if {
	f := only_finding(object.union(event, {"items": [{"description": "an unidentified projectile"}]}))
	f.verdict == "needs_review"
}
