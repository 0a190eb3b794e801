# METADATA
# title: Persons and entities designated under the Libya regime
# description: >-
#   States must freeze the funds, other financial assets and economic resources of the persons
#   and entities designated in the annex of 1970 (2011) and by the Council or the 1970 Committee,
#   and of those acting on their behalf or at their direction, and make none available to them
#   (1970 (2011) 17); and must prevent the entry into or transit through their territories of the
#   individuals so designated (1970 (2011) 15); an entry listed for one of the two only (the
#   list says which) is judged under that one. Parties match the designations table's Libya
#   entries by UN reference, by name or alias after normalisation, or by acting_for. Fires, for
#   the asset freeze, on a transfer, payment, assistance, labour, cooperation or agreement with a
#   designated party; for the travel ban, on a meeting or deployment outside Libya in which a
#   designated individual takes part.
# scope: package
# custom:
#   id: LIBYA-DESIGNATED
#   category: designation
#   severity: critical
#   citations:
#     - resolution: 1970 (2011)
#       paragraph: "17"
#       in_force: "2011-02-26"
#       measure: asset_freeze
#       summary: >-
#         All Member States shall freeze without delay all funds, other financial assets and
#         economic resources owned or controlled by the individuals or entities designated, or by
#         those acting on their behalf or at their direction, and ensure that none are made
#         available to or for the benefit of them.
#       url: https://docs.un.org/en/S/RES/1970(2011)
#       confirmed: gilbertbouic/Mkweli:data/un_consolidated.xml
#     - resolution: 1970 (2011)
#       paragraph: "15"
#       in_force: "2011-02-26"
#       measure: travel_ban
#       summary: >-
#         All Member States shall take the necessary measures to prevent the entry into or transit
#         through their territories of the individuals designated.
#       url: https://docs.un.org/en/S/RES/1970(2011)
#       confirmed: gilbertbouic/Mkweli:data/un_consolidated.xml
package sanctions.libya.designated

import data.sanctions.lib
import data.sanctions.libya.lib as libya

asset_types := {"transfer", "financial", "technical_assistance", "cooperation", "labour", "agreement"}

travel_types := {"meeting", "deployment"}

# hits: each party that matches a designation of the LIBYA regime (lib.regime_hits).
hits := lib.regime_hits("LIBYA")

finding contains f if {
	input.type in asset_types
	freeze := lib.hits_for(hits, "asset_freeze")
	count(freeze) > 0
	f := libya.finding(rego.metadata.chain(), {
		"facts": [lib.hit_fact(h, "the Security Council or the 1970 Committee") | some h in freeze],
		"items": [],
		"measures": {"asset_freeze"},
		"review": array.concat([r | some h in freeze; some r in lib.hit_review(h)], lib.agreement_review),
	})
}

finding contains f if {
	input.type in travel_types
	travellers := {h | some h in lib.hits_for(hits, "travel_ban"); h.entry.type == "individual"}
	count(travellers) > 0
	not lib.location_country == "LY"
	f := libya.finding(rego.metadata.chain(), {
		"facts": array.concat([lib.hit_fact(h, "the Security Council or the 1970 Committee") | some h in travellers], [place_fact]),
		"items": [],
		"measures": {"travel_ban"},
		"review": array.concat([r | some h in travellers; some r in lib.hit_review(h)], place_review),
	})
}

place_fact := lib.travel_place_fact("Libya")

place_review := lib.travel_place_review("Libya")

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
