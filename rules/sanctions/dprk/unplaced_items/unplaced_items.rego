# METADATA
# title: Items in DPRK trade that the taxonomy cannot place
# description: >-
#   Every measure on goods names a kind of item (arms, luxury goods, coal, machinery...), so an
#   item that the item taxonomy cannot place is judged by none of them. This rule does not guess
#   which measure might reach it: it fires once on a transfer from or to the DPRK (through any link
#   the parties, ports, place or carrier show) that holds such items, names them, and is always
#   needs_review. It cites only the paragraphs that reach any cargo from or to the DPRK, whatever
#   it is: the inspection of such cargo, mandatory from 2270 (2016) 18, and before it the call of
#   1874 (2009) 11 to inspect it on reasonable grounds. Giving the item a category in the event,
#   or adding its name to rules/data/taxonomy.yaml, hands it to the rules for that category.
# scope: package
# related_resources:
#   - ref: https://docs.un.org/en/S/RES/2270(2016)
#     description: S/RES/2270 (2016)
#   - ref: https://docs.un.org/en/S/RES/1874(2009)
#     description: S/RES/1874 (2009)
# custom:
#   id: DPRK-UNPLACED-ITEMS
#   category: sectoral
#   severity: medium
#   citations:
#     - resolution: 2270 (2016)
#       paragraph: "18"
#       in_force: "2016-03-02"
#       summary: >-
#         All States shall inspect the cargo within or transiting through their territory that has
#         originated in the DPRK or is destined for it, has been brokered or facilitated by the
#         DPRK or its nationals, or is carried on DPRK-flagged aircraft or vessels, to ensure that
#         no items are transferred in violation of the resolutions.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       confirmed: https://unsanctionsapp.com/checklist/implementation/enforcement-of-sanctions/shipping
#     - resolution: 1874 (2009)
#       paragraph: "11"
#       in_force: "2009-06-12"
#       until: "2016-03-01"
#       summary: >-
#         Calls upon all States to inspect all cargo to and from the DPRK in their territory,
#         including seaports and airports, if they have information that provides reasonable
#         grounds to believe that it contains items whose supply, sale, transfer or export
#         1718 (2006) 8(a), 8(b) or 8(c) or 1874 (2009) 9 or 10 prohibit.
#       review: Whether a State had reasonable grounds to believe that the cargo held prohibited items, as this paragraph asks, is not established.
#       url: https://docs.un.org/en/S/RES/1874(2009)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.unplaced_items

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	dprk_trade
	unplaced := lib.unplaced_items
	count(unplaced) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "any",
		"facts": [lib.supply_fact],
		"items": unplaced,
		"review": [sprintf(
			"Which measure, if any, reaches %s is not established: no rule judges an item the taxonomy cannot place. Give each such item its category in the event, or add its name to the item taxonomy.",
			[lib.join_and([sprintf("'%s'", [it.description]) | some it in unplaced])],
		)],
	})
}

# dprk_trade: the goods came from the DPRK or went to it.
dprk_trade if "from_dprk" in dprk.directions

dprk_trade if "to_dprk" in dprk.directions
