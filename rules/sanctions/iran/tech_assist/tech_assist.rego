# METADATA
# title: Technical assistance to Iran for its nuclear and missile programmes
# description: >-
#   States must prevent the provision to Iran of technical assistance or training, financial
#   assistance, investment, brokering or other services related to the items that could
#   contribute to its enrichment, reprocessing or heavy water activities or to nuclear weapon
#   delivery systems (1737 (2006) 6), and the transfer of technology or technical assistance to
#   Iran related to its activities on ballistic missiles capable of delivering nuclear weapons
#   (1929 (2010) 9), until Implementation Day and again from the re-application of the earlier
#   resolutions on 28 September 2025 (the "snapback", which Iran, the Russian Federation and China
#   hold void: every such finding says so). Fires on technical assistance to Iran that relates to
#   nuclear or missile items or technology, or to something the taxonomy cannot place, for review.
# scope: package
# custom:
#   id: IRAN-TECH-ASSIST
#   category: technical_assistance
#   severity: high
#   citations:
#     - resolution: 1929 (2010)
#       paragraph: "9"
#       in_force: "2025-09-28"
#       direction: to_iran
#       covers: [ballistic_technology]
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: States shall take all
#         necessary measures to prevent the transfer of technology or technical assistance to Iran
#         related to its activities on ballistic missiles capable of delivering nuclear weapons.
#       url: https://docs.un.org/en/S/RES/1929(2010)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/training-assistance-services
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 1737 (2006)
#       paragraph: "6"
#       in_force: "2025-09-28"
#       direction: to_iran
#       covers: [wmd_missile]
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: States shall prevent
#         the provision to Iran of any technical assistance or training, financial assistance,
#         investment, brokering or other services, and the transfer of financial resources or
#         services, related to the supply, sale, transfer, manufacture or use of the items that
#         1737 (2006) prohibits.
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       note: paragraph number not yet confirmed against the resolution text
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 1929 (2010)
#       paragraph: "9"
#       in_force: "2010-06-09"
#       until: "2016-01-15"
#       direction: to_iran
#       covers: [ballistic_technology]
#       summary: >-
#         States shall take all necessary measures to prevent the transfer of technology or
#         technical assistance to Iran related to its activities on ballistic missiles capable of
#         delivering nuclear weapons (terminated on Implementation Day under resolution 2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1929(2010)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/training-assistance-services
#     - resolution: 1737 (2006)
#       paragraph: "6"
#       in_force: "2006-12-23"
#       until: "2016-01-15"
#       direction: to_iran
#       covers: [wmd_missile]
#       summary: >-
#         States shall prevent the provision to Iran of any technical assistance or training,
#         financial assistance, investment, brokering or other services, and the transfer of
#         financial resources or services, related to the supply, sale, transfer, manufacture or use
#         of the items that 1737 (2006) prohibits (terminated on Implementation Day under
#         resolution 2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.iran.tech_assist

import data.sanctions.iran.lib as iran
import data.sanctions.lib

# What the assistance relates to: the items the citations cover (nuclear and missile items and
# technology), else what the taxonomy cannot place, for review.
finding contains f if {
	input.type == "technical_assistance"
	"to_iran" in iran.directions
	not "from_iran" in iran.sure_directions
	subjects := lib.cited_or_unplaced(
		chain,
		"What the assistance relates to is unknown; if it relates to nuclear or ballistic missile items or technology, the prohibition applies.",
	)
	f := iran.finding(rego.metadata.chain(), object.union(subjects, {"direction": "to_iran", "facts": [lib.supply_fact]}))
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
