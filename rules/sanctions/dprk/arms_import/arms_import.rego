# METADATA
# title: DPRK arms imports
# description: >-
#   No State may supply, sell or transfer arms to the DPRK: first the seven categories of the UN
#   Register of Conventional Arms and related materiel (1718 (2006) 8(a)(i)), then all arms and
#   related materiel except small arms and light weapons (1874 (2009) 10), then small arms and
#   light weapons too (2270 (2016) 6). Fires on a transfer whose recipient is the DPRK, from a
#   supplier that is not, when an item is arms or related materiel; items the taxonomy cannot
#   place are left to DPRK-UNPLACED-ITEMS.
# scope: package
# custom:
#   id: DPRK-ARMS-IMPORT
#   category: arms_embargo
#   severity: high
#   citations:
#     - resolution: 2270 (2016)
#       paragraph: "6"
#       in_force: "2016-03-02"
#       covers: [arms]
#       summary: >-
#         The measures of 1718 (2006) 8(a) also apply to all arms and related materiel, including
#         small arms and light weapons and their related materiel, and to related financial
#         transactions, technical training, advice, services or assistance.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1874 (2009)
#       paragraph: "10"
#       in_force: "2009-06-12"
#       covers: [arms]
#       excludes: [salw]
#       summary: >-
#         The measures of 1718 (2006) 8(a) also apply to all arms and related materiel, and to
#         related financial transactions, technical training, advice, services or assistance,
#         except small arms and light weapons and their related materiel, whose supply States
#         must notify to the Committee at least five days in advance.
#       url: https://docs.un.org/en/S/RES/1874(2009)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/additional-arms
#     - resolution: 1718 (2006)
#       paragraph: 8(a)(i)
#       in_force: "2006-10-14"
#       covers: [register_arms]
#       summary: >-
#         All Member States shall prevent the direct or indirect supply, sale or transfer to the
#         DPRK of battle tanks, armoured combat vehicles, large calibre artillery systems, combat
#         aircraft, attack helicopters, warships, missiles or missile systems as defined for the
#         UN Register of Conventional Arms, and related materiel including spare parts.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.arms_import

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	"to_dprk" in dprk.directions
	not "from_dprk" in dprk.sure_directions
	arms := lib.cited_items(chain)
	count(arms) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "to_dprk",
		"facts": [lib.supply_fact],
		"items": arms,
		"review": [],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
