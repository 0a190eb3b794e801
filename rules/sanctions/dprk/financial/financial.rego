# METADATA
# title: Financial services for the DPRK's programmes
# description: >-
#   States must prevent financial services and transfers of any financial or other assets or
#   resources, bulk cash included, that could contribute to the DPRK's nuclear or ballistic
#   missile programmes or other prohibited activities (2094 (2013) 11), and must prohibit public
#   and private financial support for trade with the DPRK, such as export credits, guarantees and
#   insurance (2321 (2016) 32). Fires on a payment, service or cash transfer to or from the DPRK: a
#   possible violation when it pays for arms or programme items or supports trade; otherwise it
#   needs review, since whether the funds could contribute to prohibited activity is unknown.
# scope: package
# custom:
#   id: DPRK-FINANCIAL
#   category: financial
#   severity: high
#   citations:
#     - resolution: 2321 (2016)
#       paragraph: "32"
#       in_force: "2016-11-30"
#       measure: trade_support
#       summary: >-
#         All States shall prohibit public and private financial support from their territories or
#         by persons or entities subject to their jurisdiction for trade with the DPRK, including
#         export credits, guarantees or insurance, unless the Committee approves case by case.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/financial-support-trade-with-target
#     - resolution: 2094 (2013)
#       paragraph: "11"
#       in_force: "2013-03-07"
#       measure: funds
#       summary: >-
#         Member States shall prevent the provision of financial services or the transfer to,
#         through or from their territory, or by their nationals or financial institutions, of any
#         financial or other assets or resources, including bulk cash, that could contribute to the
#         DPRK's nuclear or ballistic missile programmes or other activities prohibited by the
#         resolutions, or to the evasion of the measures.
#       url: https://docs.un.org/en/S/RES/2094(2013)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.financial

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

trade_phrases := {"export credit", "export credits", "trade finance", "trade financing", "letter of credit", "letters of credit", "credit guarantee", "guarantee", "guarantees", "insurance"}

trade_support if {
	some p in trade_phrases
	lib.mentions(p)
}

cash := [it | some it in lib.items; "cash" in it.categories]

# linked: the money pays for arms or programme items.
linked := [it | some it in lib.items; some g in {"arms", "wmd_missile"}; lib.item_in_group(it, g)]

relevant if input.type == "financial"

relevant if {
	input.type == "transfer"
	count(cash) > 0
}

finding contains f if {
	relevant
	count(dprk.directions) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "any",
		"facts": array.concat([lib.supply_fact], trade_fact),
		"items": array.concat(linked, cash),
		"measures": measures,
		"review": review,
	})
}

measures := {"funds", "trade_support"} if trade_support

else := {"funds"}

trade_fact := ["The event supports trade with the DPRK financially (credit, guarantees or insurance)."] if trade_support

else := []

review := [] if {
	trade_support
} else := [] if {
	count(linked) > 0
} else := ["Whether these funds or services could contribute to the DPRK's nuclear or ballistic missile programmes or other prohibited activities is not established."]
