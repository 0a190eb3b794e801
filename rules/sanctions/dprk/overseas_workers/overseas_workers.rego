# METADATA
# title: DPRK workers abroad
# description: >-
#   States may not increase the work authorizations of DPRK nationals (2371 (2017)), may grant no
#   new ones (2375 (2017) 17), and had to repatriate every DPRK national earning income in their
#   jurisdiction by 22 December 2019 (2397 (2017) 8). Fires on labour the DPRK supplies (its
#   workers sent abroad): after the repatriation deadline it is a possible violation; before, when
#   only new or additional authorizations were banned, it needs review.
# scope: package
# custom:
#   id: DPRK-OVERSEAS-WORKERS
#   category: labour
#   severity: high
#   citations:
#     - resolution: 2397 (2017)
#       paragraph: "8"
#       in_force: "2019-12-22"
#       summary: >-
#         Member States shall repatriate to the DPRK all DPRK nationals earning income in their
#         jurisdiction, and all DPRK government safety oversight attachés monitoring DPRK workers
#         abroad, immediately and no later than 24 months from 22 December 2017.
#       url: https://docs.un.org/en/S/RES/2397(2017)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2375 (2017)
#       paragraph: "17"
#       in_force: "2017-09-11"
#       summary: >-
#         All Member States shall not provide work authorizations for DPRK nationals in their
#         jurisdictions in connection with admission to their territories, unless the Committee
#         approves case by case; contracts finalized before the resolution are not affected.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether these workers were authorized after September 2017, rather than under contracts concluded before it, is not established.
#     - resolution: 2371 (2017)
#       paragraph: "11"
#       in_force: "2017-08-05"
#       until: "2017-09-10"
#       summary: >-
#         All States shall not exceed, on any date after the resolution's adoption, the total number
#         of work authorizations for DPRK nationals provided in their jurisdictions at that time.
#       url: https://docs.un.org/en/S/RES/2371(2017)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether the number of DPRK workers authorized rose after August 2017 is not established.
package sanctions.dprk.overseas_workers

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

finding contains f if {
	input.type == "labour"
	"from_dprk" in dprk.directions
	not "to_dprk" in dprk.sure_directions
	f := dprk.finding(rego.metadata.chain(), {
		"direction": "from_dprk",
		"facts": [sprintf("DPRK nationals work for %s, earning income abroad.", [lib.recipient_label])],
		"items": [],
		"review": [],
	})
}
