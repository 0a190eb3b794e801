# METADATA
# title: Persons and entities designated under the Iran regime
# description: >-
#   States must freeze the funds, other financial assets and economic resources of the persons
#   and entities designated in the annex of 1737 (2006) and by the Council or the 1737 Committee
#   since, and of those acting on their behalf or at their direction, and make none available to
#   them (1737 (2006) 12), from 23 December 2006 until Implementation Day, and again from the
#   re-application of the earlier resolutions on 28 September 2025, when the 1737 Committee's list
#   was re-established (the "snapback", which Iran, the Russian Federation and China hold void:
#   every such finding says so). Between Implementation Day and the snapback the 1737 list did not
#   apply, and this rule does not judge events of that period (the shorter list kept under
#   2231 (2015) is not in the designations table). Parties match the designations table's Iran
#   entries by UN reference, by name or alias after normalisation, or by acting_for. Fires on a
#   transfer, payment, assistance, labour, cooperation or agreement with a designated party.
# scope: package
# custom:
#   id: IRAN-DESIGNATED
#   category: designation
#   severity: critical
#   citations:
#     - resolution: 1737 (2006)
#       paragraph: "12"
#       in_force: "2025-09-28"
#       measure: asset_freeze
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: all States shall
#         freeze the funds, other financial assets and economic resources owned or controlled by
#         the persons or entities designated in the annex of 1737 (2006) and by the Council or the
#         Committee, or by persons or entities acting on their behalf or at their direction, and
#         ensure that none are made available to them.
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       confirmed: http://humanrightsvoices.org/EYEontheUN/terrorism/un_iran_watch/?p=1089
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 1737 (2006)
#       paragraph: "12"
#       in_force: "2006-12-23"
#       until: "2016-01-15"
#       measure: asset_freeze
#       summary: >-
#         All States shall freeze the funds, other financial assets and economic resources owned or
#         controlled by the persons or entities designated in the annex of 1737 (2006) and by the
#         Council or the Committee, or by persons or entities acting on their behalf or at their
#         direction, and ensure that none are made available to them (terminated on
#         Implementation Day under resolution 2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       confirmed: http://humanrightsvoices.org/EYEontheUN/terrorism/un_iran_watch/?p=1089
package sanctions.iran.designated

import data.sanctions.iran.lib as iran
import data.sanctions.lib

asset_types := {"transfer", "financial", "technical_assistance", "cooperation", "labour", "agreement"}

# hits: each party that matches a designation of the IRAN regime (lib.regime_hits).
hits := lib.regime_hits("IRAN")

finding contains f if {
	input.type in asset_types
	count(hits) > 0
	f := iran.finding(rego.metadata.chain(), {
		"facts": [lib.hit_fact(h, "the Security Council or the 1737 Committee") | some h in hits],
		"items": [],
		"measures": {"asset_freeze"},
		"review": array.concat([r | some h in hits; some r in lib.hit_review(h)], lib.agreement_review),
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
