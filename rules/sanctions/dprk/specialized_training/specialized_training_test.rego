package sanctions.dprk.specialized_training_test

import data.sanctions.dprk.specialized_training
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "technical_assistance",
	"date": "2017-09",
	"summary": "A university taught DPRK students.",
	"supplier": {"name": "a university", "country": "CN", "kind": "company"},
	"recipient": {"name": "DPRK students", "country": "KP", "kind": "person"},
	"items": [{"description": "graduate courses in aerospace engineering"}],
	"claims": [{"status": "reported", "by": {"name": "a newspaper", "kind": "media"}}],
})

only_finding(e) := f if {
	fs := specialized_training.finding with input as e
	count(fs) == 1
	some f in fs
}

test_aerospace_engineering_fires_on_2270 if {
	f := only_finding(event)
	f.citations[0].paragraph == "17"
	f.verdict == "possible_violation"
}

test_materials_science_only_after_2321 if {
	e := object.union(event, {"items": [{"description": "advanced materials science"}]})
	only_finding(e).citations[0].paragraph == "10"
	count(specialized_training.finding) == 0 with input as object.union(e, {"date": "2016-06"})
}

test_aerospace_before_2270_is_quiet if {
	count(specialized_training.finding) == 0 with input as object.union(event, {"date": "2015"})
}

test_other_fields_are_quiet if {
	count(specialized_training.finding) == 0 with input as object.union(event, {"items": [{"description": "Russian language courses"}]})
}

test_training_by_the_dprk_is_quiet if {
	count(specialized_training.finding) == 0 with input as object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "SY"}})
}
