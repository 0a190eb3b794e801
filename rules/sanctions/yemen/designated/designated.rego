# METADATA
# title: Persons and entities designated under the Yemen regime
# description: >-
#   States must freeze the funds, other financial assets and economic resources of the persons
#   and entities the 2140 Committee designates, and of those acting on their behalf or at their
#   direction, and make none available to them (2140 (2014) 11); the Houthis, listed by
#   2624 (2022) 5 for the targeted arms embargo only, reach the freeze only through a dealing that
#   benefits a designated individual, which is for review; and must prevent the entry into or transit through their territories of the
#   individuals it designates (2140 (2014) 15). Parties match the designations table's Yemen
#   entries by UN reference, by name or alias after normalisation, or by acting_for. Fires, for
#   the asset freeze, on a transfer, payment, assistance, labour, cooperation or agreement with a
#   designated party; for the travel ban, on a meeting or deployment outside Yemen in which a
#   designated individual takes part.
# scope: package
# custom:
#   id: YEMEN-DESIGNATED
#   category: designation
#   severity: critical
#   citations:
#     - resolution: 2140 (2014)
#       paragraph: "11"
#       in_force: "2014-02-26"
#       measure: asset_freeze
#       summary: >-
#         All Member States shall freeze the funds, other financial assets and economic resources
#         owned or controlled by the individuals or entities designated by the Committee, or by
#         individuals or entities acting on their behalf or at their direction, and ensure that
#         none are made available to or for the benefit of them.
#       url: https://docs.un.org/en/S/RES/2140(2014)
#       confirmed: http://www.un.org/sc/committees/2140/
#     - resolution: 2140 (2014)
#       paragraph: "15"
#       in_force: "2014-02-26"
#       measure: travel_ban
#       summary: >-
#         All Member States shall prevent the entry into or transit through their territories of
#         the individuals designated by the Committee.
#       url: https://docs.un.org/en/S/RES/2140(2014)
#       confirmed: http://www.un.org/sc/committees/2140/
package sanctions.yemen.designated

import data.sanctions.lib
import data.sanctions.yemen.lib as yemen

asset_types := {"transfer", "financial", "technical_assistance", "cooperation", "labour", "agreement"}

travel_types := {"meeting", "deployment"}

# hits: each party that matches a designation of the YEMEN regime (lib.regime_hits).
hits := lib.regime_hits("YEMEN")

finding contains f if {
	input.type in asset_types
	freeze := lib.hits_for(hits, "asset_freeze")
	count(freeze) > 0
	f := yemen.finding(rego.metadata.chain(), {
		"facts": [lib.hit_fact(h, "the 2140 Committee") | some h in freeze],
		"items": [],
		"measures": {"asset_freeze"},
		"review": array.concat([r | some h in freeze; some r in lib.hit_review(h)], lib.agreement_review),
	})
}

# The Houthis are listed for the targeted arms embargo only (2624 (2022) 5): dealings with them
# reach the asset freeze only if they benefit a designated individual, which is for review; arms
# for them are YEMEN-ARMS-TARGETED's.
finding contains f if {
	input.type in asset_types
	count(lib.hits_for(hits, "asset_freeze")) == 0
	count(lib.items_in_group("arms")) == 0
	arms_only := {h | some h in hits; lib.listed_for(h.entry) == {"arms_embargo"}}
	count(arms_only) > 0
	f := yemen.finding(rego.metadata.chain(), {
		"facts": [lib.hit_fact(h, "the Security Council") | some h in arms_only],
		"items": [],
		"measures": {"asset_freeze"},
		"review": array.concat(
			[sprintf("%s is listed for the targeted arms embargo only, not the asset freeze: whether the dealing benefits a designated individual or entity (such as Abdulmalik al-Houthi, YEi.004) is not shown.", [h.entry.reference]) | some h in arms_only],
			lib.agreement_review,
		),
	})
}

finding contains f if {
	input.type in travel_types
	travellers := {h | some h in lib.hits_for(hits, "travel_ban"); h.entry.type == "individual"}
	count(travellers) > 0
	not lib.location_country == "YE"
	f := yemen.finding(rego.metadata.chain(), {
		"facts": array.concat([lib.hit_fact(h, "the 2140 Committee") | some h in travellers], [place_fact]),
		"items": [],
		"measures": {"travel_ban"},
		"review": array.concat([r | some h in travellers; some r in lib.hit_review(h)], place_review),
	})
}

place_fact := lib.travel_place_fact("Yemen")

place_review := lib.travel_place_review("Yemen")

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
