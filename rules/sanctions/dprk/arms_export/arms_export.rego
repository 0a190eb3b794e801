# METADATA
# title: DPRK arms exports
# description: >-
#   The DPRK must not export arms, and no State may procure them from it: first the seven
#   categories of the UN Register of Conventional Arms and related materiel (1718 (2006) 8(b)),
#   then all arms and related materiel, ammunition and small arms included (1874 (2009) 9).
#   Fires on a transfer whose supplier is the DPRK when an item is arms or related materiel; items
#   the taxonomy cannot place are left to DPRK-UNPLACED-ITEMS.
# scope: package
# custom:
#   id: DPRK-ARMS-EXPORT
#   category: arms_embargo
#   severity: high
#   citations:
#     - resolution: 1874 (2009)
#       paragraph: "9"
#       in_force: "2009-06-12"
#       covers: [arms]
#       summary: >-
#         The measures of 1718 (2006) 8(b) also apply to all arms and related materiel, and to
#         financial transactions, technical training, advice, services or assistance related to
#         the provision, manufacture, maintenance or use of such arms or materiel.
#       url: https://docs.un.org/en/S/RES/1874(2009)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1718 (2006)
#       paragraph: 8(b)
#       in_force: "2006-10-14"
#       covers: [register_arms]
#       summary: >-
#         The DPRK shall cease the export of all items covered in 8(a)(i) and 8(a)(ii), and all
#         Member States shall prohibit the procurement of such items from the DPRK by their
#         nationals, or using their flag vessels or aircraft.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.arms_export

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	"from_dprk" in dprk.directions
	arms := lib.cited_items(chain)
	count(arms) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "from_dprk",
		"facts": [lib.supply_fact],
		"items": arms,
		"review": [],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
