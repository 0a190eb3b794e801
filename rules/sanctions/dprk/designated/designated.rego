# METADATA
# title: Designated persons and entities
# description: >-
#   States must freeze the funds and economic resources of the persons and entities the 1718
#   Committee designates, and of those acting on their behalf or at their direction, and make none
#   available to them (1718 (2006) 8(d)); and must refuse entry and transit to designated
#   individuals (1718 (2006) 8(e)). Parties match the designations table by UN reference
#   (ids.un_ref), by name or alias after normalisation (case, punctuation, spacing, word order),
#   or by acting_for. Fires, for the asset freeze, on a transfer, payment, assistance, labour,
#   cooperation or agreement with a designated party; for the travel ban, on a meeting or
#   deployment abroad in which a designated individual takes part. A match by name alone, a
#   listing during the event, or an unknown place needs review.
# scope: package
# related_resources:
#   - ref: https://docs.un.org/en/S/RES/1718(2006)
#     description: S/RES/1718 (2006)
#   - ref: https://main.un.org/securitycouncil/en/sanctions/1718/materials
#     description: 1718 Committee sanctions list materials
# custom:
#   id: DPRK-DESIGNATED
#   category: designation
#   severity: critical
#   citations:
#     - resolution: 1718 (2006)
#       paragraph: 8(d)
#       in_force: "2006-10-14"
#       measure: asset_freeze
#       summary: >-
#         All Member States shall freeze the funds, other financial assets and economic resources
#         owned or controlled by the persons or entities designated by the Committee, or by persons
#         or entities acting on their behalf or at their direction, and ensure that none are made
#         available to or for the benefit of such persons or entities.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1718 (2006)
#       paragraph: 8(e)
#       in_force: "2006-10-14"
#       measure: travel_ban
#       summary: >-
#         All Member States shall prevent the entry into or transit through their territories of
#         the individuals designated by the Committee, with their family members, save for
#         humanitarian need, religious obligation or where the Committee decides otherwise.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.designated

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

asset_types := {"transfer", "financial", "technical_assistance", "cooperation", "labour", "agreement"}

travel_types := {"meeting", "deployment"}

# hits: each party that matches a designation of the DPRK regime (lib.regime_hits).
hits := lib.regime_hits("DPRK")

finding contains f if {
	input.type in asset_types
	count(hits) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"facts": [hit_fact(h) | some h in hits],
		"items": [],
		"measures": {"asset_freeze"},
		"review": array.concat([r | some h in hits; some r in hit_review(h)], agreement_review),
	})
}

finding contains f if {
	input.type in travel_types
	travellers := {h | some h in hits; h.entry.type == "individual"}
	count(travellers) > 0
	not lib.location_country == "KP"
	f := dprk.finding(rego.metadata.chain(), {
		"facts": array.concat([hit_fact(h) | some h in travellers], [place_fact]),
		"items": [],
		"measures": {"travel_ban"},
		"review": array.concat([r | some h in travellers; some r in hit_review(h)], place_review),
	})
}

hit_fact(h) := lib.hit_fact(h, "the 1718 Committee")

hit_review(h) := lib.hit_review(h)

agreement_review := lib.agreement_review

place_fact := lib.travel_place_fact("the DPRK")

place_review := lib.travel_place_review("the DPRK")
