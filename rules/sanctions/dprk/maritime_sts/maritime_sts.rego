# METADATA
# title: Ship-to-ship transfers with DPRK-flagged vessels
# description: >-
#   States must prohibit their nationals, entities and flag vessels from facilitating or engaging
#   in ship-to-ship transfers to or from DPRK-flagged vessels of any goods supplied to or from the
#   DPRK (2375 (2017) 11). Fires on a transfer marked as ship-to-ship (tag `ship-to-ship`, or the
#   words in the summary) that involves the DPRK; when no DPRK-flagged vessel is named, the flag
#   is unknown and the finding needs review.
# scope: package
# custom:
#   id: DPRK-MARITIME-STS
#   category: maritime
#   severity: high
#   citations:
#     - resolution: 2375 (2017)
#       paragraph: "11"
#       in_force: "2017-09-11"
#       summary: >-
#         All Member States shall prohibit their nationals, persons subject to their jurisdiction,
#         entities incorporated in or subject to their jurisdiction, and vessels flying their flag,
#         from facilitating or engaging in ship-to-ship transfers to or from DPRK-flagged vessels
#         of any goods or items supplied, sold or transferred to or from the DPRK.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.maritime_sts

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

sts_tags := {"ship-to-ship", "ship_to_ship", "sts"}

ship_to_ship if {
	some t in input.tags
	t in sts_tags
}

ship_to_ship if contains(lib.padded_summary, " ship to ship ")

# dprk_vessels names the DPRK-flagged vessels among the parties.
dprk_vessels contains lib.label(p) if {
	some p in array.concat([object.get(input, "supplier", {}), object.get(input, "recipient", {})], object.get(input, "parties", []))
	lib.kind(p) == "vessel"
	lib.country_code(p) == "KP"
}

finding contains f if {
	input.type == "transfer"
	ship_to_ship
	involves_dprk
	f := dprk.finding(rego.metadata.chain(), {
		"facts": array.concat([lib.supply_fact, "The goods were moved by a ship-to-ship transfer."], vessel_facts),
		"items": [],
		"review": vessel_review,
	})
}

involves_dprk if count(dprk.directions) > 0

involves_dprk if count(dprk_vessels) > 0

vessel_facts := [sprintf("DPRK-flagged vessels took part: %s.", [lib.join_and([v | some v in dprk_vessels])])] if {
	count(dprk_vessels) > 0
} else := []

vessel_review := [] if {
	count(dprk_vessels) > 0
} else := ["No DPRK-flagged vessel is named: whether a vessel in the transfer flew the DPRK flag is not established."]
