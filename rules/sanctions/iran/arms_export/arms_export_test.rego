package sanctions.iran.arms_export_test

import data.sanctions.iran.arms_export
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"supplier": {"country": "IR"},
	"recipient": {"country": "SY"},
	"items": [{"description": "artillery shells"}],
})

on(date) := object.union(event, {"date": date})

paragraphs(date) := ps if {
	fs := arms_export.finding with input as on(date)
	ps := {[sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations] | some f in fs}
}

contested(date) := cs if {
	fs := arms_export.finding with input as on(date)
	cs := {c | some f in fs; some c in f.counter_evidence; c.status == "contested"}
}

# Each boundary of the rule's periods, the day before and the day of.
test_before_1747_is_quiet if paragraphs("2007-03-23") == set()

test_1747_from_its_adoption if paragraphs("2007-03-24") == {["1747 (2007) 5"]}

test_1747_until_implementation_day if paragraphs("2016-01-15") == {["1747 (2007) 5"]}

test_2231_from_implementation_day if paragraphs("2016-01-16") == {["2231 (2015) Annex B 6(b)"]}

test_2231_until_its_sunset if paragraphs("2020-10-17") == {["2231 (2015) Annex B 6(b)"]}

test_no_measure_after_the_sunset if paragraphs("2020-10-18") == set()

test_no_measure_the_day_before_the_snapback if paragraphs("2025-09-27") == set()

test_restored_1747_from_the_snapback if paragraphs("2025-09-28") == {["1747 (2007) 5"]}

# The restored measure carries the challenge to its law, and the finding stays a possible violation.
test_restored_finding_says_it_is_contested if {
	some c in contested("2026-01")
	c.by == "Iran, the Russian Federation and China"
	startswith(c.url, "https://")
	some f in arms_export.finding with input as on("2026-01")
	f.verdict == "possible_violation"
	some r in f.reasoning
	contains(r, "is contested")
}

test_earlier_findings_are_not_contested if {
	contested("2009-01") == set()
	contested("2018-01") == set()
}

# A month that straddles the snapback may or may not be covered: the finding needs review.
test_a_vague_date_across_the_snapback_needs_review if {
	some f in arms_export.finding with input as on("2025-09")
	f.verdict == "needs_review"
}

test_direction_to_iran_is_quiet if {
	count(arms_export.finding) == 0 with input as object.union(on("2026-01"), {"supplier": {"country": "RU"}, "recipient": {"country": "IR"}})
}

test_iran_by_name_fires if {
	count(arms_export.finding) == 1 with input as object.union(on("2026-01"), {"supplier": {"name": "Islamic Republic of Iran"}})
}

# A supplier nobody can place may be Iran: the finding needs review, naming the missing fact...
test_an_unplaced_supplier_needs_review if {
	some f in arms_export.finding with input as testing.replaced(on("2018-01"), {"supplier": {"name": "an unnamed shipper"}})
	f.verdict == "needs_review"
	some r in f.reasoning
	contains(r, "whether it is Iran, or acts for it, is not stated")
}

# ...unless the goods were loaded in another state, which places their origin.
test_goods_loaded_elsewhere_are_not_irans if {
	ev := testing.replaced(on("2018-01"), {"supplier": {"name": "an unnamed shipper"}, "location": {"loading_port": "Nampo"}})
	count(arms_export.finding) == 0 with input as ev
}

# A period that spans Implementation Day is covered on every day, by 1747 (2007) 5 until
# 15 January 2016 and by 2231 (2015) Annex B 6(b) from the 16th: in force, both cited.
test_a_period_across_implementation_day_is_covered_by_both if {
	ev := object.union(on("2016"), {"end_date": "2016-06-24"})
	fs := arms_export.finding with input as ev
	some f in fs
	f.verdict == "possible_violation"
	[sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations] == ["2231 (2015) Annex B 6(b)", "1747 (2007) 5"]
}

# A period across the gap (18 October 2020 to 27 September 2025) is not covered on every day.
test_a_period_across_the_gap_needs_review if {
	ev := object.union(on("2020"), {"end_date": "2026-06"})
	fs := arms_export.finding with input as ev
	some f in fs
	f.verdict == "needs_review"
}

# Missile components are related materiel under 2231 (2015) Annex B 6(b), which has no other
# measure on them; under 1737 (2006) 7 they are IRAN-WMD-ITEMS'.
test_missile_components_are_related_materiel if {
	fs := arms_export.finding with input as object.union(on("2018-01"), {"items": [{"description": "advanced missile components"}]})
	count(fs) == 1
	count(arms_export.finding) == 0 with input as object.union(on("2026-01"), {"items": [{"description": "advanced missile components"}]})
}
