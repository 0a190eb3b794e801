package sanctions.dprk.overseas_workers_test

import data.sanctions.dprk.overseas_workers
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "labour",
	"date": "2024",
	"supplier": {"country": "KP"},
	"recipient": {"country": "RU"},
	"items": [{"description": "construction workers", "quantity": {"value": 8000, "unit": "persons", "qualifier": "approx"}}],
	"claims": [{"status": "reported", "by": {"name": "MSMT", "kind": "international_org"}}],
})

only_finding(e) := f if {
	fs := overseas_workers.finding with input as e
	count(fs) == 1
	some f in fs
}

test_workers_after_the_repatriation_deadline if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "8"
}

test_workers_in_2018_need_review if {
	f := only_finding(object.union(event, {"date": "2018-04"}))
	f.verdict == "needs_review"
	f.citations[0].resolution == "2375 (2017)"
}

test_workers_before_2371_are_quiet if {
	count(overseas_workers.finding) == 0 with input as object.union(event, {"date": "2016-05"})
}

test_workers_coming_to_the_dprk_are_quiet if {
	count(overseas_workers.finding) == 0 with input as object.union(event, {"supplier": {"country": "CN"}, "recipient": {"country": "KP"}})
}
