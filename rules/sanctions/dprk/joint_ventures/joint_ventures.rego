# METADATA
# title: Joint ventures with the DPRK
# description: >-
#   States must prohibit new joint ventures or cooperative entities with DPRK entities or
#   individuals, and the expansion of existing ones (2371 (2017)); then the opening, maintenance
#   and operation of all of them, new and existing, the existing to close within 120 days, by
#   9 January 2018, unless the Committee approves (2375 (2017) 18). Fires on cooperation or an
#   agreement with a DPRK party that the event calls a joint venture (tag `joint-venture`, or the
#   words "joint venture", "cooperative entity" or "joint company"). Committee-approved ventures
#   belong in the exemptions table.
# scope: package
# schemas:
#   - input: schema.event
# related_resources:
#   - ref: https://docs.un.org/en/S/RES/2371(2017)
#     description: S/RES/2371 (2017)
#   - ref: https://docs.un.org/en/S/RES/2375(2017)
#     description: S/RES/2375 (2017)
# custom:
#   id: DPRK-JOINT-VENTURES
#   regime: DPRK
#   category: sectoral
#   severity: medium
#   citations:
#     - resolution: 2375 (2017)
#       paragraph: "18"
#       in_force: "2018-01-09"
#       summary: >-
#         States shall prohibit the opening, maintenance and operation of all joint ventures or
#         cooperative entities, new and existing, with DPRK entities or individuals, unless the
#         Committee approves them case by case; existing ones were to close within 120 days of
#         11 September 2017.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#     - resolution: 2375 (2017)
#       paragraph: "18"
#       in_force: "2017-09-11"
#       until: "2018-01-08"
#       summary: >-
#         States shall prohibit the opening of new joint ventures or cooperative entities with DPRK
#         entities or individuals; existing ones shall close within 120 days.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       review: Whether this venture was newly opened, or an existing one within its 120 days to close, is not established.
#     - resolution: 2371 (2017)
#       paragraph: "12"
#       in_force: "2017-08-05"
#       until: "2017-09-10"
#       summary: >-
#         States shall prohibit the opening of new joint ventures or cooperative entities with DPRK
#         entities or individuals, and the expansion of existing ones through additional investment.
#       url: https://docs.un.org/en/S/RES/2371(2017)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this venture was new or expanded by additional investment is not established.
package sanctions.dprk.joint_ventures

import data.sanctions.lib

jv_tags := {"joint-venture", "joint_venture", "jv"}

jv_phrases := {"joint venture", "joint ventures", "cooperative entity", "cooperative entities", "joint company"}

joint_venture if {
	some t in input.tags
	t in jv_tags
}

joint_venture if {
	some p in jv_phrases
	lib.mentions(p)
}

finding contains f if {
	input.type in {"cooperation", "agreement"}
	joint_venture
	count(lib.dprk_parties) > 0
	some_foreign_party
	f := lib.finding(rego.metadata.chain(), {
		"facts": [sprintf("The event is a joint venture or cooperative entity with %s.", [lib.join_and(sort({lib.label(p.party) | some p in lib.dprk_parties}))])],
		"items": [],
		"review": agreement_review,
	})
}

# some_foreign_party: the venture is with someone outside the DPRK.
some_foreign_party if {
	some c in lib.party_countries
	c != "KP"
}

agreement_review := ["The event is an agreement: whether the venture was opened or operated is not established."] if {
	input.type == "agreement"
} else := []
