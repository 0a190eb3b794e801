# METADATA
# title: Luxury goods to the DPRK
# description: >-
#   No State may supply, sell or transfer luxury goods to the DPRK (1718 (2006) 8(a)(iii)); the
#   Council later listed examples (jewellery, yachts, luxury cars, luxury watches, rugs, porcelain
#   and more, in annexes to 2094 (2013), 2270 (2016) and 2321 (2016)). Fires on a transfer to the
#   DPRK of an item the taxonomy places among luxury goods.
# scope: package
# custom:
#   id: DPRK-LUXURY-GOODS
#   category: sectoral
#   severity: medium
#   citations:
#     - resolution: 1718 (2006)
#       paragraph: 8(a)(iii)
#       in_force: "2006-10-14"
#       covers: [luxury_goods]
#       summary: All Member States shall prevent the direct or indirect supply, sale or transfer to the DPRK of luxury goods.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.luxury_goods

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	"to_dprk" in dprk.directions
	not "from_dprk" in dprk.sure_directions
	items := lib.cited_items(chain)
	count(items) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "to_dprk",
		"facts": [lib.supply_fact],
		"items": items,
		"review": [],
	})
}

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
