package sanctions.dprk.sectoral_export_test

import data.sanctions.dprk.sectoral_export
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2018-03",
	"supplier": {"country": "KP"},
	"recipient": {"country": "CN"},
	"items": [{"description": "anthracite coal"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

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

has_reason(f, fragment) if {
	some r in f.reasoning
	contains(r, fragment)
}

test_titanium_and_vanadium_ore_from_2270 if {
	f := only_finding(with_item("2016-06", "titanium ore concentrate"))
	f.verdict == "possible_violation"
	paragraphs(f) == ["2270 (2016) 30"]
	has_reason(f, "titanium ore")
	g := only_finding(with_item("2017-02", "vanadium ore"))
	g.verdict == "possible_violation"
	paragraphs(g) == ["2270 (2016) 30"]
}

test_titanium_ore_before_2270_is_quiet if {
	count(sectoral_export.finding) == 0 with input as with_item("2015-11", "titanium ore")
	count(sectoral_export.finding) == 0 with input as with_item("2016-02", "vanadium ore")
}

test_titanium_ore_imported_by_the_dprk_is_quiet if {
	count(sectoral_export.finding) == 0 with input as object.union(with_item("2018-03", "ilmenite"), {"supplier": {"country": "CN"}, "recipient": {"country": "KP"}})
}

test_titanium_metal_is_not_ore if {
	count(sectoral_export.finding) == 0 with input as with_item("2018-03", "titanium alloy tubes")
}

fishing := object.union(event, {
	"date": "2018-06",
	"recipient": {"name": "Chinese fishing operators", "country": "CN", "kind": "company"},
	"items": [{"description": "fishing licences for DPRK waters"}],
})

test_fishing_rights_sold_after_2397_fire if {
	f := only_finding(fishing)
	f.verdict == "possible_violation"
	paragraphs(f) == ["2397 (2017) 6"]
	has_reason(f, "fishing rights")
}

test_fishing_rights_sold_before_the_clarification_need_review if {
	f := only_finding(object.union(fishing, {"date": "2017-10"}))
	f.verdict == "needs_review"
	paragraphs(f) == ["2371 (2017) 9"]
	has_reason(f, "Only on 22 December 2017")
}

test_fishing_rights_before_2371_are_quiet if {
	count(sectoral_export.finding) == 0 with input as object.union(fishing, {"date": "2016-10"})
}

test_fishing_rights_bought_by_the_dprk_are_quiet if {
	count(sectoral_export.finding) == 0 with input as object.union(fishing, {"supplier": {"country": "RU"}, "recipient": {"country": "KP"}})
}

test_fishing_vessels_are_vessels_not_fishing_rights if {
	f := only_finding(object.union(fishing, {"items": [{"description": "fishing vessels"}]}))
	f.citations[0].summary != only_finding(fishing).citations[0].summary
}

test_coal_in_the_30_days_after_2371_needs_review if {
	f := only_finding(with_item("2017-08-20", "anthracite coal"))
	f.verdict == "needs_review"
	paragraphs(f) == ["2371 (2017) 8"]
	has_reason(f, "After UNSCR 2371 (2017), States could still allow in, from 2017-08-05 to 2017-09-04, shipments of coal")
}

test_coal_after_the_2371_wind_down_is_a_possible_violation if {
	f := only_finding(with_item("2017-09-05", "anthracite coal"))
	f.verdict == "possible_violation"
	not has_reason(f, "written contracts")
}

test_seafood_and_lead_share_the_2371_wind_down if {
	only_finding(with_item("2017-09-01", "frozen fish")).verdict == "needs_review"
	only_finding(with_item("2017-09-01", "lead concentrate")).verdict == "needs_review"
	only_finding(with_item("2017-09-10", "lead concentrate")).verdict == "possible_violation"
}

test_textiles_in_the_90_days_after_2375_need_review if {
	f := only_finding(with_item("2017-11", "garments"))
	f.verdict == "needs_review"
	has_reason(f, "After UNSCR 2375 (2017), States could still allow in, from 2017-09-11 to 2017-12-10, shipments of textiles")
	only_finding(with_item("2017-12-11", "garments")).verdict == "possible_violation"
}

test_2397_goods_in_the_30_days_after_2397_need_review if {
	f := only_finding(with_item("2018-01-10", "timber"))
	f.verdict == "needs_review"
	has_reason(f, "notified to the Committee within 45 days of the adoption")
	only_finding(with_item("2018-01-22", "timber")).verdict == "possible_violation"
}

test_a_period_reaching_into_the_wind_down_needs_review if {
	f := only_finding(object.union(with_item("2017-12", "timber"), {"end_date": "2018-02"}))
	f.verdict == "needs_review"
}

test_goods_banned_earlier_have_no_wind_down if {
	# zinc was banned by 2321 (2016): the days after 2371 (2017) do not reopen it.
	only_finding(with_item("2017-08-20", "zinc concentrate")).verdict == "possible_violation"
}

test_fishing_rights_sold_under_an_agreement_need_review if {
	f := only_finding(object.union(fishing, {"type": "agreement"}))
	f.verdict == "needs_review"
	has_reason(f, "The event is an agreement: whether fishing rights were sold or transferred is not established.")
}

test_fishing_rights_paid_for_fire if {
	only_finding(object.union(fishing, {"type": "financial"})).verdict == "possible_violation"
	only_finding(object.union(fishing, {"type": "cooperation"})).verdict == "possible_violation"
}

test_an_agreement_on_coal_is_not_judged_here if {
	count(sectoral_export.finding) == 0 with input as object.union(with_item("2018-03", "anthracite coal"), {"type": "agreement"})
}

# An item in two banned categories ("coal and iron ore") is placed once in the reasoning, not once
# per category.
test_an_item_in_two_banned_categories_is_reasoned_once if {
	f := only_finding(with_item("2018-03", "coal and iron ore"))
	placed := [r | some r in f.reasoning; contains(r, "'coal and iron ore'")]
	count(placed) == 1
}
