# METADATA
# title: Iran arms exports
# description: >-
#   Iran must not supply, sell or transfer arms or related materiel, and no State may procure
#   them from it (1747 (2007) 5), from 24 March 2007 until Implementation Day; from Implementation
#   Day (16 January 2016) until 18 October 2020, States are to prevent the supply of arms from Iran
#   unless the Security Council decides otherwise in advance (2231 (2015) Annex B 6(b)); from the
#   re-application of the earlier resolutions on 28 September 2025 (the "snapback", which Iran,
#   the Russian Federation and China hold void: every such finding says so), 1747 (2007) 5 again.
#   Between 18 October 2020 and 28 September 2025 no arms measure applied. Fires on a transfer
#   whose supplier is Iran when an item is arms or related materiel, and, under 2231 (2015)
#   Annex B 6(b), missile components and technology too (under 1737 (2006) 7 those are
#   IRAN-WMD-ITEMS').
# scope: package
# custom:
#   id: IRAN-ARMS-EXPORT
#   category: arms_embargo
#   severity: high
#   citations:
#     - resolution: 1747 (2007)
#       paragraph: "5"
#       in_force: "2025-09-28"
#       direction: from_iran
#       covers: [arms]
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: Iran shall not supply,
#         sell or transfer directly or indirectly from its territory or by its nationals or using
#         its flag vessels or aircraft any arms or related materiel, and all States shall
#         prohibit the procurement of such items from Iran by their nationals, or using their flag
#         vessels or aircraft.
#       url: https://docs.un.org/en/S/RES/1747(2007)
#       confirmed: http://www.thedti.gov.za/nonproliferation/UNSecurityCouncil.htm
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 2231 (2015)
#       paragraph: Annex B 6(b)
#       in_force: "2016-01-16"
#       until: "2020-10-17"
#       direction: from_iran
#       covers: [arms, missile_technology]
#       summary: >-
#         All States are to take the necessary measures to prevent, except as decided otherwise
#         by the Security Council in advance on a case-by-case basis, the supply, sale or transfer
#         of arms or related materiel from Iran by their nationals or using their flag vessels or
#         aircraft, until five years after JCPOA Adoption Day (18 October 2015).
#       url: https://docs.un.org/en/S/RES/2231(2015)
#       confirmed: http://www.un.org/en/sc/2231/restrictions-arms.shtml
#     - resolution: 1747 (2007)
#       paragraph: "5"
#       in_force: "2007-03-24"
#       until: "2016-01-15"
#       direction: from_iran
#       covers: [arms]
#       summary: >-
#         Iran shall not supply, sell or transfer directly or indirectly from its territory or by
#         its nationals or using its flag vessels or aircraft any arms or related materiel, and
#         all States shall prohibit the procurement of such items from Iran by their nationals,
#         or using their flag vessels or aircraft (terminated on Implementation Day under resolution
#         2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1747(2007)
#       confirmed: http://www.thedti.gov.za/nonproliferation/UNSecurityCouncil.htm
package sanctions.iran.arms_export

import data.sanctions.iran.lib as iran
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	"from_iran" in iran.directions
	arms := lib.cited_items(chain)
	count(arms) > 0
	f := iran.finding(rego.metadata.chain(), {
		"direction": "from_iran",
		"facts": [lib.supply_fact],
		"items": arms,
		"review": [],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
