# METADATA
# title: Nuclear, ballistic missile and other WMD items
# description: >-
#   No State may supply the DPRK with, or procure from it, the items, materials, equipment,
#   goods and technology that could contribute to its nuclear, ballistic missile or other
#   weapons of mass destruction programmes: those on the Council's lists (S/2006/814, S/2006/815,
#   S/2006/816 and their updates) and those the Council or the Committee determines
#   (1718 (2006) 8(a)(ii) and 8(b)). Fires on a transfer to or from the DPRK of missile, space
#   launch or nuclear technology or of dual-use items; complete arms (a ballistic missile) are left
#   to the arms rules, which cite 8(b) too. A dual-use item needs review: whether it is on the lists
#   or could contribute to the programmes is for an analyst to establish.
# scope: package
# custom:
#   id: DPRK-WMD-MISSILE-ITEMS
#   category: missile_programme
#   severity: critical
#   citations:
#     - resolution: 1718 (2006)
#       paragraph: 8(a)(ii)
#       in_force: "2006-10-14"
#       direction: to_dprk
#       covers: [wmd_missile]
#       excludes: [arms]
#       summary: >-
#         All Member States shall prevent the direct or indirect supply, sale or transfer to the
#         DPRK of all items, materials, equipment, goods and technology set out in S/2006/814 and
#         S/2006/815, or determined by the Council or the Committee, which could contribute to the
#         DPRK's nuclear-related, ballistic missile-related or other weapons of mass
#         destruction-related programmes.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1718 (2006)
#       paragraph: 8(b)
#       in_force: "2006-10-14"
#       direction: from_dprk
#       covers: [wmd_missile]
#       excludes: [arms]
#       summary: >-
#         The DPRK shall cease the export of all items covered in 8(a)(i) and 8(a)(ii), and all
#         Member States shall prohibit the procurement of such items from the DPRK by their
#         nationals, or using their flag vessels or aircraft.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.wmd_items

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	count(dprk.directions) > 0
	count(dprk.sure_directions) < 2
	items := [it | some it in lib.items_in_group("wmd_missile"); not lib.item_in_group(it, "arms")]
	count(items) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "any",
		"facts": [lib.supply_fact],
		"items": items,
		"review": dual_use_review(items),
	})
}

# dual_use_review: a transfer of dual-use items only needs review.
dual_use_review(items) := [] if {
	some it in items
	some c in it.categories
	c != "dual_use"
} else := ["Whether the dual-use items are on the Council's lists or could contribute to the DPRK's nuclear or ballistic missile programmes is not established."]
