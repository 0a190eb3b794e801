# METADATA
# title: DPRK sectoral imports
# description: >-
#   No State may supply the DPRK with aviation fuel (2270 (2016), except fuel for civil passenger
#   aircraft on their flight to the DPRK and back); new helicopters and new vessels (2321 (2016));
#   condensates and natural gas liquids (2375 (2017)); industrial machinery, transport vehicles,
#   iron, steel and other metals (2397 (2017) 7), or any vessel, new or used (2397 (2017) 14).
#   Refined petroleum and crude oil, which are capped rather than banned, are DPRK-PETROLEUM-CAP.
#   Fires on a transfer whose recipient is the DPRK, from a supplier that is not.
# scope: package
# custom:
#   id: DPRK-SECTORAL-IMPORT
#   category: sectoral
#   severity: high
#   citations:
#     - resolution: 2397 (2017)
#       paragraph: "14"
#       in_force: "2017-12-22"
#       covers: [vessel]
#       summary: >-
#         All Member States shall prohibit the direct or indirect supply, sale or transfer to the
#         DPRK of any new or used vessels, except as approved in advance by the Committee case by case.
#       url: https://docs.un.org/en/S/RES/2397(2017)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles
#     - resolution: 2397 (2017)
#       paragraph: "7"
#       in_force: "2017-12-22"
#       covers: [machinery, electrical_equipment, transport_vehicle, iron_steel_metals, iron, copper, nickel, lead, zinc]
#       summary: >-
#         All Member States shall prohibit the direct or indirect supply, sale or transfer to the
#         DPRK of all industrial machinery (HS 84 and 85), transportation vehicles (HS 86 to 89)
#         and iron, steel and other metals (HS 72 to 83), except spare parts for DPRK commercial
#         civilian passenger aircraft.
#       url: https://docs.un.org/en/S/RES/2397(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2375 (2017)
#       paragraph: "13"
#       in_force: "2017-09-11"
#       covers: [condensates_ngl]
#       summary: All Member States shall prohibit the direct or indirect supply, sale or transfer to the DPRK of all condensates and natural gas liquids.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2321 (2016)
#       paragraph: "30"
#       in_force: "2016-11-30"
#       covers: [helicopter, vessel]
#       summary: >-
#         All Member States shall prevent the direct or indirect supply, sale or transfer to the
#         DPRK of new helicopters and new vessels, except as approved in advance by the Committee
#         case by case.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles
#       review: Whether the helicopter or vessel was new, as this paragraph requires, is not stated.
#     - resolution: 2270 (2016)
#       paragraph: "31"
#       in_force: "2016-03-02"
#       covers: [aviation_fuel]
#       summary: >-
#         All States shall prevent the sale or supply to the DPRK of aviation fuel, including
#         aviation gasoline, naphtha-type and kerosene-type jet fuel and kerosene-type rocket fuel,
#         unless the Committee approves in advance, case by case, a transfer for verified essential
#         humanitarian needs; the ban does not apply to fuel for civilian passenger aircraft outside
#         the DPRK exclusively for their flight to the DPRK and back.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/aviation-fuel-imports
#       review: Whether the fuel was for a civilian passenger aircraft's flight to the DPRK and back, which the ban allows, is not stated.
package sanctions.dprk.sectoral_import

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	"to_dprk" in dprk.directions
	not "from_dprk" in dprk.sure_directions
	items := lib.cited_items(chain) # each item once, however many banned categories it has
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
