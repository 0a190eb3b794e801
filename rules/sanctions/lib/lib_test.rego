package sanctions.lib_test

import data.sanctions.lib
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"supplier": {"country": "KP"},
	"recipient": {"country": "RU"},
	"items": [{"description": "artillery shells"}],
})

with_items(descriptions) := object.union(event, {"items": [{"description": d} | some d in descriptions]})

categories_of(description) := cats if {
	items := lib.items with input as with_items([description])
	cats := items[0].categories
}

# --- words and keys ---

test_words_split_on_punctuation if {
	lib.words("KN-23 (Hwasong-11) missiles") == ["kn", "23", "hwasong", "11", "missiles"]
}

test_words_of_nothing_but_punctuation if {
	lib.words(" -- ") == []
}

test_mentions_whole_words_in_summary_and_items if {
	ev := object.union(with_items(["Crude oil under a letter of credit"]), {"summary": "A Joint-Venture in Rason"})
	lib.mentions("joint venture") with input as ev
	lib.mentions("letter of credit") with input as ev
	not lib.mentions("joint") with input as object.union(ev, {"summary": "A jointventure"})
	not lib.mentions("oil under a letter") with input as object.union(ev, {"items": []})
}

# --- item taxonomy ---

test_taxonomy_phrase if categories_of("hundreds of thousands of artillery rounds") == {"ammunition"}

test_taxonomy_designation if categories_of("KN-23") == {"ballistic_missile"}

test_taxonomy_plural_from_singular_phrase if categories_of("two howitzers") == {"artillery_system"}

test_taxonomy_whole_words_only if categories_of("coalition equipment") == set()

test_taxonomy_longest_match_wins if categories_of("Mi-24 attack helicopters") == {"attack_helicopter"}

test_taxonomy_longest_match_over_shorter_category if categories_of("iron ore") == {"iron_ore"}

test_taxonomy_fuel_tank_is_no_battle_tank if categories_of("a fuel tank") == {"other"}

test_taxonomy_several_categories if {
	categories_of("ballistic missiles and their launchers") == {"ballistic_missile", "missile_launcher"}
}

test_given_category_wins if {
	items := lib.items with input as object.union(event, {"items": [{"description": "crates", "category": "ammunition"}]})
	items[0].categories == {"ammunition"}
	items[0].given
}

test_designation_places_item if {
	items := lib.items with input as object.union(event, {"items": [{"description": "missiles", "designation": "Hwasong-11"}]})
	"ballistic_missile" in items[0].categories
}

# --- the items a rule's citations cover ---

chain := [{"annotations": {"custom": {"id": "T", "citations": [
	{"covers": ["arms"], "excludes": ["salw"]},
	{"covers": ["luxury_goods"]},
]}}}]

# cited_items: the items a citation covers, less its excludes (assault rifles are small arms, which
# the arms citation excludes); cited_or_unplaced: those, else the items the taxonomy cannot place,
# with every cited category, for review; nothing when every item is placed and none is covered.
test_cited_items_else_unplaced_for_review if {
	its := lib.cited_items(chain) with input as with_items(["artillery shells", "assault rifles", "a yacht", "rice"])
	[it.description | some it in its] == ["artillery shells", "a yacht"]
	cats := lib.cited_categories(chain)
	{"ammunition", "luxury_goods"} & cats == {"ammunition", "luxury_goods"}
	not "small_arms" in cats
	lib.cited_or_unplaced(chain, "u") == {"items": lib.items, "review": []} with input as with_items(["artillery shells"])
	p := lib.cited_or_unplaced(chain, "u") with input as with_items(["sealed cargo", "rice"])
	[it.description | some it in p.items] == ["sealed cargo"]
	p.categories == cats
	p.review == ["u"]
	lib.cited_or_unplaced(chain, "u").review == ["u"] with input as with_items([])
	not lib.cited_or_unplaced(chain, "u") with input as with_items(["rice"])
}

# --- parties ---

test_country_code_from_code if lib.country_code({"country": "KP"}) == "KP"

test_country_code_from_alias if lib.country_code({"country": "Pyongyang"}) == "KP"

test_country_code_ignores_case_and_punctuation if lib.country_code({"country": "d.p.r.k."}) == "KP"

