package sanctions.dprk.sectoral_export_test

import data.sanctions.dprk.sectoral_export

event := {
	"id": "t",
	"type": "transfer",
	"date": "2018-03",
	"summary": "s",
	"supplier": {"country": "KP"},
	"recipient": {"country": "CN"},
	"items": [{"description": "anthracite coal"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
	"sources": [{"id": "s", "publisher": "p"}],
	"evidence": [{"quote": "q", "source": "s"}],
}

only_finding(e) := f if {
	fs := sectoral_export.finding with input as e
	count(fs) == 1
	some f in fs
}

paragraphs(f) := [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]

with_item(date, description) := object.union(event, {"date": date, "items": [{"description": description}]})

test_coal_2018_is_a_possible_violation if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	paragraphs(f) == ["2371 (2017) 8"]
}

test_coal_2015_was_lawful if {
	count(sectoral_export.finding) == 0 with input as with_item("2015-06", "anthracite coal")
}

test_coal_under_the_livelihood_exception_needs_review if {
	f := only_finding(with_item("2016-06", "coal"))
	f.verdict == "needs_review"
	paragraphs(f) == ["2270 (2016) 29"]
}

test_coal_under_the_cap_needs_review_on_both_grounds if {
	f := only_finding(with_item("2017-03", "coal"))
	f.verdict == "needs_review"
	paragraphs(f) == ["2321 (2016) 26", "2270 (2016) 29"]
}

test_coal_in_2017_needs_review if {
	f := only_finding(with_item("2017", "coal"))
	f.verdict == "needs_review"
}

test_each_ban_from_its_own_date if {
	only_finding(with_item("2018-01", "frozen fish")).citations[0].resolution == "2371 (2017)"
	count(sectoral_export.finding) == 0 with input as with_item("2017-07", "frozen fish")
	only_finding(with_item("2017-10", "garments")).citations[0].resolution == "2375 (2017)"
	count(sectoral_export.finding) == 0 with input as with_item("2017-08", "garments")
	only_finding(with_item("2018-02", "timber")).citations[0].resolution == "2397 (2017)"
	count(sectoral_export.finding) == 0 with input as with_item("2017-11", "timber")
	only_finding(with_item("2017-01", "zinc concentrate")).citations[0].resolution == "2321 (2016)"
	only_finding(with_item("2016-05", "rare earth minerals")).citations[0].resolution == "2270 (2016)"
	only_finding(with_item("2018-05", "bronze statues")).citations[0].paragraph == "29"
}

test_imports_are_quiet if {
	count(sectoral_export.finding) == 0 with input as object.union(event, {"supplier": {"country": "CN"}, "recipient": {"country": "KP"}})
}

test_unlisted_goods_are_quiet if {
	count(sectoral_export.finding) == 0 with input as with_item("2018-03", "wigs and false eyelashes")
}
