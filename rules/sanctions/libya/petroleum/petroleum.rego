# METADATA
# title: Illicit exports of crude oil from Libya
# description: >-
#   Against attempts to export crude oil illicitly from Libya, the 1970 Committee may designate
#   vessels, and States must then prevent them from loading, transporting or discharging such
#   oil, and deny them bunkering and other services (2146 (2014) 10, from 19 March 2014; the
#   designations in 11; inspection on the high seas in 5 to 9). Fires on a transfer of crude oil
#   loaded in Libya, or supplied by a Libyan party, that is not the Government of Libya: whether
#   the carrier is a designated vessel, and whether the Government authorised the export, is not
#   shown, so the finding needs review; a designated carrier makes it a possible violation.
# scope: package
# custom:
#   id: LIBYA-PETROLEUM
#   category: sectoral
#   severity: high
#   citations:
#     - resolution: 2146 (2014)
#       paragraph: "10"
#       in_force: "2014-03-19"
#       covers: [crude_oil]
#       summary: >-
#         On vessels the Committee designates under paragraph 11, States shall take the measures
#         needed to prevent them from loading, transporting or discharging crude oil from Libya,
#         to deny them entry into their ports, and to prohibit the provision of bunkering or other
#         servicing to them.
#       url: https://docs.un.org/en/S/RES/2146(2014)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/bunkering
package sanctions.libya.petroleum

import data.sanctions.lib
import data.sanctions.libya.lib as libya

finding contains f if {
	input.type == "transfer"
	"from_libya" in libya.directions
	not government_supplier
	oil := lib.cited_items(chain)
	count(oil) > 0
	f := libya.finding(rego.metadata.chain(), {
		"direction": "from_libya",
		"facts": array.concat([lib.supply_fact], carrier_facts),
		"items": oil,
		"review": carrier_review,
	})
}

# government_supplier: the Government of Libya (or a state body) exports its own oil.
government_supplier if {
	lib.supplier_country == "LY"
	lib.official(input.supplier)
}

# designated_carriers are the carriers the designations table lists under the Libya regime.
designated_carriers contains h if {
	some h in lib.regime_hits("LIBYA")
	h.role == "carrier"
}

carrier_facts := [lib.hit_fact(h, "the 1970 Committee") | some h in designated_carriers]

carrier_review := [] if {
	count(designated_carriers) > 0
} else := ["Whether the carrier is a vessel the 1970 Committee designated under 2146 (2014) 11, and whether the Government of Libya authorised the export, is not shown."]

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
