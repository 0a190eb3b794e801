# METADATA
# title: Libya arms exports
# description: >-
#   Libya shall cease the export of all arms and related materiel, and all Member States shall
#   prohibit their procurement from Libya by their nationals, or using their flag vessels or
#   aircraft (1970 (2011) 10), from 26 February 2011. Fires on a transfer whose supplier is Libya
#   or a Libyan party, or goods loaded at a Libyan port, when an item is arms or related materiel.
# scope: package
# custom:
#   id: LIBYA-ARMS-EXPORT
#   category: arms_embargo
#   severity: high
#   citations:
#     - resolution: 1970 (2011)
#       paragraph: "10"
#       in_force: "2011-02-26"
#       direction: from_libya
#       covers: [arms]
#       summary: >-
#         Libya shall cease the export of all arms and related materiel, and all Member States
#         shall prohibit the procurement of such items from Libya by their nationals, or using
#         their flag vessels or aircraft, whether or not originating in the territory of Libya.
#       url: https://docs.un.org/en/S/RES/1970(2011)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.libya.arms_export

import data.sanctions.lib
import data.sanctions.libya.lib as libya

finding contains f if {
	input.type == "transfer"
	"from_libya" in libya.directions
	arms := lib.cited_items(chain)
	count(arms) > 0
	f := libya.finding(rego.metadata.chain(), {
		"direction": "from_libya",
		"facts": [lib.supply_fact],
		"items": arms,
		"review": [],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