test_unknown_country_has_no_code if not lib.country_code({"country": "Narnia"})

test_supply_fact if {
	lib.supply_fact == "The supplier is North Korea (KP) and the recipient is Russian Federation (RU)." with input as event
}

# --- dates ---

test_year_period if {
	lib.period_start == "2023-01-01" with input as object.union(event, {"date": "2023"})
	lib.period_end == "2023-12-31" with input as object.union(event, {"date": "2023"})
}

test_in_force_after_adoption if lib.timing("2009-06-12") == "in_force" with input as event

test_unclear_when_period_straddles_adoption if {
	lib.timing("2009-06-12") == "unclear" with input as object.union(event, {"date": "2009"})
}

test_unclear_when_end_date_reaches_adoption if {
	lib.timing("2016-03-02") == "unclear" with input as object.union(event, {"date": "2015-12", "end_date": "2016-04"})
}

test_not_in_force_before_adoption if {
	not lib.timing("2009-06-12") with input as object.union(event, {"date": "2008-05-01"})
}

# --- confidence ---

claims(cs) := object.union(event, {"claims": cs})

test_confirmed_is_high if {
	lib.confidence == "high" with input as claims([{"status": "confirmed", "by": {"country": "KP"}}])
}

test_un_report_is_high if {
	lib.confidence == "high" with input as claims([{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}])
}

test_two_independent_reporters_are_high if {
	lib.confidence == "high" with input as claims([
		{"status": "reported", "by": {"country": "US"}},
		{"status": "reported", "by": {"name": "Reuters", "country": "GB", "kind": "media"}},
	])
}

test_one_government_counts_once if {
	lib.confidence == "medium" with input as claims([
		{"status": "reported", "by": {"name": "the White House", "country": "US", "kind": "state"}},
		{"status": "reported", "by": {"name": "State Department", "country": "US", "kind": "state_entity"}},
	])
}

test_single_report_is_medium if {
	lib.confidence == "medium" with input as claims([{"status": "reported", "by": {"country": "US"}}])
}

test_single_allegation_is_low if {
	lib.confidence == "low" with input as claims([{"status": "alleged", "by": {"country": "KR"}}])
}

test_two_allegations_are_medium if {
	lib.confidence == "medium" with input as claims([
		{"status": "alleged", "by": {"country": "KR"}},
		{"status": "alleged", "by": {"country": "JP"}},
	])
}

test_party_denial_lowers_without_independent_report if {
	lib.confidence == "low" with input as claims([
		{"status": "alleged", "by": {"country": "KR"}},
		{"status": "alleged", "by": {"country": "JP"}},
		{"status": "denied", "by": {"country": "KP"}},
	])
}

test_party_denial_does_not_lower_an_independent_report if {
	lib.confidence == "medium" with input as claims([
		{"status": "reported", "by": {"country": "US"}},
		{"status": "denied", "by": {"country": "KP"}},
		{"status": "denied", "by": {"country": "RU"}},
	])
}

test_denial_by_a_non_party_does_not_lower if {
	lib.confidence == "medium" with input as claims([
		{"status": "alleged", "by": {"country": "KR"}},
		{"status": "alleged", "by": {"country": "JP"}},
		{"status": "denied", "by": {"country": "CN"}},
	])
}

test_retracted_claim_no_longer_counts if {
	lib.confidence == "low" with input as claims([
		{"status": "reported", "by": {"country": "US"}},
		{"status": "retracted", "by": {"country": "US"}},
	])
}

test_confidence_reason_names_claimants if {
	r := lib.confidence_reason with input as claims([
		{"status": "reported", "by": {"name": "the White House", "country": "US", "kind": "state"}},
		{"status": "denied", "by": {"country": "KP"}},
		{"status": "denied", "by": {"country": "RU"}},
	])
	r == "Confidence is medium: reported by the White House (US); denied by North Korea (KP) and Russian Federation (RU)."
}

test_counter_evidence_lists_denials if {
	ce := lib.counter_evidence with input as claims([
		{"status": "reported", "by": {"country": "US"}},
		{"status": "denied", "by": {"country": "KP"}, "source": "s"},
	])
	ce == [{"by": "North Korea (KP)", "status": "denied", "source": "s"}]
}
